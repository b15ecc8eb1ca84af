import { useMemo } from 'react';
import type { DueListItem } from '../../../shared/ipc/due';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';
import { useLoad, type Loaded } from '../../lib/use-load';
import type { MentorCourse } from './mentor-findings';
import { mentorsInOrder } from './mentor-order';

export type Loadable<T> = Loaded<T>;

/**
 * The mentor register, by name in the UI language's order (the machine's locale sorted Åse among the
 * A names under English), sorted again when the language changes; the function asks again (after a
 * save); and how many records were changed outside Bro (named by the service, not shown).
 */
export function useMentors(): [Loadable<MentorView[]>, () => void, number] {
  const { locale } = useI18n();
  const { loaded, reload } = useLoad('mentors', async () => api.invoke('mentors.list', {}));
  const mentors = useMemo<Loadable<MentorView[]>>(
    () => (loaded.state === 'ready' ? { state: 'ready', value: mentorsInOrder(loaded.value.mentors, locale) } : loaded),
    [loaded, locale],
  );
  return [mentors, reload, loaded.state === 'ready' ? loaded.value.altered.length : 0];
}

export interface CoursesAndDue {
  courses: MentorCourse[];
  due: DueListItem[];
}

async function loadCourses(courseIds: readonly string[]): Promise<IpcResult<CoursesAndDue>> {
  const courses: MentorCourse[] = [];
  const caseIds: string[] = [];
  for (const id of courseIds) {
    const detail = await api.invoke('documents.get', { id });
    if (!detail.ok) return detail;
    if (detail.value.data.kind !== 'mentor_course') continue;
    const caseId = detail.value.document.caseId;
    let caseReference = '';
    if (caseId) {
      caseIds.push(caseId);
      const found = await api.invoke('cases.get', { id: caseId });
      if (!found.ok) return found;
      caseReference = found.value.case.caseReference;
    }
    courses.push({ id, caseReference, content: detail.value.data.content });
  }
  // Only the courses' own cases: the whole vault's list can run to tens of thousands of items.
  const due: DueListItem[] = [];
  for (const caseId of new Set(caseIds)) {
    const result = await api.invoke('due.list', { caseId });
    if (!result.ok) return result;
    due.push(...result.value.items);
  }
  return { ok: true, value: { courses, due } };
}

/** The mentor's courses with their content and case reference, and the vault's due items for them. */
export function useMentorCourses(courseIds: readonly string[]): Loadable<CoursesAndDue> {
  const key = courseIds.join(',');
  return useLoad(key, () => loadCourses(key ? key.split(',') : [])).loaded;
}
