import { useT } from '../../app/i18n';

/** The wait before another unlock attempt. A timer role is not live, so it is not read every second. */
export function RetryCountdown({ seconds }: { seconds: number }) {
  const t = useT();
  return (
    <p className="countdown" role="timer" data-testid="unlock-countdown" data-seconds={seconds}>
      {seconds > 0 ? t('vault.unlock.retryIn', { seconds }) : null}
    </p>
  );
}
