import { useEffect, useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { TextAreaField } from '../../components/text-area-field';

export interface DeleteWithReasonDialogProps {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  /** The delete call with the reason given; null while there is nothing to delete. */
  remove: ((reason: string) => Promise<IpcResult<unknown>>) | null;
  /** The reason and its error are cleared whenever this changes, e.g. when another record is chosen. */
  resetKey?: unknown;
  onClose(): void;
  onDeleted(): void;
}

/** Deleting a mentor or a contact: the reason is required and is kept with the deleted record. */
export function DeleteWithReasonDialog({
  open,
  title,
  body,
  confirmLabel,
  remove,
  resetKey,
  onClose,
  onDeleted,
}: DeleteWithReasonDialogProps) {
  const { t, tError } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReason('');
    setError(undefined);
  }, [resetKey]);
  const run = async () => {
    if (!remove) return;
    if (!reason.trim()) return setError(t('mentors.delete.reasonRequired'));
    setBusy(true);
    const result = await remove(reason);
    setBusy(false);
    if (result.ok) onDeleted();
    else setError(tError(result.error));
  };
  return (
    <ConfirmDialog
      open={open}
      title={title}
      body={body}
      confirmLabel={confirmLabel}
      confirmIcon={Trash2}
      busy={busy}
      onConfirm={() => void run()}
      onCancel={onClose}
    >
      <TextAreaField
        label={t('mentors.delete.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={error}
      />
    </ConfirmDialog>
  );
}
