import type { DatedNote, NoMentorCourseContent } from '../../../../shared/domain';
import type { MentorView } from '../../../../shared/ipc/records';
import { useT } from '../../../app/i18n';
import { YesNo } from '../choice-fields';
import { ChoiceSelect, DateInput, TextArea, TextInput } from '../fields';
import { localIsoDate, removeAt, replaceAt } from '../form-values';
import { ENDED_BY_KEY, KDI_BASIS_KEY, KDI_OUTCOME_KEY, TALK_WITH_KEY } from '../../../lib/document-labels';
import { RepeatingRows } from '../repeating-rows';
import { EditorSection } from '../titled-section';
import { fieldSetter, type EditorPartProps, type KindEditorProps } from './kind-editor';
import { CourseMentorRows, CourseStartDate, MentorSelect } from './mentor-course-shared';
import {
  AssignmentDutyFields,
  ObjectionFields,
  OtherMeasuresFields,
  PersonInformedFields,
} from './mentor-course-no-duties';

type Content = NoMentorCourseContent;
type Talk = Content['preliminaryTalks'][number];

/** NO pkt 13.3: KDI's decision, and written feedback when the person is not in the target group. */
function DecisionFields({ content, set }: EditorPartProps<Content>) {
  const t = useT();
  const decision = content.kdiDecision;
  const feedback = content.notInTargetGroupFeedback;
  const outcomes = (['pending', 'offered', 'not_offered'] as const).map((value) => ({
    value,
    label: t(KDI_OUTCOME_KEY[value]),
  }));
  const bases = (['concern_report', 'other'] as const).map((value) => ({ value, label: t(KDI_BASIS_KEY[value]) }));
  return (
    <EditorSection id="no-decision" title={t('editors.noCourse.decisionHeading')}>
      <PersonInformedFields content={content} set={set} />
      <div className="doc-row doc-row-3">
        <ChoiceSelect
          path="kdiDecision.outcome"
          label={t('domain.mentorCourse.kdiDecision.outcome')}
          options={outcomes}
          value={decision.outcome}
          onChange={(v) => v && set('kdiDecision', { ...decision, outcome: v })}
        />
        <DateInput
          path="kdiDecision.decidedOn"
          label={t('domain.mentorCourse.kdiDecision.decidedOn')}
          value={decision.decidedOn}
          onChange={(v) => set('kdiDecision', { ...decision, decidedOn: v })}
        />
        <ChoiceSelect
          path="kdiDecision.basis"
          label={t('domain.mentorCourse.kdiDecision.basis')}
          emptyLabel={t('editors.field.notGiven')}
          options={bases}
          value={decision.basis}
          onChange={(v) => set('kdiDecision', { ...decision, basis: v })}
        />
      </div>
      <TextArea
        path="kdiDecision.basisDetail"
        label={t('domain.mentorCourse.kdiDecision.basisDetail')}
        rows={2}
        value={decision.basisDetail}
        onChange={(v) => set('kdiDecision', { ...decision, basisDetail: v })}
      />
      {decision.outcome === 'not_offered' ? (
        <div className="doc-row">
          <DateInput
            path="notInTargetGroupFeedback.sentOn"
            label={t('domain.mentorCourse.notInTargetGroupFeedback.sentOn')}
            value={feedback.sentOn}
            onChange={(v) => set('notInTargetGroupFeedback', { ...feedback, sentOn: v })}
          />
          <TextArea
            path="notInTargetGroupFeedback.text"
            label={t('domain.mentorCourse.notInTargetGroupFeedback.text')}
            rows={2}
            value={feedback.text}
            onChange={(v) => set('notInTargetGroupFeedback', { ...feedback, text: v })}
          />
        </div>
      ) : null}
      {decision.outcome === 'not_offered' ? <OtherMeasuresFields content={content} set={set} /> : null}
    </EditorSection>
  );
}

