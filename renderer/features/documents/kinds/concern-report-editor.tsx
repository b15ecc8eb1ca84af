import type { Addressee, ConcernReportContent, ReportParty } from '../../../../shared/domain';
import { ReportPartySchema } from '../../../../shared/domain';
import { useT } from '../../../app/i18n';
import { ChoiceSelect, DateInput, TextArea, TextInput } from '../fields';
import { removeAt, replaceAt } from '../form-values';
import { ADDRESSEE_ROLE_KEY, REPORT_PARTY_KEY } from '../../../lib/document-labels';
import { RepeatingRows } from '../repeating-rows';
import type { LinkedDocument } from '../use-linked-documents';
import { fieldSetter, type KindEditorProps } from './kind-editor';

function AddresseeFields({
  index,
  addressee,
  onChange,
}: {
  index: number;
  addressee: Addressee;
  onChange(next: Addressee): void;
}) {
  const t = useT();
  const roles = (['recipient', 'copy'] as const).map((value) => ({ value, label: t(ADDRESSEE_ROLE_KEY[value]) }));
  const parties = ReportPartySchema.options.map((value: ReportParty) => ({ value, label: t(REPORT_PARTY_KEY[value]) }));
  const path = `addressees.${index}`;
  return (
    <div className="doc-row doc-row-3">
      <ChoiceSelect
        path={`${path}.role`}
        label={t('editors.addressee.role')}
        options={roles}
        value={addressee.role}
        onChange={(role) => role && onChange({ ...addressee, role })}
      />
      <ChoiceSelect
        path={`${path}.party`}
        label={t('editors.addressee.party')}
        options={parties}
        value={addressee.party}
        onChange={(party) => party && onChange({ ...addressee, party })}
      />
      <TextInput
        path={`${path}.name`}
        label={t('editors.addressee.name')}
        value={addressee.name}
        onChange={(name) => onChange({ ...addressee, name })}
      />
    </div>
  );
}

/** Concern report (NO pkt 6): cause, measures, who has been notified; to police and PST, copy to region and KDI. */
export function ConcernReportEditor({
  content,
  onChange,
  concerns,
}: KindEditorProps<ConcernReportContent> & { concerns: readonly LinkedDocument[] }) {
  const t = useT();
  const set = fieldSetter(content, onChange);
  const concernOptions = concerns.map((concern) => ({ value: concern.id, label: concern.label }));
  return (
    <div className="doc-fields">
      <p className="doc-intro">{t('editors.concernReport.intro')}</p>
      <div className="doc-row">
        <DateInput
          path="reportDate"
          label={t('domain.concernReport.reportDate')}
          value={content.reportDate}
          onChange={(v) => set('reportDate', v)}
        />
        <ChoiceSelect
          path="concernId"
          label={t('editors.concernReport.concern')}
          hint={concerns.length === 0 ? t('editors.concernReport.noConcerns') : undefined}
          emptyLabel={t('editors.concernReport.noConcernChosen')}
          options={concernOptions}
          value={content.concernId}
          onChange={(v) => set('concernId', v)}
        />
      </div>
      <TextArea
        path="cause"
        label={t('domain.concernReport.cause')}
        hint={t('editors.concernReport.causeHint')}
        rows={6}
        value={content.cause}
        onChange={(v) => set('cause', v)}
      />
      <TextArea
        path="measures"
        label={t('domain.concernReport.measures')}
        hint={t('editors.concernReport.measuresHint')}
        rows={4}
        value={content.measures}
        onChange={(v) => set('measures', v)}
      />
      <TextArea
        path="whoHasBeenNotified"
        label={t('domain.concernReport.whoHasBeenNotified')}
        hint={t('editors.concernReport.notifiedHint')}
        rows={3}
        value={content.whoHasBeenNotified}
        onChange={(v) => set('whoHasBeenNotified', v)}
      />
      <RepeatingRows
        path="addressees"
        legend={t('domain.concernReport.addressees')}
        hint={t('editors.concernReport.addresseesHint')}
        items={content.addressees}
        rowLabel={(i) => t('editors.addressee.row', { n: i + 1 })}
        removeLabel={(i) => t('editors.addressee.remove', { n: i + 1 })}
        addLabel={t('editors.addressee.add')}
        emptyText={t('editors.addressee.empty')}
        onAdd={() => set('addressees', [...content.addressees, { role: 'copy', party: 'other', name: '' }])}
        onRemove={(i) => set('addressees', removeAt(content.addressees, i))}
        renderRow={(addressee, i) => (
          <AddresseeFields
            index={i}
            addressee={addressee}
            onChange={(next) => set('addressees', replaceAt(content.addressees, i, next))}
          />
        )}
        testId="addressee-rows"
      />
    </div>
  );
}
