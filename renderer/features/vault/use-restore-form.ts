import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { Restored } from '../../../shared/ipc/backup';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { api } from '../../lib/api';

export type RestoreInto = 'thisInstallation' | 'chosenFolder';
type Field = 'file' | 'folder' | 'passphrase';

/**
 * The restore form's state. The file and the folder are chosen in the main process's dialogs (main
 * keeps the paths); the form holds what the user was shown, the passphrase, and each field's error
 * as translated text. A failed check moves focus to the first field that needs the user.
 */
export function useRestoreForm(initialInto: RestoreInto, onRestored: (restored: Restored) => void) {
  const { t, tError } = useI18n();
  const refs = {
    file: useRef<HTMLButtonElement>(null),
    folder: useRef<HTMLButtonElement>(null),
    passphrase: useRef<HTMLInputElement>(null),
  };
  const [into, setInto] = useState<RestoreInto>(initialInto);
  const [fileName, setFileName] = useState<string | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [choosing, setChoosing] = useState<'file' | 'folder' | null>(null);
  const [busy, setBusy] = useState(false);

  const showErrors = (next: Partial<Record<Field, string>>) => {
    flushSync(() => setErrors(next));
    const first = (['file', 'folder', 'passphrase'] as const).find((field) => next[field]);
    if (first) refs[first].current?.focus();
  };
  const clear = (field: Field) => setErrors(({ [field]: _cleared, ...rest }) => rest);

  const chooseFile = async () => {
    setChoosing('file');
    const result = await api.invoke('backup.chooseRestoreFile', {});
    setChoosing(null);
    if (!result.ok) return showErrors({ ...errors, file: tError(result.error) });
    if (!result.value.chosen) return;
    setFileName(result.value.name ?? null);
    clear('file');
  };

  const chooseFolder = async () => {
    setChoosing('folder');
    const result = await api.invoke('backup.chooseRestoreFolder', {});
    setChoosing(null);
    if (!result.ok) {
      setFolder(null);
      return showErrors({ ...errors, folder: tError(result.error) });
    }
    if (!result.value.chosen) return;
    setFolder(result.value.name ?? null);
    clear('folder');
  };

  const missing = (): Partial<Record<Field, string>> => ({
    ...(fileName ? {} : { file: t('restore.file.required') }),
    ...(into === 'chosenFolder' && !folder ? { folder: t('restore.folder.required') } : {}),
    ...(passphrase ? {} : { passphrase: t('restore.passphraseRequired') }),
  });

  const submit = async () => {
    const next = missing();
    if (Object.keys(next).length > 0) return showErrors(next);
    setErrors({});
    setFailure(null);
    setBusy(true);
    const result = await api.invoke('backup.restore', { passphrase, into });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      return onRestored(result.value);
    }
    const { code, messageKey } = result.error;
    if (code === 'wrong_passphrase') {
      setPassphrase('');
      return showErrors({ passphrase: tError(result.error) });
    }
    if (messageKey === 'restore.error.folderNotEmpty') {
      setFolder(null);
      return showErrors({ folder: tError(result.error) });
    }
    setFailure(result.error);
  };

  return {
    refs,
    into,
    setInto,
    fileName,
    folder,
    passphrase,
    setPassphrase: (value: string) => {
      setPassphrase(value);
      clear('passphrase');
    },
    errors,
    failure,
    choosing,
    busy,
    chooseFile,
    chooseFolder,
    submit,
  };
}
