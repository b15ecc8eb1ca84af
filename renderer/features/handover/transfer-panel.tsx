import { useEffect, useState } from 'react';
import { Ban, PackageOpen, Save } from 'lucide-react';
import type { TransferKind } from '../../../shared/domain/transfer';
import type { DueListItem } from '../../../shared/ipc/due';
import type { TransferView } from '../../../shared/ipc/handover';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { formatIsoDate } from '../../lib/format';
import { DueItemList } from '../home/due-item-list';
import { HandoverDialog } from './handover-dialog';
import { FIELD_LABEL_KEY, TRANSFER_KIND_KEY } from './labels';
import { transferFormValues, transferFromForm, type TransferFormValues } from './transfer-form-model';

const TRANSFER_KINDS: readonly TransferKind[] = ['other_unit', 'community_sentence'];
const DATE_FIELDS = ['plannedDate', 'decisionDate', 'contactMadeOn', 'meetingOn'] as const;
const TEXT_FIELDS = ['receivingUnit', 'receivingContact'] as const;

interface TransferAndDue {
  view: TransferView;
  due: DueListItem[];
}

async function loadTransfer(caseId: string): Promise<IpcResult<TransferAndDue>> {
  const [view, due] = await Promise.all([api.invoke('transfer.get', { caseId }), api.invoke('due.list', { caseId })]);
  if (!view.ok) return view;
  if (!due.ok) return due;
  return {
    ok: true,
    value: { view: view.value, due: due.value.items.filter((item) => item.kind.startsWith('no_transfer_')) },
  };
}

const NO_DUE: DueListItem[] = [];

/**
 * The case's transfer to another unit or to a community sentence (NO pkt 8, 12): the form, what is due
 * for it, the handover packages sent, and where received documents came from.
 */