function DatedNotes({
  path,
  legend,
  items,
  onChange,
  labels,
}: {
  path: string;
  legend: string;
  items: readonly DatedNote[];
  onChange(next: DatedNote[]): void;
  labels: { row: string; remove: string; add: string; empty: string };
}) {
  const t = useT();
  return (
    <RepeatingRows
      path={path}
      legend={legend}
      items={items}
      rowLabel={(i) => t(labels.row, { n: i + 1 })}
      removeLabel={(i) => t(labels.remove, { n: i + 1 })}
      addLabel={t(labels.add)}
      emptyText={t(labels.empty)}
      onAdd={() => onChange([...items, { date: localIsoDate(new Date()), notes: '' }])}
      onRemove={(i) => onChange(removeAt(items, i))}
      renderRow={(item, i) => (
        <div className="doc-row doc-row-date-text">
          <DateInput
            path={`${path}.${i}.date`}
            label={t('editors.common.date')}
            value={item.date}
            onChange={(v) => v && onChange(replaceAt(items, i, { ...item, date: v }))}
          />
          <TextArea
            path={`${path}.${i}.notes`}
            label={t('editors.common.notes')}
            rows={2}
            value={item.notes}
            onChange={(v) => onChange(replaceAt(items, i, { ...item, notes: v }))}
          />
        </div>
      )}
    />
  );
}

/** NO pkt 13.4: preliminary talks, consent, KDI's plan and the mentors. */
function PlanFields({ content, set, mentors }: EditorPartProps<Content> & { mentors: readonly MentorView[] }) {
  const t = useT();
  const withOptions = (['person', 'unit'] as const).map((value) => ({ value, label: t(TALK_WITH_KEY[value]) }));
  const plan = content.plan;
  const setTalk = (i: number, next: Talk) => set('preliminaryTalks', replaceAt(content.preliminaryTalks, i, next));
  return (
    <EditorSection id="no-plan" title={t('editors.noCourse.planHeading')} intro={t('editors.noCourse.voluntaryNote')}>
      <RepeatingRows
        path="preliminaryTalks"
        legend={t('domain.mentorCourse.preliminaryTalks')}
        items={content.preliminaryTalks}
        rowLabel={(i) => t('editors.noCourse.talkRow', { n: i + 1 })}
        removeLabel={(i) => t('editors.noCourse.removeTalk', { n: i + 1 })}
        addLabel={t('editors.noCourse.addTalk')}
        emptyText={t('editors.noCourse.noTalks')}
        onAdd={() =>
          set('preliminaryTalks', [
            ...content.preliminaryTalks,
            { date: localIsoDate(new Date()), with: 'person', notes: '' },
          ])
        }
        onRemove={(i) => set('preliminaryTalks', removeAt(content.preliminaryTalks, i))}
        renderRow={(talk, i) => (
          <div className="doc-row doc-row-3">
            <DateInput
              path={`preliminaryTalks.${i}.date`}
              label={t('editors.common.date')}
              value={talk.date}
              onChange={(v) => v && setTalk(i, { ...talk, date: v })}
            />
            <ChoiceSelect
              path={`preliminaryTalks.${i}.with`}
              label={t('editors.mentorCourse.talkWith')}
              options={withOptions}
              value={talk.with}
              onChange={(v) => v && setTalk(i, { ...talk, with: v })}
            />
            <TextArea
              path={`preliminaryTalks.${i}.notes`}
              label={t('editors.common.notes')}
              rows={2}
              value={talk.notes}
              onChange={(v) => setTalk(i, { ...talk, notes: v })}
            />
          </div>
        )}
      />
      <YesNo
        path="personConsents"
        label={t('domain.mentorCourse.personConsents')}
        value={content.personConsents}
        onChange={(v) => set('personConsents', v)}
      />
      <div className="doc-row">
        <TextInput
          path="plan.meetingPlace"
          label={t('domain.mentorCourse.plan.meetingPlace')}
          value={plan.meetingPlace}
          onChange={(v) => set('plan', { ...plan, meetingPlace: v })}
        />
        <TextInput
          path="plan.frequency"
          label={t('domain.mentorCourse.plan.frequency')}
          value={plan.frequency}
          onChange={(v) => set('plan', { ...plan, frequency: v })}
        />
      </div>
      <TextArea
        path="plan.focusAreas"
        label={t('domain.mentorCourse.plan.focusAreas')}
        rows={3}
        value={plan.focusAreas}
        onChange={(v) => set('plan', { ...plan, focusAreas: v })}
      />
      <CourseMentorRows
        items={content.mentors}
        mentors={mentors}
        newRow={(mentorId) => ({ mentorId })}
        onChange={(next) => set('mentors', next)}
        renderRow={(assignment, i, change) => (
          <>
            <div className="doc-row">
              <MentorSelect
                path={`mentors.${i}.mentorId`}
                mentors={mentors}
                value={assignment.mentorId}
                onChange={(v) => v && change({ ...assignment, mentorId: v })}
              />
              <DateInput
                path={`mentors.${i}.contractSignedOn`}
                label={t('domain.mentorCourse.contractSignedOn')}
                value={assignment.contractSignedOn}
                onChange={(v) => change({ ...assignment, contractSignedOn: v })}
              />
            </div>
            <AssignmentDutyFields index={i} assignment={assignment} change={change} />
          </>
        )}
      />
      <CourseStartDate value={content.startDate} onChange={(v) => set('startDate', v)} />
      <DatedNotes
        path="cooperationMeetings"
        legend={t('domain.mentorCourse.cooperationMeetings')}
        items={content.cooperationMeetings}
        onChange={(v) => set('cooperationMeetings', v)}
        labels={{
          row: 'editors.noCourse.cooperationRow',
          remove: 'editors.noCourse.removeCooperation',
          add: 'editors.noCourse.addCooperation',
          empty: 'editors.noCourse.noCooperation',
        }}
      />
    </EditorSection>
  );
}

