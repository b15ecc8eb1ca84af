// The full check over a real, sound vault: a page that reads torn once (a checkpoint was copying it)
// is read again rather than reported as damage, and a sound file is read only once. The torn read is
// one made-up answer of cipher_integrity_check on the vault's real connection.
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import type { AnchorView } from '../audit/audit-verify';
import type { Db } from '../db/connection';
import { fullCheck } from './integrity-check';
import { readKeyFile } from './key-file';
import { VaultSession } from './vault-session';

const dirs = tempDirs('bro-integrity-check-');
const sessions: VaultSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((session) => session.lock());
  dirs.cleanup();
});

/** The open vault's connection, its page checks counted; the first `torn` of them report a bad page. */
async function watchedVault(
  torn: number,
): Promise<{ db: Db; anchor: AnchorView | undefined; pageChecks: () => number }> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, healthCheck: false });
  sessions.push(session);
  await session.create('NO', PASSPHRASE);
  const db = session.current().db;
  const pragma = db.pragma.bind(db);
  let checks = 0;
  db.pragma = ((...args: Parameters<Db['pragma']>) => {
    if (args[0] !== 'cipher_integrity_check') return pragma(...args);
    checks += 1;
    return checks <= torn ? [{ cipher_integrity_check: 'HMAC verification failed for page 2' }] : pragma(...args);
  }) as Db['pragma'];
  return { db, anchor: readKeyFile(session.files.keys).auditAnchor, pageChecks: () => checks };
}

describe('the full check', () => {
  it('reads the pages again after one torn read, and passes a sound file', async () => {
    const { db, anchor, pageChecks } = await watchedVault(1);
    expect(fullCheck(db, anchor)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
    expect(pageChecks()).toBe(2);
  });

  it('reads a sound file’s pages once', async () => {
    const { db, anchor, pageChecks } = await watchedVault(0);
    expect(fullCheck(db, anchor)).toMatchObject({ integrity: 'ok', audit: { ok: true } });
    expect(pageChecks()).toBe(1);
  });

  it('reports damage that is still there at the second read', async () => {
    const { db, pageChecks } = await watchedVault(2);
    expect(fullCheck(db)).toEqual({ integrity: 'cipher_integrity_check' });
    expect(pageChecks()).toBe(2);
  });
});
