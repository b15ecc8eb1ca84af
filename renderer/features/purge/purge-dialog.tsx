import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { PurgePlan, PurgeReason } from '../../../shared/ipc/purge';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { PurgeCounts } from './purge-counts';

export interface PurgeDialogProps {
  caseId: string;
  reference: string;
  open: boolean;
  onClose(): void;
  /** `overwritten` false: another program's read keeps the freed pages until it ends (cases.purge). */
  onPurged(reference: string, overwritten: boolean): void;
}

const REASON_KEY: Readonly<Record<PurgeReason, string>> = {
  retention_expired: 'purge.dialog.reason.retention_expired',
  registered_in_error: 'purge.dialog.reason.registered_in_error',
  administrator_decision: 'purge.dialog.reason.administrator_decision',
};
const REASONS: readonly PurgeReason[] = ['retention_expired', 'registered_in_error', 'administrator_decision'];

/**
 * Purge for good (issue 14): names what goes, from the service's own inventory, and asks for the case
 * reference typed again. A refusal (wrong reference, retention not run out, compartment shut) changes
 * nothing and is shown in the user's language.
 */
export function PurgeDialog({ caseId, reference, open, onClose, onPurged }: PurgeDialogProps) {
  const { t, tError } = useI18n();
  const preview = useLoad(open ? caseId : null, () => api.invoke('cases.purgePreview', { caseId }));
  const plan: PurgePlan | null = preview.loaded.state === 'ready' ? preview.loaded.value : null;
  const [purgeFailure, setFailure] = useState<IpcError | null>(null);
  const failure = purgeFailure ?? (preview.loaded.state === 'failed' ? preview.loaded.error : null);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | undefined>();
  const [picked, setReason] = useState<PurgeReason | null>(null);
  // Until the user picks: "retention run out" when it has, else the administrator's decision.
  const reason: PurgeReason = picked ?? (plan?.due ? 'retention_expired' : 'administrator_decision');
  const [busy, setBusy] = useState(false);

  const close = () => {
    setTyped('');
    setTypedError(undefined);
    setFailure(null);
    onClose();
  };

  const confirm = async () => {
    if (typed.trim() !== reference) return setTypedError(t('purge.error.confirmMismatch'));
    setBusy(true);
    setFailure(null);
    const result = await api.invoke('cases.purge', { caseId, confirmReference: typed.trim(), reason });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onPurged(result.value.purged.caseReference, result.value.overwritten);
  };

  const reasons = REASONS.filter((r) => r !== 'retention_expired' || plan?.due).map((value) => ({
    value,
    label: t(REASON_KEY[value]),
  }));

  return (
    <ConfirmDialog
      open={open}
      title={t('purge.dialog.title', { reference })}
      body={t('purge.dialog.body')}
      confirmLabel={t('purge.dialog.confirm')}
      confirmIcon={Trash2}
      busy={busy || plan === null}
      confirmTestId="purge-confirm"
      cancelFirst
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      {plan ? <PurgeCounts plan={plan} /> : <p role="status">{t('common.loading')}</p>}
      <Select<PurgeReason>
        label={t('purge.dialog.reason')}
        value={reason}
        options={reasons}
        onValueChange={setReason}
      />
      <TextField
        label={t('purge.dialog.typeReference', { reference })}
        value={typed}
        autoComplete="off"
        spellCheck={false}
        error={typedError}
        onChange={(event) => {
          setTyped(event.target.value);
          setTypedError(undefined);
        }}
      />
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
    </ConfirmDialog>
  );
}
