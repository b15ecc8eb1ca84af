import type { FollowUpPlanContent, FollowUpPlanSection, MeetingAction } from '../../../../shared/domain';
import { FOLLOW_UP_PLAN_SECTIONS } from '../../../../shared/domain';
import type { Template } from '../../../../shared/templates';
import { useT } from '../../../app/i18n';
import { CheckField } from '../choice-fields';
import { DateInput, FieldGroup, TextArea, TextInput } from '../fields';
import { FIELD_LABELS } from '../field-labels';
import { OpenActionsPanel } from '../open-actions-panel';
import { withField, type KindEditorProps } from './kind-editor';

const SECTION_FIELDS: ReadonlySet<string> = new Set<string>(FOLLOW_UP_PLAN_SECTIONS);
const PERSON_FIELDS = ['responsibleUnitHead', 'coordinatingContact'] as const;

function isSection(field: string): field is FollowUpPlanSection {
  return SECTION_FIELDS.has(field);
}

/** The template's sections in its order; any plan section a vault's own template leaves out comes last. */
function sectionOrder(
  template: Template | null,
): { field: FollowUpPlanSection; heading?: string; guidance?: string }[] {
  const fromTemplate = (template?.sections ?? []).flatMap((s) =>
    isSection(s.field) ? [{ field: s.field, heading: s.heading, guidance: s.guidance }] : [],
  );
  const listed = new Set(fromTemplate.map((s) => s.field));
  return [
    ...fromTemplate,
    ...FOLLOW_UP_PLAN_SECTIONS.filter((field) => !listed.has(field)).map((field) => ({ field })),
  ];
}

/** Follow-up plan (NO pkt 11), laid out by its template: heading and guidance per section. */
export function FollowUpPlanEditor({
  content,
  onChange,
  template,
  openActions,
}: KindEditorProps<FollowUpPlanContent> & { template: Template | null; openActions: readonly MeetingAction[] | null }) {
  const t = useT();
  const set = <K extends keyof FollowUpPlanContent>(key: K, value: FollowUpPlanContent[K]) =>
    onChange(withField(content, key, value));
  const labels = FIELD_LABELS.follow_up_plan;
  const labelOf = (field: string) => {
    const spec = labels[field];
    return typeof spec === 'string' ? t(spec) : field;
  };
  const person = (field: (typeof PERSON_FIELDS)[number]) => template?.sections.find((s) => s.field === field);
  const assessment = content.completionAssessment;
  return (
    <div className="doc-fields">
      {template?.intro ? <p className="doc-intro">{template.intro}</p> : null}
      <section className="doc-section" aria-labelledby="plan-sections-heading">
        <h2 className="doc-section-title" id="plan-sections-heading">
          {t('editors.plan.sectionsHeading')}
        </h2>
        {sectionOrder(template).map(({ field, heading, guidance }) => (
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
      </section>
      <OpenActionsPanel actions={openActions} />
      <section className="doc-section" aria-labelledby="plan-responsibility-heading">
        <h2 className="doc-section-title" id="plan-responsibility-heading">
          {t('editors.plan.responsibilityHeading')}
        </h2>
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
      </section>
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
