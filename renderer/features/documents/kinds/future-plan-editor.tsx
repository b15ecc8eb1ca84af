import type { FuturePlanContent } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { ChoiceSelect, DateInput, TextArea } from '../fields';
import { FUTURE_RESPONSE_KEY } from '../../../lib/document-labels';
import { fieldSetter, type KindEditorProps } from './kind-editor';

/** Future plan (NO pkt 10): offered to the person; kept apart from the follow-up plan. */
export function FuturePlanEditor({ content, onChange }: KindEditorProps<FuturePlanContent>) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const responses = (['pending', 'accepted', 'declined'] as const).map((value) => ({
    value,
    label: t(FUTURE_RESPONSE_KEY[value]),
  }));
  return (
    <div className="doc-fields">
      <p className="doc-intro">{t('editors.futurePlan.intro')}</p>
      <div className="doc-row">
        <DateInput
          path="offeredOn"
          label={t('domain.futurePlan.offeredOn')}
          value={content.offeredOn}
          onChange={(v) => set('offeredOn', v)}
        />
        <ChoiceSelect
          path="personResponse"
          label={t('domain.futurePlan.personResponse')}
          options={responses}
          value={content.personResponse}
          onChange={(v) => v && set('personResponse', v)}
        />
      </div>
      <TextArea
        path="plan"
        label={t('domain.futurePlan.plan')}
        hint={t('editors.futurePlan.planHint')}
        rows={8}
        value={content.plan}
        onChange={(v) => set('plan', v)}
      />
      <TextArea
        path="notes"
        label={t('domain.futurePlan.notes')}
        rows={3}
        value={content.notes}
        onChange={(v) => set('notes', v)}
      />
    </div>
  );
}
