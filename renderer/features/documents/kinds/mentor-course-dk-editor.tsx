import type { DkMentorAssignment, DkMentorCourseContent } from '../../../../shared/domain';
import type { MentorView } from '../../../../shared/ipc/records';
import { useI18n } from '../../../app/i18n';
import { DecimalInput, YesNo } from '../choice-fields';
import { DateInput, TextArea, TextInput } from '../fields';
import { formatNumber } from '../format';
import { EditorSection } from '../titled-section';
import { fieldSetter, type KindEditorProps } from './kind-editor';
import { EligibilityFields, type DkMentorPartProps, type DkPartProps } from './mentor-course-dk-eligibility';
import { FollowUpFields, SubsidyAndEndFields } from './mentor-course-dk-follow-up';
import { CourseMentorRows, CourseStartDate, MentorSelect } from './mentor-course-shared';
import { FeeFields, GoalsField } from './mentor-course-dk-duties';
import { MentortovholderFields } from './mentor-course-dk-reporting';
import { useWorkloadLimit } from '../../../lib/use-workload-limit';
import { LoadFailed } from '../../../components/load-failed';

type Props = KindEditorProps<DkMentorCourseContent> & { mentors: readonly MentorView[] };

function AssignmentFields({
  index,
  assignment,
  mentors,
  onChange,
}: {
  index: number;
  assignment: DkMentorAssignment;
  mentors: readonly MentorView[];
  onChange(next: DkMentorAssignment): void;
}) {
  const { t, locale } = useI18n();
  const { hours: limit, failure: limitFailure } = useWorkloadLimit(true);
  const path = `mentors.${index}`;
  const mentor = mentors.find((m) => m.id === assignment.mentorId);
  return (
    <div className="doc-fields-tight">
      {limitFailure ? <LoadFailed error={limitFailure.error} onRetry={limitFailure.retry} /> : null}
      <div className="doc-row doc-row-3">
        <MentorSelect
          path={`${path}.mentorId`}
          mentors={mentors}
          value={assignment.mentorId}
          onChange={(v) => v && onChange({ ...assignment, mentorId: v })}
        />
        <DateInput
          path={`${path}.appointedOn`}
          label={t('domain.mentorCourse.appointedOn')}
          value={assignment.appointedOn}
          onChange={(v) => onChange({ ...assignment, appointedOn: v })}
        />
        <DecimalInput
          path={`${path}.agreedWeeklyHours`}
          label={t('domain.mentorCourse.agreedWeeklyHours')}
          hint={
            mentor
              ? t('editors.dk.mentorLoad', {
                  hours: formatNumber(locale, mentor.weeklyHours),
                  limit: formatNumber(locale, limit),
                })
              : undefined
          }
          value={assignment.agreedWeeklyHours}
          onChange={(v) => onChange({ ...assignment, agreedWeeklyHours: v })}
        />
      </div>
      <div className="doc-row">
        <YesNo
          path={`${path}.closeRelation`}
          label={t('domain.mentorCourse.closeRelation')}
          hint={t('editors.dk.closeRelationHint')}
          value={assignment.closeRelation}
          onChange={(v) => onChange({ ...assignment, closeRelation: v })}
        />
        <TextInput
          path={`${path}.relationDescription`}
          label={t('domain.mentorCourse.relationDescription')}
          value={assignment.relationDescription}
          onChange={(v) => onChange({ ...assignment, relationDescription: v })}
        />
      </div>
      <TextArea
        path={`${path}.ownUnitExceptionJustification`}
        label={t('domain.mentorCourse.ownUnitExceptionJustification')}
        hint={t('editors.dk.ownUnitHint')}
        rows={2}
        value={assignment.ownUnitExceptionJustification}
        onChange={(v) => onChange({ ...assignment, ownUnitExceptionJustification: v })}
      />
      <FeeFields index={index} assignment={assignment} onChange={onChange} />
    </div>
  );
}

/** §§ 5, 11, 15: the mentors, chosen from the register, with the facts about this person. */
function MentorFields({ content, set, mentors }: DkMentorPartProps) {
  const { t } = useI18n();
  const proposal = content.mentorProposal;
  return (
    <EditorSection id="dk-mentors" title={t('editors.dk.mentorsHeading')}>
      <div className="doc-row">
        <YesNo
          path="mentorProposal.opportunityGiven"
          label={t('domain.mentorCourse.mentorProposal.opportunityGiven')}
          value={proposal.opportunityGiven}
          onChange={(v) => set('mentorProposal', { ...proposal, opportunityGiven: v })}
        />
        <TextInput
          path="mentorProposal.proposal"
          label={t('domain.mentorCourse.mentorProposal.proposal')}
          value={proposal.proposal}
          onChange={(v) => set('mentorProposal', { ...proposal, proposal: v })}
        />
      </div>
      <CourseMentorRows
        items={content.mentors}
        mentors={mentors}
        newRow={(mentorId) => ({
          mentorId,
          agreedWeeklyHours: 0,
          relationDescription: '',
          ownUnitExceptionJustification: '',
        })}
        onChange={(next) => set('mentors', next)}
        renderRow={(assignment, i, change) => (
          <AssignmentFields index={i} assignment={assignment} mentors={mentors} onChange={change} />
        )}
      />
    </EditorSection>
  );
}

/** §§ 9, 12, 13: action plan, start meeting, who is responsible. */
function PlanFields({ content, set }: DkPartProps) {
  const { t } = useI18n();
  const plan = content.actionPlan;
  const start = content.startMeeting;
  return (
    <EditorSection id="dk-plan" title={t('editors.dk.planHeading')}>
      <TextArea
        path="actionPlan.mentorNeed"
        label={t('domain.mentorCourse.actionPlan.mentorNeed')}
        rows={3}
        value={plan.mentorNeed}
        onChange={(v) => set('actionPlan', { ...plan, mentorNeed: v })}
      />
      <TextArea
        path="actionPlan.divisionOfWork"
        label={t('domain.mentorCourse.actionPlan.divisionOfWork')}
        rows={3}
        value={plan.divisionOfWork}
        onChange={(v) => set('actionPlan', { ...plan, divisionOfWork: v })}
      />
      <GoalsField content={content} set={set} />
      <div className="doc-row doc-row-3">
        <DateInput
          path="startMeeting.date"
          label={t('domain.mentorCourse.startMeeting.date')}
          value={start.date}
          onChange={(v) => set('startMeeting', { ...start, date: v })}
        />
        <CourseStartDate value={content.startDate} onChange={(v) => set('startDate', v)} />
        <TextInput
          path="responsiblePerson"
          label={t('domain.mentorCourse.responsiblePerson')}
          value={content.responsiblePerson}
          onChange={(v) => set('responsiblePerson', v)}
        />
      </div>
      <MentortovholderFields content={content} set={set} />
      <TextArea
        path="startMeeting.notes"
        label={t('domain.mentorCourse.startMeeting.notes')}
        rows={3}
        value={start.notes}
        onChange={(v) => set('startMeeting', { ...start, notes: v })}
      />
    </EditorSection>
  );
}

/** Mentor course under the Danish circular (DK §§ 1-19). */
export function DkMentorCourseEditor({ content, onChange, mentors }: Props) {
  const set = fieldSetter(content, onChange);
  return (
    <div className="doc-fields">
      <EligibilityFields content={content} set={set} />
      <MentorFields content={content} set={set} mentors={mentors} />
      <PlanFields content={content} set={set} />
      <FollowUpFields content={content} set={set} mentors={mentors} />
      <SubsidyAndEndFields content={content} set={set} />
    </div>
  );
}