/** NO pkt 13.6-13.7: the end of the course and the handover to the municipality. */
function EndFields({ content, set }: EditorPartProps<Content>) {
  const t = useT();
  const end = content.end;
  const handover = content.municipalityHandover;
  const endedBy = (['person', 'kdi'] as const).map((value) => ({ value, label: t(ENDED_BY_KEY[value]) }));
  return (
    <EditorSection id="no-end" title={t('editors.noCourse.endHeading')}>
      <div className="doc-row doc-row-3">
        <DateInput
          path="end.endDate"
          label={t('domain.mentorCourse.end.endDate')}
          value={end.endDate}
          onChange={(v) => set('end', { ...end, endDate: v })}
        />
        <ChoiceSelect
          path="end.endedBy"
          label={t('domain.mentorCourse.end.endedBy')}
          emptyLabel={t('editors.field.notGiven')}
          options={endedBy}
          value={end.endedBy}
          onChange={(v) => set('end', { ...end, endedBy: v })}
        />
        <DateInput
          path="end.kdiWrittenConfirmationOn"
          label={t('domain.mentorCourse.end.kdiWrittenConfirmationOn')}
          value={end.kdiWrittenConfirmationOn}
          onChange={(v) => set('end', { ...end, kdiWrittenConfirmationOn: v })}
        />
      </div>
      <TextArea
        path="end.notes"
        label={t('editors.mentorCourse.endNotes')}
        rows={2}
        value={end.notes}
        onChange={(v) => set('end', { ...end, notes: v })}
      />
      <ObjectionFields content={content} set={set} />
      <div className="doc-row doc-row-3">
        <TextInput
          path="municipalityHandover.municipality"
          label={t('domain.mentorCourse.municipalityHandover.municipality')}
          value={handover.municipality}
          onChange={(v) => set('municipalityHandover', { ...handover, municipality: v })}
        />
        <DateInput
          path="municipalityHandover.contactedOn"
          label={t('domain.mentorCourse.municipalityHandover.contactedOn')}
          value={handover.contactedOn}
          onChange={(v) => set('municipalityHandover', { ...handover, contactedOn: v })}
        />
        <TextInput
          path="municipalityHandover.responsibilityTransferredTo"
          label={t('domain.mentorCourse.municipalityHandover.responsibilityTransferredTo')}
          value={handover.responsibilityTransferredTo}
          onChange={(v) => set('municipalityHandover', { ...handover, responsibilityTransferredTo: v })}
        />
      </div>
      <TextArea
        path="municipalityHandover.notes"
        label={t('editors.mentorCourse.handoverNotes')}
        rows={2}
        value={handover.notes}
        onChange={(v) => set('municipalityHandover', { ...handover, notes: v })}
      />
    </EditorSection>
  );
}

/**
 * Mentor course under the NO guideline (NO pkt 13). Conversation records are not here: they belong to
 * the mentor scheme's own compartment (NO pkt 13.5, 13.10).
 */
export function NoMentorCourseEditor({
  content,
  onChange,
  mentors,
}: KindEditorProps<Content> & { mentors: readonly MentorView[] }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  return (
    <div className="doc-fields">
      <p className="doc-intro">{t('editors.noCourse.compartmentNote')}</p>
      <DecisionFields content={content} set={set} />
      <PlanFields content={content} set={set} mentors={mentors} />
      <EndFields content={content} set={set} />
    </div>
  );
}
