// Issue 17: a data key the read-only open (`inspect`) left in memory survived the tests. The key the
// passphrase unwraps is watched by wrapping the real unwrap; real vault, real SQLCipher file.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { readMeta } from '../db/repositories/meta-repo';
import { VaultSession } from './vault-session';

const unwrapped = vi.hoisted(() => ({ keys: [] as Buffer[] }));

vi.mock('./unwrap-data-key', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./unwrap-data-key')>();
  return {
    ...actual,
    unwrapWithPassphrase: async (...args: Parameters<typeof actual.unwrapWithPassphrase>) => {
      const key = await actual.unwrapWithPassphrase(...args);
      if (key) unwrapped.keys.push(key);
      return key;
    },
  };
});

const temp = tempDirs('bro-vault-session-kills-');
afterAll(() => temp.cleanup());

describe('opening a vault to read only', () => {
  it('overwrites the data key it unwrapped once the connection is open', async () => {
    const session = new VaultSession({ dir: temp.make(), kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    session.lock();
    unwrapped.keys.length = 0;
    const { db } = await session.inspect(PASSPHRASE);
    try {
      expect(readMeta(db, 'profile')).toBe('NO');
      expect(unwrapped.keys).toHaveLength(1);
      expect(unwrapped.keys[0]?.every((byte) => byte === 0)).toBe(true);
    } finally {
      db.close();
    }
  });
});
