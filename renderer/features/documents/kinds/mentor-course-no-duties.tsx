import type { NoMentorAssignment, NoMentorCourseContent } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { YesNo } from '../choice-fields';
import { ChoiceSelect, DateInput, TextArea } from '../fields';
import { localIsoDate, removeAt, replaceAt } from '../form-values';
import { RepeatingRows } from '../repeating-rows';
import type { EditorPartProps } from './kind-editor';

type Content = NoMentorCourseContent;
type Objection = NonNullable<Content['objections']>[number];

const RAISED_BY_KEY = {
  local: 'regulatory.noCourse.raisedBy.local',
  regional: 'regulatory.noCourse.raisedBy.regional',
} as const satisfies Record<Objection['by'], string>;

/** NO pkt 13.1: the unit informed and encouraged the person to take part. */
export function PersonInformedFields({ content, set }: EditorPartProps<Content>) {
  const t = useT();
  const informed = content.personInformed ?? { notes: '' };
  return (
    <div className="doc-row doc-row-date-text">
      <DateInput
        path="personInformed.informedOn"
        label={t('regulatory.noCourse.personInformedOn')}
        value={informed.informedOn}
        onChange={(v) => set('personInformed', { ...informed, informedOn: v })}
      />
      <TextArea
        path="personInformed.notes"
        label={t('regulatory.noCourse.personInformedNotes')}
        rows={2}
        value={informed.notes}
        onChange={(v) => set('personInformed', { ...informed, notes: v })}
      />
    </div>
  );
}

/** NO pkt 13.3: when KDI offers no course, the unit considers other suitable measures. */
export function OtherMeasuresFields({ content, set }: EditorPartProps<Content>) {
  const t = useT();
  const other = content.otherMeasures ?? { measures: '' };
  return (
    <div className="doc-row doc-row-date-text">
      <DateInput
        path="otherMeasures.consideredOn"
        label={t('regulatory.noCourse.otherMeasuresOn')}
        value={other.consideredOn}
        onChange={(v) => set('otherMeasures', { ...other, consideredOn: v })}
      />
      <TextArea
        path="otherMeasures.measures"
        label={t('regulatory.noCourse.otherMeasures')}
        rows={2}
        value={other.measures}
        onChange={(v) => set('otherMeasures', { ...other, measures: v })}
      />
    </div>
  );
}

/** NO pkt 13.2 and 13.5 for one mentor on the course: the suitability assessment and "not fullmektig". */
export function AssignmentDutyFields({
  index,
  assignment,
  change,
}: {
  index: number;
  assignment: NoMentorAssignment;
  change(next: NoMentorAssignment): void;
}) {
  const t = useT();
  const path = `mentors.${index}`;
  const assessment = assignment.suitabilityAssessment ?? { notes: '' };
  return (
    <>
      <div className="doc-row doc-row-3">
        <DateInput
          path={`${path}.suitabilityAssessment.assessedOn`}
          label={t('regulatory.noCourse.suitabilityOn')}
          value={assessment.assessedOn}
          onChange={(v) => change({ ...assignment, suitabilityAssessment: { ...assessment, assessedOn: v } })}
        />
        <YesNo
          path={`${path}.suitabilityAssessment.suitable`}
          label={t('regulatory.noCourse.suitable')}
          value={assessment.suitable}
          onChange={(v) => change({ ...assignment, suitabilityAssessment: { ...assessment, suitable: v } })}
        />
        <DateInput
          path={`${path}.notProxyToldOn`}
          label={t('regulatory.noCourse.notProxyToldOn')}
          value={assignment.notProxyToldOn}
          onChange={(v) => change({ ...assignment, notProxyToldOn: v })}
        />
      </div>
      <TextArea
        path={`${path}.suitabilityAssessment.notes`}
        label={t('regulatory.noCourse.suitabilityNotes')}
        rows={2}
        value={assessment.notes}
        onChange={(v) => change({ ...assignment, suitabilityAssessment: { ...assessment, notes: v } })}
      />
    </>
  );
}

/** NO pkt 13.6: information or objections of local or regional level, reported to KDI. */
export function ObjectionFields({ content, set }: EditorPartProps<Content>) {
  const t = useT();
  const items = content.objections ?? [];
  const byOptions = (['local', 'regional'] as const).map((value) => ({
    value,
    label: t(RAISED_BY_KEY[value]),
  }));
  const setRow = (i: number, next: Objection) => set('objections', replaceAt(items, i, next));
  return (
    <RepeatingRows
      path="objections"
      legend={t('regulatory.noCourse.objections')}
      items={items}
      rowLabel={(i) => t('regulatory.noCourse.objectionRow', { n: i + 1 })}
      removeLabel={(i) => t('regulatory.noCourse.removeObjection', { n: i + 1 })}
      addLabel={t('regulatory.noCourse.addObjection')}
      emptyText={t('regulatory.noCourse.noObjections')}
      onAdd={() => set('objections', [...items, { raisedOn: localIsoDate(new Date()), by: 'local', text: '' }])}
      onRemove={(i) => set('objections', removeAt(items, i))}
      renderRow={(row, i) => (
        <>
          <div className="doc-row doc-row-3">
            <DateInput
              path={`objections.${i}.raisedOn`}
              label={t('regulatory.noCourse.raisedOn')}
              value={row.raisedOn}
              onChange={(v) => v && setRow(i, { ...row, raisedOn: v })}
            />
            <ChoiceSelect
              path={`objections.${i}.by`}
              label={t('regulatory.noCourse.raisedBy')}
              options={byOptions}
              value={row.by}
              onChange={(v) => v && setRow(i, { ...row, by: v })}
            />
            <DateInput
              path={`objections.${i}.reportedToKdiOn`}
              label={t('regulatory.noCourse.reportedToKdiOn')}
              value={row.reportedToKdiOn}
              onChange={(v) => setRow(i, { ...row, reportedToKdiOn: v })}
            />
          </div>
          <TextArea
            path={`objections.${i}.text`}
            label={t('regulatory.noCourse.objectionText')}
            rows={2}
            value={row.text}
            onChange={(v) => setRow(i, { ...row, text: v })}
          />
        </>
      )}
    />
  );
}
