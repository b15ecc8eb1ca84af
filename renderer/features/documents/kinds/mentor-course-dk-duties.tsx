import type { DkMentorAssignment } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { DecimalInput } from '../choice-fields';
import { DateInput, TextArea, TextInput } from '../fields';
import type { DkPartProps } from './mentor-course-dk-eligibility';

/** § 14, stk. 1-2: the mentor's fee for this course and what it was set from. */
export function FeeFields({
  index,
  assignment,
  onChange,
}: {
  index: number;
  assignment: DkMentorAssignment;
  onChange(next: DkMentorAssignment): void;
}) {
  const t = useT();
  const path = `mentors.${index}.fee`;
  const fee = assignment.fee ?? { basis: '' };
  return (
    <>
      <div className="doc-row">
        <DecimalInput
          path={`${path}.amount`}
          label={t('regulatory.dkCourse.feeAmount')}
          max={10_000_000}
          value={fee.amount ?? 0}
          onChange={(v) => onChange({ ...assignment, fee: { ...fee, amount: v } })}
        />
        <DateInput
          path={`${path}.setOn`}
          label={t('regulatory.dkCourse.feeSetOn')}
          value={fee.setOn}
          onChange={(v) => onChange({ ...assignment, fee: { ...fee, setOn: v } })}
        />
      </div>
      <TextArea
        path={`${path}.basis`}
        label={t('regulatory.dkCourse.feeBasis')}
        rows={2}
        value={fee.basis}
        onChange={(v) => onChange({ ...assignment, fee: { ...fee, basis: v } })}
      />
    </>
  );
}

/** § 10: the area that assessed an inmate's need, and when it contacted the supervising area. */
export function AreaContactFields({ content, set }: DkPartProps) {
  const t = useT();
  return (
    <div className="doc-row">
      <TextInput
        path="assessingArea"
        label={t('regulatory.dkCourse.assessingArea')}
        value={content.assessingArea ?? ''}
        onChange={(v) => set('assessingArea', v)}
      />
      <DateInput
        path="supervisionAreaContactedOn"
        label={t('regulatory.dkCourse.supervisionAreaContactedOn')}
        value={content.supervisionAreaContactedOn}
        onChange={(v) => set('supervisionAreaContactedOn', v)}
      />
    </div>
  );
}

/** § 1, stk. 2: the goals of the action plan the mentor supports the person to reach. */
export function GoalsField({ content, set }: DkPartProps) {
  const t = useT();
  const plan = content.actionPlan;
  return (
    <TextArea
      path="actionPlan.goals"
      label={t('regulatory.dkCourse.goals')}
      rows={3}
      value={plan.goals ?? ''}
      onChange={(v) => set('actionPlan', { ...plan, goals: v })}
    />
  );
}
