import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { useT } from '../app/i18n';
import { Button } from './button';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** One paragraph saying what confirming does. */
  body: string;
  confirmLabel: string;
  confirmIcon?: LucideIcon;
  /** The confirmed call is running: the confirm button shows a spinner and blocks a second click. */
  busy?: boolean;
  confirmTestId?: string;
  /** Cancel before the confirm button, in reading and tab order (the default is confirm first). */
  cancelFirst?: boolean;
  onConfirm(): void;
  /** Cancel, Escape and closing the dialog; focus then returns to the control that opened it. */
  onCancel(): void;
  /** More content under the body, e.g. a reason field or an error. */
  children?: ReactNode;
}

/** Asks before a destructive step: a danger button that confirms it and a Cancel button. */
export function ConfirmDialog({
  open,
  title,
  body,
  confirmLabel,
  confirmIcon,
  busy,
  confirmTestId,
  cancelFirst = false,
  onConfirm,
  onCancel,
  children,
}: ConfirmDialogProps) {
  const t = useT();
  const confirm = (
    <Button variant="danger" icon={confirmIcon} busy={busy} onClick={onConfirm} data-testid={confirmTestId}>
      {confirmLabel}
    </Button>
  );
  const cancel = <Button onClick={onCancel}>{t('common.cancel')}</Button>;
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      actions={
        cancelFirst ? (
          <>
            {cancel}
            {confirm}
          </>
        ) : (
          <>
            {confirm}
            {cancel}
          </>
        )
      }
    >
      <p>{body}</p>
      {children}
    </Dialog>
  );
}
