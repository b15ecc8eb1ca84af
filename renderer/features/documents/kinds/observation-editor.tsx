import type { ObservationContent, ObservationSource } from '../../../../shared/domain';
import { ObservationSourceSchema } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { ChoiceSelect, DateTimeInput, TextArea, TextInput } from '../fields';
import { OBSERVATION_SOURCE_KEY } from '../../../lib/document-labels';
import { fieldSetter, type KindEditorProps } from './kind-editor';

/** Observation log entry (NO pkt 4). */
export function ObservationEditor({ content, onChange }: KindEditorProps<ObservationContent>) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const sources = ObservationSourceSchema.options.map((value: ObservationSource) => ({
    value,
    label: t(OBSERVATION_SOURCE_KEY[value]),
  }));
  return (
    <div className="doc-fields">
      <div className="doc-row">
        <DateTimeInput
          path="observedAt"
          label={t('domain.observation.observedAt')}
          value={content.observedAt}
          onChange={(v) => set('observedAt', v)}
        />
        <TextInput
          path="observer"
          label={t('domain.observation.observer')}
          value={content.observer}
          onChange={(v) => set('observer', v)}
        />
      </div>
      <TextArea
        path="seenOrHeard"
        label={t('domain.observation.seenOrHeard')}
        hint={t('editors.observation.seenOrHeardHint')}
        rows={6}
        value={content.seenOrHeard}
        onChange={(v) => set('seenOrHeard', v)}
      />
      <TextArea
        path="context"
        label={t('domain.observation.context')}
        hint={t('editors.observation.contextHint')}
        value={content.context}
        onChange={(v) => set('context', v)}
      />
      <div className="doc-row">
        <ChoiceSelect
          path="source"
          label={t('domain.observation.source')}
          emptyLabel={t('editors.field.choose')}
          options={sources}
          value={content.source}
          onChange={(v) => set('source', v)}
        />
        <TextInput
          path="sourceDetail"
          label={t('domain.observation.sourceDetail')}
          hint={t('editors.observation.sourceDetailHint')}
          value={content.sourceDetail}
          onChange={(v) => set('sourceDetail', v)}
        />
      </div>
    </div>
  );
}
