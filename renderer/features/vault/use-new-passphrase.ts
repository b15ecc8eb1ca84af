import { useState } from 'react';
import type { NewPassphraseErrors } from './passphrase-checks';

/** What NewPassphraseFields shows and edits. */
export interface NewPassphraseInput {
  passphrase: string;
  repeat: string;
  onPassphraseChange(value: string): void;
  onRepeatChange(value: string): void;
}

/** A new passphrase typed twice; typing in either input clears the error shown for that input. */
export function useNewPassphrase(
  clearError: (field: keyof NewPassphraseErrors) => void,
): NewPassphraseInput & { reset(): void } {
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  return {
    passphrase,
    repeat,
    onPassphraseChange(value) {
      setPassphrase(value);
      clearError('passphrase');
    },
    onRepeatChange(value) {
      setRepeat(value);
      clearError('repeat');
    },
    reset() {
      setPassphrase('');
      setRepeat('');
    },
  };
}
