import { useCallback, useEffect, useState } from 'react';
import type { DueListItem } from '../../../shared/ipc/due';
import type { MentorView } from '../../../shared/ipc/records';
import type { IpcError } from '../../../shared/ipc/result';
import { api } from '../../lib/api';
import type { MentorCourse } from './mentor-findings';

export type Loadable<T> = { state: 'loading' } | { state: 'failed'; error: IpcError } | { state: 'ready'; value: T };

export function useMentors(): [Loadable<MentorView[]>, () => void] {
  const [loaded, setLoaded] = useState<Loadable<MentorView[]>>({ state: 'loading' });
  const load = useCallback(() => {
    void api.invoke('mentors.list', {}).then((result) => {
      if (!result.ok) return setLoaded({ state: 'failed', error: result.error });
      const sorted = [...result.value.mentors].sort((a, b) => a.name.localeCompare(b.name));
      setLoaded({ state: 'ready', value: sorted });
    });
  }, []);
  useEffect(load, [load]);
  return [loaded, load];
}

export interface CoursesAndDue {
  courses: MentorCourse[];
  due: DueListItem[];
}

/** The mentor's courses with their content and case reference, and the vault's due items for them. */
export function useMentorCourses(courseIds: readonly string[]): Loadable<CoursesAndDue> {
  const [loaded, setLoaded] = useState<Loadable<CoursesAndDue>>({ state: 'loading' });
  const key = courseIds.join(',');
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    void (async () => {
      const courses: MentorCourse[] = [];
      const caseIds: string[] = [];
      for (const id of key ? key.split(',') : []) {
        const detail = await api.invoke('documents.get', { id });
        if (!detail.ok) return current && setLoaded({ state: 'failed', error: detail.error });
        if (detail.value.data.kind !== 'mentor_course') continue;
        const caseId = detail.value.document.caseId;
        if (caseId) caseIds.push(caseId);
        const found = caseId ? await api.invoke('cases.get', { id: caseId }) : null;
        courses.push({
          id,
          caseReference: found?.ok ? found.value.case.caseReference : '',
          content: detail.value.data.content,
        });
      }
      // Only the courses' own cases: the whole vault's list can run to tens of thousands of items.
      const due: DueListItem[] = [];
      for (const caseId of new Set(caseIds)) {
        const result = await api.invoke('due.list', { caseId });
        if (result.ok) due.push(...result.value.items);
      }
      if (!current) return;
      setLoaded({ state: 'ready', value: { courses, due } });
    })();
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}
