import { useRef, useState } from 'react';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import type { VaultStatus } from '../../../shared/ipc/vault';
import { useRouter } from '../../app/router';
import { useVault } from '../../app/vault-state';
import { useI18n } from '../../app/i18n';
import { prepareFormats } from '../../lib/format';
import { retrySeconds } from './unlock-errors';
import type { Countdown } from './use-countdown';

export interface UnlockFormProps {
  countdown: Countdown;
}

export type UnlockAttempt = ReturnType<typeof useUnlockAttempt>;

/** What both unlock forms share: the form element, busy and throttled states, and a form-level failure. */
export function useUnlockAttempt(countdown: Countdown) {
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const { locale } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);

  /** Opens the vault and resolves to null, or starts the wait the failure reports and resolves to it. */
  const attempt = async (send: () => Promise<IpcResult<VaultStatus>>): Promise<IpcError | null> => {
    setBusy(true);
    setFailure(null);
    const answer = send();
    // The main process now derives the key (hundreds of ms): the page makes the home screen's
    // formatters meanwhile.
    prepareFormats(locale);
    const result = await answer;
    setBusy(false);
    if (result.ok) {
      setStatus(result.value);
      navigate({ screen: 'home' });
      return null;
    }
    countdown.start(retrySeconds(result.error));
    return result.error;
  };

  return { form, busy, waiting: countdown.seconds > 0, seconds: countdown.seconds, failure, setFailure, attempt };
}
