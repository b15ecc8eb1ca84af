import type { ConcernBasis, ConcernContent, ConcernPositionPoint, Position, Stance } from '../../../../shared/domain';
import { CONCERN_POSITION_POINTS, ConcernBasisSchema, StanceSchema } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { RadioRow } from '../choice-fields';
import { ChoiceSelect, DateInput, FieldGroup, TextArea } from '../fields';
import { CONCERN_BASIS_KEY, POSITION_POINT_KEY, STANCE_KEY } from '../../../lib/document-labels';
import { EditorSection } from '../titled-section';
import type { LinkedDocument } from '../use-linked-documents';
import { fieldSetter, type KindEditorProps } from './kind-editor';

function PositionFields({
  point,
  position,
  onChange,
}: {
  point: ConcernPositionPoint;
  position: Position;
  onChange(next: Position): void;
}) {
  const t = useT();
  const stances = StanceSchema.options.map((value: Stance) => ({ value, label: t(STANCE_KEY[value]) }));
  const path = `positions.${point}`;
  return (
    <FieldGroup path={path} legend={t(POSITION_POINT_KEY[point])} className="doc-subgroup">
      <RadioRow
        label={t('domain.concern.stance')}
        options={stances}
        value={position.stance}
        invalidPath={path}
        onChange={(stance) => onChange({ ...position, stance })}
      />
      <TextArea
        path={`${path}.assessment`}
        label={t('domain.concern.assessment')}
        rows={3}
        value={position.assessment}
        onChange={(assessment) => onChange({ ...position, assessment })}
      />
    </FieldGroup>
  );
}

function ObservationChoice({
  observations,
  chosen,
  onChange,
}: {
  observations: readonly LinkedDocument[];
  chosen: readonly string[];
  onChange(ids: string[]): void;
}) {
  const t = useT();
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((item) => item !== id));
  return (
    <FieldGroup
      path="observationIds"
      legend={t('domain.concern.observationIds')}
      hint={t('editors.concern.observationsHint')}
    >
      {observations.length === 0 ? <p className="muted">{t('editors.concern.noObservations')}</p> : null}
      <ul className="doc-checklist">
        {observations.map((observation) => (
          <li key={observation.id} className="checkbox">
            <input
              id={`observation-${observation.id}`}
              type="checkbox"
              checked={chosen.includes(observation.id)}
              onChange={(event) => toggle(observation.id, event.target.checked)}
            />
            <label htmlFor={`observation-${observation.id}`}>{observation.label}</label>
          </li>
        ))}
      </ul>
    </FieldGroup>
  );
}

/** Concern and its investigation (NO pkt 5), with a position on each of the four points. */
export function ConcernEditor({
  content,
  onChange,
  observations,
}: KindEditorProps<ConcernContent> & { observations: readonly LinkedDocument[] }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const bases = ConcernBasisSchema.options.map((value: ConcernBasis) => ({
    value,
    label: t(CONCERN_BASIS_KEY[value]),
  }));
  const setPosition = (point: ConcernPositionPoint, next: Position) =>
    set('positions', { ...content.positions, [point]: next });
  return (
    <div className="doc-fields">
      <EditorSection id="concern-heading" title={t('editors.concern.concernHeading')}>
        <div className="doc-row">
          <DateInput
            path="raisedOn"
            label={t('domain.concern.raisedOn')}
            value={content.raisedOn}
            onChange={(v) => set('raisedOn', v)}
          />
          <ChoiceSelect
            path="basis"
            label={t('domain.concern.basis')}
            emptyLabel={t('editors.field.choose')}
            options={bases}
            value={content.basis}
            onChange={(v) => set('basis', v)}
          />
        </div>
        <TextArea
          path="description"
          label={t('domain.concern.description')}
          hint={t('editors.concern.descriptionHint')}
          rows={5}
          value={content.description}
          onChange={(v) => set('description', v)}
        />
        <ObservationChoice
          observations={observations}
          chosen={content.observationIds}
          onChange={(ids) => set('observationIds', ids)}
        />
      </EditorSection>
      <EditorSection id="investigation-heading" title={t('editors.concern.investigationHeading')}>
        <DateInput
          path="investigation.startedOn"
          label={t('domain.concern.investigation.startedOn')}
          value={content.investigation.startedOn}
          onChange={(startedOn) => set('investigation', { ...content.investigation, startedOn })}
        />
        <TextArea
          path="investigation.findings"
          label={t('domain.concern.investigation.findings')}
          hint={t('editors.concern.investigationHint')}
          rows={5}
          value={content.investigation.findings}
          onChange={(findings) => set('investigation', { ...content.investigation, findings })}
        />
      </EditorSection>
      <EditorSection
        id="positions-heading"
        title={t('editors.concern.positionsHeading')}
        intro={t('editors.concern.positionsIntro')}
      >
        {CONCERN_POSITION_POINTS.map((point) => (
          <PositionFields
            key={point}
            point={point}
            position={content.positions[point]}
            onChange={(next) => setPosition(point, next)}
          />
        ))}
      </EditorSection>
    </div>
  );
}
