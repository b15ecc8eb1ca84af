import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { ReceivedPurgeReason, ReceivedSummary } from '../../../shared/ipc/export';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { KIND_KEY } from '../../lib/document-labels';

const REASON_KEY: Readonly<Record<ReceivedPurgeReason, string>> = {
  registered_in_error: 'exchange.received.reason.registered_in_error',
  administrator_decision: 'exchange.received.reason.administrator_decision',
};
const REASONS: readonly ReceivedPurgeReason[] = ['registered_in_error', 'administrator_decision'];

/**
 * Purge a received document for good (import.purge), with the reason the audit log keeps. A refusal
 * (a case here holds it, another program reading the vault) changes nothing and is shown in the
 * user's language.
 */
export function ReceivedPurgeDialog({
  doc,
  onClose,
  onPurged,
}: {
  doc: ReceivedSummary | null;
  onClose(): void;
  /** `overwritten` false: another program's read keeps the freed pages until it ends. */
  onPurged(overwritten: boolean): void;
}) {
  const { t, tError } = useI18n();
  const [reason, setReason] = useState<ReceivedPurgeReason>('registered_in_error');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const close = () => {
    setFailure(null);
    onClose();
  };

  const confirm = async () => {
    if (!doc) return;
    setBusy(true);
    setFailure(null);
    const result = await api.invoke('import.purge', { id: doc.id, reason });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onPurged(result.value.overwritten);
  };

  return (
    <ConfirmDialog
      open={doc !== null}
      title={t('exchange.received.confirmTitle')}
      body={
        doc
          ? t('exchange.received.confirmBody', {
              kind: t(KIND_KEY[doc.kind]),
              reference: doc.caseReference,
              source: doc.source,
            })
          : ''
      }
      confirmLabel={t('exchange.received.purge')}
      confirmIcon={Trash2}
      busy={busy}
      confirmTestId="received-purge-confirm"
      cancelFirst
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      <Select<ReceivedPurgeReason>
        label={t('exchange.received.reason')}
        value={reason}
        options={REASONS.map((value) => ({ value, label: t(REASON_KEY[value]) }))}
        onValueChange={setReason}
      />
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
    </ConfirmDialog>
  );
}
