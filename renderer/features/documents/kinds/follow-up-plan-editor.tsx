import type { FollowUpPlanContent, MeetingAction } from '../../../../shared/domain';
import { FOLLOW_UP_PLAN_SECTIONS } from '../../../../shared/domain';
import type { Template } from '../../../../shared/templates';
import { useT } from '../../../app/i18n';
import { CheckField } from '../choice-fields';
import { DateInput, FieldGroup, TextArea, TextInput } from '../fields';
import { OpenActionsPanel } from '../open-actions-panel';
import { EditorSection } from '../titled-section';
import { fieldSetter, type KindEditorProps } from './kind-editor';
import { sectionsInTemplateOrder, useFieldLabel } from './template-sections';
import { AgencyProblemFields, InvolvedFields } from './follow-up-plan-involved';

const PERSON_FIELDS = ['responsibleUnitHead', 'coordinatingContact'] as const;

/** Follow-up plan (NO pkt 11), laid out by its template: heading and guidance per section. */
export function FollowUpPlanEditor({
  content,
  onChange,
  template,
  openActions,
}: KindEditorProps<FollowUpPlanContent> & { template: Template | null; openActions: readonly MeetingAction[] | null }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const labelOf = useFieldLabel('follow_up_plan');
  const person = (field: (typeof PERSON_FIELDS)[number]) => template?.sections.find((s) => s.field === field);
  const assessment = content.completionAssessment;
  return (
    <div className="doc-fields">
      {template?.intro ? <p className="doc-intro">{template.intro}</p> : null}
      <EditorSection id="plan-sections-heading" title={t('editors.plan.sectionsHeading')}>
        {sectionsInTemplateOrder(template, FOLLOW_UP_PLAN_SECTIONS).map(({ field, heading, guidance }) => (
          <TextArea
            key={field}
            path={field}
            label={heading ?? labelOf(field)}
            hint={guidance}
            rows={5}
            value={content[field]}
            onChange={(v) => set(field, v)}
          />
        ))}
      </EditorSection>
      <OpenActionsPanel actions={openActions} />
      <EditorSection id="plan-responsibility-heading" title={t('editors.plan.responsibilityHeading')}>
        <div className="doc-row">
          {PERSON_FIELDS.map((field) => (
            <TextInput
              key={field}
              path={field}
              label={person(field)?.heading ?? labelOf(field)}
              hint={person(field)?.guidance}
              value={content[field]}
              onChange={(v) => set(field, v)}
            />
          ))}
        </div>
        <CheckField
          path="preparedWithoutPersonParticipation"
          label={t('domain.followUpPlan.preparedWithoutPersonParticipation')}
          hint={t('editors.plan.withoutParticipationHint')}
          checked={content.preparedWithoutPersonParticipation === true}
          onChange={(checked) => set('preparedWithoutPersonParticipation', checked)}
        />
        <InvolvedFields content={content} set={set} />
        <AgencyProblemFields content={content} set={set} />
      </EditorSection>
      <FieldGroup
        path="completionAssessment"
        legend={t('domain.followUpPlan.completionAssessment')}
        hint={t('editors.plan.completionHint')}
      >
        <CheckField
          path="completionAssessment.personalDataAssessed"
          label={t('domain.followUpPlan.personalDataAssessed')}
          checked={assessment.personalDataAssessed}
          onChange={(personalDataAssessed) => set('completionAssessment', { ...assessment, personalDataAssessed })}
        />
        <CheckField
          path="completionAssessment.gradingAssessed"
          label={t('domain.followUpPlan.gradingAssessed')}
          checked={assessment.gradingAssessed}
          onChange={(gradingAssessed) => set('completionAssessment', { ...assessment, gradingAssessed })}
        />
        <DateInput
          path="completionAssessment.assessedOn"
          label={t('domain.followUpPlan.assessedOn')}
          value={assessment.assessedOn}
          onChange={(assessedOn) => set('completionAssessment', { ...assessment, assessedOn })}
        />
        <TextArea
          path="completionAssessment.notes"
          label={t('domain.followUpPlan.notes')}
          rows={3}
          value={assessment.notes}
          onChange={(notes) => set('completionAssessment', { ...assessment, notes })}
        />
      </FieldGroup>
    </div>
  );
}
