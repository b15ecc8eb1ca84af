import type { ReactNode } from 'react';
import type { MentorView } from '../../../../shared/ipc/records';
import { useT } from '../../../app/i18n';
import { ChoiceSelect, DateInput } from '../fields';
import { removeAt, replaceAt } from '../form-values';
import { RepeatingRows } from '../repeating-rows';

/** Parts of the mentor-course editor that the NO guideline and the DK circular have in common. */

/** One mentor chosen by name, from the register or from the course's own mentors. */
export function MentorSelect({
  path,
  mentors,
  value,
  onChange,
  emptyLabel,
}: {
  path: string;
  mentors: readonly MentorView[];
  value: string | undefined;
  onChange(mentorId: string | undefined): void;
  emptyLabel?: string;
}) {
  const t = useT();
  return (
    <ChoiceSelect
      path={path}
      label={t('editors.mentorCourse.mentor')}
      emptyLabel={emptyLabel}
      options={mentors.map((m) => ({ value: m.id, label: m.name }))}
      value={value}
      onChange={onChange}
    />
  );
}

/**
 * The course's mentors (NO pkt 13.4, DK § 11), each chosen from the register; a profile adds its own
 * facts to a row. Adding is disabled while the register is empty, and the note above says why.
 */
export function CourseMentorRows<A extends { mentorId: string }>({
  items,
  mentors,
  newRow,
  onChange,
  renderRow,
}: {
  items: readonly A[];
  mentors: readonly MentorView[];
  /** A new row for the given (first) mentor of the register. */
  newRow(mentorId: string): NoInfer<A>;
  onChange(next: A[]): void;
  renderRow(assignment: A, index: number, change: (next: A) => void): ReactNode;
}) {
  const t = useT();
  const first = mentors[0];
  return (
    <>
      {mentors.length === 0 ? <p className="muted">{t('editors.mentorCourse.noMentorsInRegister')}</p> : null}
      <RepeatingRows
        path="mentors"
        legend={t('domain.mentorCourse.mentors')}
        items={items}
        rowLabel={(i) => t('editors.mentorCourse.mentorRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.mentorCourse.removeMentor', { n: i + 1 })}
        addLabel={t('editors.mentorCourse.addMentor')}
        emptyText={t('editors.mentorCourse.noMentors')}
        addDisabled={!first}
        onAdd={() => first && onChange([...items, newRow(first.id)])}
        onRemove={(i) => onChange(removeAt(items, i))}
        renderRow={(assignment, i) => renderRow(assignment, i, (next) => onChange(replaceAt(items, i, next)))}
        testId="mentor-rows"
      />
    </>
  );
}

/** The day the course starts. */
export function CourseStartDate(props: { value: string | undefined; onChange(value: string | undefined): void }) {
  const t = useT();
  return <DateInput path="startDate" label={t('domain.mentorCourse.startDate')} {...props} />;
}
