import { describe, expect, it } from 'vitest';
import type { StorageFailure } from '../db/storage-errors';
import { VAULT_HEALTH_REASON_KEYS, vaultHealthReasonKey } from '../../shared/ipc/vault';
import { catalogs } from '../../shared/i18n/catalogs';

/** Every storage failure an integrity check can be stopped by (the compiler keeps this list whole). */
const STORAGE_FAILURES = {
  busy: true,
  permission: true,
  diskFull: true,
  readOnly: true,
  io: true,
  damaged: true,
  tooManyFiles: true,
} satisfies Record<StorageFailure, true>;

describe('why an integrity check could not run, in the user’s language', () => {
  it('names every storage failure but damage (a damaged file fails the check) and the check’s own reasons', () => {
    const named = Object.keys(STORAGE_FAILURES).filter((failure) => failure !== 'damaged');
    for (const reason of [...named, 'off', 'missing', 'cancelled', 'worker', 'error'])
      expect(vaultHealthReasonKey(reason)).toBe(`vaultHealth.reason.${reason}`);
  });

  it('has each message in every catalog, and different words for different reasons', () => {
    for (const [locale, catalog] of Object.entries(catalogs)) {
      const texts = Object.values(VAULT_HEALTH_REASON_KEYS).map((key) => catalog[key]);
      expect(
        texts.every((text) => typeof text === 'string' && text.length > 0),
        locale,
      ).toBe(true);
      expect(new Set(texts).size, locale).toBe(texts.length);
    }
  });

  it('shows a reason it does not know as an unexpected error, never the raw word', () => {
    for (const reason of [undefined, '', 'somethingNew', 'constructor', 'toString'])
      expect(vaultHealthReasonKey(reason)).toBe('vaultHealth.reason.error');
  });
});
