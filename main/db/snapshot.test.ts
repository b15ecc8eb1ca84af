// The snapshot a backup is made from is read back before it is packed: a copy whose pages do not
// verify, or a file that is no copy at all, is refused as "could not be verified" (the backup is then
// not saved). Real SQLCipher files; the damage is a flipped byte on disk.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../../test/support/vault-fixtures';
import { VaultSession } from '../vault/vault-session';
import { exportSnapshot, inspectSnapshot, sameFacts } from './snapshot';

const dirs = tempDirs();
const sessions: VaultSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.lock());
  dirs.cleanup();
});

/** An unlocked vault with a filler table spanning several pages, and a snapshot of it. */
async function snapshotOfVault() {
  const s = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, healthCheck: false });
  sessions.push(s);
  await s.create('NO', PASSPHRASE);
  const db = s.current().db;
  db.exec('CREATE TABLE filler (t BLOB); INSERT INTO filler VALUES (randomblob(40000));');
  const path = join(dirs.make(), 'snapshot.db');
  const facts = exportSnapshot(db, path);
  return { db, path, facts };
}

const refusal = { code: 'internal', messageKey: 'backup.error.verifyFailed' };

describe('inspectSnapshot', () => {
  it('reads back the facts the export counted', async () => {
    const { db, path, facts } = await snapshotOfVault();
    expect(facts.tables.filler).toBe(1);
    expect(sameFacts(facts, inspectSnapshot(db, path))).toBe(true);
  });

  it('refuses a copy with one byte changed in any of its pages, schema pages (attach fails) and data pages (the check fails) alike', async () => {
    const { db, path } = await snapshotOfVault();
    const good = readFileSync(path);
    const pages = good.length / 4096;
    expect(pages).toBeGreaterThan(20);
    for (let page = 0; page < pages; page += 1) {
      const bytes = Buffer.from(good);
      const at = page * 4096 + 200;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      writeFileSync(path, bytes);
      expect(() => inspectSnapshot(db, path), `page ${page}`).toThrow(expect.objectContaining(refusal));
    }
    writeFileSync(path, good);
    expect(inspectSnapshot(db, path).tables.filler).toBe(1);
  });

  it('refuses a file that is no copy of the vault', async () => {
    const { db, path } = await snapshotOfVault();
    writeFileSync(path, Buffer.alloc(8192, 0x5a));
    expect(() => inspectSnapshot(db, path)).toThrow(expect.objectContaining(refusal));
  });
});
