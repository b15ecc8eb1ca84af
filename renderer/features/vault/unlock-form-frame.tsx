import type { ReactNode } from 'react';
import { LockOpen, type LucideIcon } from 'lucide-react';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { RetryCountdown } from './retry-countdown';
import type { UnlockAttempt } from './use-unlock-attempt';

/**
 * The frame both unlock forms share: a form-level failure above the fields, then the submit button with
 * the retry countdown, then a link to the other way of unlocking. No submit while busy or throttled.
 */
export function UnlockFormFrame({
  unlock,
  onSubmit,
  submitLabel,
  link,
  children,
}: {
  unlock: UnlockAttempt;
  onSubmit(): Promise<void>;
  submitLabel: string;
  link: { icon: LucideIcon; label: string; onClick(): void };
  children: ReactNode;
}) {
  const { tError } = useI18n();
  return (
    <form
      ref={unlock.form}
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!unlock.busy && !unlock.waiting) void onSubmit();
      }}
    >
      {unlock.failure ? <StatusMessage tone="error" title={tError(unlock.failure)} /> : null}
      {children}
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={LockOpen} busy={unlock.busy} disabled={unlock.waiting}>
          {submitLabel}
        </Button>
        <RetryCountdown seconds={unlock.seconds} />
      </div>
      <div className="form-links">
        <Button variant="link" icon={link.icon} onClick={link.onClick}>
          {link.label}
        </Button>
      </div>
    </form>
  );
}
