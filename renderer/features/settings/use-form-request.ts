import { useRef, useState } from 'react';
import type { IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';

export type FormRequest = ReturnType<typeof useFormRequest>;

/** A form that sends one request: the form element (for focus), its busy state and a form-level error. */
export function useFormRequest() {
  const { tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** Sends the request while busy; a failure becomes the form's error. */
  const send = async <T>(request: () => Promise<IpcResult<T>>): Promise<IpcResult<T>> => {
    setBusy(true);
    const result = await request();
    setBusy(false);
    if (!result.ok) setError(tError(result.error));
    return result;
  };

  return { form, error, setError, busy, send };
}
