import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { checkNewPassphrase, translateNewPassphraseErrors } from './passphrase-checks';

describe('new passphrase form checks', () => {
  it('asks for a passphrase when none is typed', () => {
    expect(checkNewPassphrase('', '')).toEqual({ passphrase: 'vault.passphrase.required' });
  });

  it('refuses one the vault would refuse, naming the first problem', () => {
    expect(checkNewPassphrase('kort', 'kort')).toEqual({ passphrase: 'vault.passphrase.tooShort' });
  });

  it('refuses two different entries', () => {
    expect(checkNewPassphrase('Kari Fiktiv sykler til jobb', 'Kari Fiktiv sykler til jobb!')).toEqual({
      repeat: 'vault.passphrase.mismatch',
    });
  });

  it('accepts a long passphrase typed the same twice', () => {
    expect(checkNewPassphrase('Kari Fiktiv sykler til jobb', 'Kari Fiktiv sykler til jobb')).toEqual({});
  });

  it('fills in the minimum length when the problem is shown', () => {
    const t = (key: string, params?: Record<string, string | number | boolean>) => translate('en', key, params);
    expect(translateNewPassphraseErrors(t, { passphrase: 'vault.passphrase.tooShort' }).passphrase).toContain('12');
  });
});