export function TransferPanel({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const { loaded, reload } = useLoad(caseId, () => loadTransfer(caseId));
  const view = loaded.state === 'ready' ? loaded.value.view : null;
  const due = loaded.state === 'ready' ? loaded.value.due : NO_DUE;
  const [values, setValues] = useState<TransferFormValues | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [cancelling, setCancelling] = useState<'asking' | 'busy' | null>(null);
  useEffect(() => {
    if (view && values === null) setValues(transferFormValues(view.transfer));
  }, [view, values]);
  if (loaded.state === 'failed') {
    return (
      <section className="panel" aria-labelledby="transfer-title" data-testid="transfer-panel">
        <h2 id="transfer-title" className="panel-title">
          {t('handover.panel.title')}
        </h2>
        <LoadFailed error={loaded.error} onRetry={reload} />
      </section>
    );
  }
  if (!view || !values) return null;
  const set = <K extends keyof TransferFormValues>(key: K, value: TransferFormValues[K]) =>
    setValues({ ...values, [key]: value });

  const save = async () => {
    const made = transferFromForm(values);
    if (!made.ok) return setErrors(made.fields);
    setErrors([]);
    const result = await api.invoke('transfer.save', { caseId, transfer: made.transfer });
    setStatus(
      result.ok
        ? { tone: 'success', text: t('handover.form.saved') }
        : { tone: 'error', text: t(result.error.messageKey) },
    );
    reload();
  };
  const cancel = async () => {
    setCancelling('busy');
    const result = await api.invoke('transfer.cancel', { caseId });
    setCancelling(null);
    setStatus(
      result.ok
        ? { tone: 'success', text: t('handover.cancel.done') }
        : { tone: 'error', text: t(result.error.messageKey) },
    );
    // The case has no transfer now: the form is emptied, as for a case that never had one.
    if (result.ok) setValues(transferFormValues(null));
    reload();
  };
  const errorOf = (field: string) => (errors.includes(field) ? t('error.invalid_input') : undefined);

  return (
    <section className="panel" aria-labelledby="transfer-title" data-testid="transfer-panel">
      <h2 id="transfer-title" className="panel-title">
        {t('handover.panel.title')}
      </h2>
      <p className="panel-description">{t('handover.panel.intro')}</p>
      {view.transfer ? null : <p>{t('handover.panel.none')}</p>}
      <div className="form">
        <Select
          label={t('handover.form.kind')}
          value={values.kind}
          options={TRANSFER_KINDS.map((kind) => ({ value: kind, label: t(TRANSFER_KIND_KEY[kind]) }))}
          onValueChange={(kind) => set('kind', kind)}
          data-testid="transfer-kind"
        />
        {TEXT_FIELDS.map((field) => (
          <TextField
            key={field}
            label={t(FIELD_LABEL_KEY[field])}
            value={values[field]}
            error={errorOf(field)}
            onChange={(event) => set(field, event.target.value)}
            data-testid={`transfer-${field}`}
          />
        ))}
        {DATE_FIELDS.map((field) => (
          <TextField
            key={field}
            type="date"
            label={t(FIELD_LABEL_KEY[field])}
            value={values[field]}
            error={errorOf(field)}
            onChange={(event) => set(field, event.target.value)}
            data-testid={`transfer-${field}`}
          />
        ))}
      </div>
      <Checkbox
        label={t('handover.form.contactBeforeDecision')}
        checked={values.contactBeforeDecision}
        onCheckedChange={(checked) => set('contactBeforeDecision', checked)}
        data-testid="transfer-contactBeforeDecision"
      />
      <div className="form-actions">
        <Button variant="primary" icon={Save} onClick={() => void save()} data-testid="transfer-save">
          {t('handover.form.save')}
        </Button>
        <Button
          icon={PackageOpen}
          disabled={!view.transfer}
          onClick={() => setDialogOpen(true)}
          data-testid="handover-open"
        >
          {t('handover.create.open')}
        </Button>
        <Button
          icon={Ban}
          disabled={!view.transfer}
          onClick={() => setCancelling('asking')}
          data-testid="transfer-cancel"
        >
          {t('handover.cancel.open')}
        </Button>
      </div>
      <ConfirmDialog
        open={cancelling !== null}
        title={t('handover.cancel.title')}
        body={t('handover.cancel.body')}
        confirmLabel={t('handover.cancel.confirm')}
        confirmIcon={Ban}
        busy={cancelling === 'busy'}
        confirmTestId="transfer-cancel-confirm"
        cancelFirst
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(null)}
      />
      <div aria-live="polite">
        {status ? <StatusMessage tone={status.tone} title={status.text} testId="transfer-status" /> : null}
      </div>
      <h3 className="section-title">{t('handover.due.title')}</h3>
      {due.length > 0 ? <DueItemList items={due} showCase={false} /> : <p>{t('handover.due.none')}</p>}
      <SentAndReceived view={view} />
      {dialogOpen && view.transfer ? (
        <HandoverDialog
          caseId={caseId}
          receivingUnit={view.transfer.receivingUnit}
          onClose={() => {
            setDialogOpen(false);
            reload();
          }}
        />
      ) : null}
    </section>
  );
}

function SentAndReceived({ view }: { view: TransferView }) {
  const { t, locale } = useI18n();
  return (
    <>
      {view.packages.length > 0 ? (
        <>
          <h3 className="section-title">{t('handover.sent.title')}</h3>
          <ul data-testid="handover-sent">
            {view.packages.map((sent) => (
              <li key={sent.id}>
                {t('handover.sent.row', {
                  sentOn: formatIsoDate(locale, sent.sentOn),
                  documents: sent.documents,
                  leftOut: sent.leftOut,
                  grading: sent.grading,
                  sha256: sent.fileSha256.slice(0, 16),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.receivedFrom.length > 0 ? (
        <>
          <h3 className="section-title">{t('handover.received.title')}</h3>
          <ul data-testid="handover-received">
            {view.receivedFrom.map((row) => (
              <li key={row.documentId}>
                {t('handover.received.row', {
                  receivedAt: formatIsoDate(locale, row.receivedAt.slice(0, 10)),
                  sendingUnit: row.sendingUnit,
                  source: row.source,
                  version: row.senderVersion,
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
