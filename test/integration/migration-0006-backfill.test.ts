// Issue 17: migrations.test.ts runs each migration on an empty vault, so 0006's backfill (one
// search_keys row per indexed object, stale duplicate index rows removed) was never run on data.
// Here a real vault at version 5 holds index rows, some objects twice, and is migrated to 6.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/connection';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { indexObject, search, unindexObject } from '../../main/db/repositories/search-repo';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-migration-0006-');
afterEach(() => dirs.cleanup());

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const all = loadMigrations();

/** As the search index was written before 0006: a plain insert, duplicates possible. */
function indexRow(db: Db, objectId: string, title: string, body: string): number {
  const insert = db.prepare(
    'INSERT INTO search_index (object_type, object_id, case_id, title, body) VALUES (?, ?, ?, ?, ?)',
  );
  return Number(insert.run(['document', objectId, 'case-1', title, body]).lastInsertRowid);
}

describe('migration 0006 on a vault with data', () => {
  it('keeps the newest index row of each object, keys it, and drops the stale ones', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 5) });
    await session.create('NO', PASSPHRASE);
    const db = session.current().db;
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    indexRow(db, 'doc-a', 'Observasjon', 'Ola Testmann delte ut løpesedler');
    const plain = indexRow(db, 'doc-b', 'Notat', 'Kari Fiktiv ringte');
    const newest = indexRow(db, 'doc-a', 'Observasjon', 'Ola Testmann delte ut løpesedler, rettet til plakater');

    expect(migrate(db, all.slice(0, 6))).toEqual({ from: 5, to: 6 });

    const keys = db.prepare('SELECT object_id, entry_rowid FROM search_keys ORDER BY object_id').all();
    expect(keys).toEqual([
      { object_id: 'doc-a', entry_rowid: newest },
      { object_id: 'doc-b', entry_rowid: plain },
    ]);
    const rows = db.prepare('SELECT rowid FROM search_index ORDER BY rowid', { pluck: true }).all();
    expect(rows).toEqual([plain, newest]);
    // The later migrations carry the keyed rows on to today's index, which the repository searches.
    migrate(db, all);
    expect(search(db, 'løpesedler').map((hit) => hit.objectId)).toEqual(['doc-a']);
    expect(search(db, 'plakater').map((hit) => hit.objectId)).toEqual(['doc-a']);

    // The keyed index now works as the repository expects: re-indexing and removal touch one row.
    indexObject(db, {
      objectType: 'document',
      objectId: 'doc-b',
      caseId: 'case-1',
      title: 'Notat',
      body: 'Per Oppdiktet',
    });
    expect(search(db, 'ringte')).toEqual([]);
    unindexObject(db, 'doc-a');
    expect(search(db, 'plakater')).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM search_index', { pluck: true }).get()).toBe(1);
    session.lock();
  });
});
