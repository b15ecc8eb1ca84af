import { useRef, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { StatusMessage } from '../../components/status-message';
import { TextAreaField } from '../../components/text-area-field';
import { api } from '../../lib/api';

export interface DeleteCaseDialogProps {
  caseId: string;
  reference: string;
  open: boolean;
  onClose(): void;
  onDeleted(): void;
}

/**
 * Soft delete: the case and its documents leave lists and search but stay in the vault with the
 * reason. The reason is required; the dialog is the confirmation.
 */
export function DeleteCaseDialog({ caseId, reference, open, onClose, onDeleted }: DeleteCaseDialogProps) {
  const { t, tError } = useI18n();
  const field = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setReason('');
    setError(undefined);
    setFailure(null);
    onClose();
  };

  const confirm = async () => {
    if (reason.trim() === '') {
      setError(t('cases.delete.reasonRequired'));
      field.current?.focus();
      return;
    }
    setBusy(true);
    const result = await api.invoke('cases.delete', { id: caseId, reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    onDeleted();
  };

  return (
    <ConfirmDialog
      open={open}
      title={t('cases.delete.title', { reference })}
      body={t('cases.delete.body')}
      confirmLabel={t('cases.delete.confirm')}
      confirmIcon={Trash2}
      busy={busy}
      confirmTestId="delete-case-confirm"
      cancelFirst
      onConfirm={() => void confirm()}
      onCancel={close}
    >
      <TextAreaField
        ref={field}
        label={t('cases.delete.reason')}
        hint={t('cases.delete.reasonHint')}
        value={reason}
        required
        maxLength={2000}
        error={error}
        onChange={(event) => {
          setReason(event.target.value);
          setError(undefined);
        }}
      />
      {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
    </ConfirmDialog>
  );
}
