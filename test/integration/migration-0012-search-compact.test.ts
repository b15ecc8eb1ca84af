// Migration 0012 on a vault with data: search_keys rebuilt WITHOUT ROWID and the full-text index
// merged into one segment. Every query gives the same hits, in the same order, with the same
// snippets before and after (queried as the search did then); after the later migrations the
// repository keeps working on the rebuilt table.
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../main/db/connection';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { indexObject, search, unindexObject } from '../../main/db/repositories/search-repo';
import { ftsQuery } from '../../main/db/repositories/search-text';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-migration-0012-');
afterEach(() => dirs.cleanup());

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const all = loadMigrations();
const COMPACT = all.findIndex((m) => m.name.includes('search-compact')) + 1;

const WORDS = ['bekymring', 'løslatelse', 'mentor', 'skole', 'bolig', 'politiet', 'samtale', 'ekstremisme', 'Åse'];
const QUERIES = ['bekym', 'mentor skole', 'løslatelse', 'Åse', 'politiet samtale bolig', 'KOMPIS', 'finnesikke'];

/** An entry written as the repository did at migration 12. */
function indexAt12(
  db: Db,
  entry: { objectType: string; objectId: string; caseId: string; title: string; body: string },
): void {
  const previous = db
    .prepare('SELECT entry_rowid FROM search_keys WHERE object_id = ?', { pluck: true })
    .get([entry.objectId]);
  if (previous !== undefined) {
    db.prepare('DELETE FROM search_index WHERE rowid = ?').run([previous]);
    db.prepare('DELETE FROM search_keys WHERE object_id = ?').run([entry.objectId]);
  }
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_index (object_type, object_id, case_id, title, body) VALUES (?, ?, ?, ?, ?)')
    .run([entry.objectType, entry.objectId, entry.caseId, entry.title, entry.body]);
  db.prepare('INSERT INTO search_keys (object_id, entry_rowid) VALUES (?, ?)').run([entry.objectId, lastInsertRowid]);
}

/** The search as it was at migration 12 (FTS5 stored the text then). */
function searchAt12(db: Db, text: string) {
  return db
    .prepare(
      `SELECT object_type, object_id, case_id, title, snippet(search_index, 4, '[', ']', '…', 12) AS snippet
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50`,
    )
    .all([ftsQuery(text)]);
}

/** Fictional entries; every third one re-indexed twice, as repeated saves of a document do. */
function fill(db: Db): void {
  for (let n = 0; n < 60; n += 1) {
    const words = (k: number) => Array.from({ length: 3 + ((n * k) % 7) }, (_, i) => WORDS[(n + i * k) % WORDS.length]);
    const entry = (k: number) => ({
      objectType: n % 5 === 0 ? ('case' as const) : ('document' as const),
      objectId: `obj-${n}`,
      caseId: `case-${n % 4}`,
      title: `KOMPIS-${String(n).padStart(5, '0')}`,
      body: `Ola Testmann ${words(k).join(' ')}.\nNotat ${n}`,
    });
    indexAt12(db, entry(1));
    if (n % 3 === 0) {
      indexAt12(db, entry(2));
      indexAt12(db, entry(3));
    }
  }
}

const results = (db: Db) => QUERIES.map((query) => ({ query, hits: searchAt12(db, query) }));
const count = (db: Db, sql: string) => db.prepare(sql, { pluck: true }).get() as number;

describe('migration 0012 (search compaction) on a vault with data', () => {
  it('keeps every search result, order and snippet, with one copy of each key and the index merged', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, COMPACT - 1) });
    await session.create('NO', PASSPHRASE);
    const db = session.current().db;
    fill(db);
    const before = results(db);
    const segmentsBefore = count(db, 'SELECT count(*) FROM search_index_data');
    expect(before.filter((r) => r.hits.length > 1).length).toBeGreaterThanOrEqual(4);
    expect(
      before.flatMap((r) => r.hits).every((hit) => typeof (hit as { snippet: unknown }).snippet === 'string'),
    ).toBe(true);

    expect(migrate(db, all.slice(0, COMPACT))).toEqual({ from: COMPACT - 1, to: COMPACT });

    expect(results(db)).toEqual(before);
    expect(count(db, 'SELECT count(*) FROM search_index_data')).toBeLessThan(segmentsBefore);
    const keysSql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'search_keys'", { pluck: true }).get();
    expect(String(keysSql)).toMatch(/WITHOUT ROWID/);
    expect(count(db, "SELECT count(*) FROM sqlite_schema WHERE tbl_name = 'search_keys' AND type = 'index'")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM search_keys')).toBe(60);

    migrate(db, all);

    indexObject(db, { objectType: 'document', objectId: 'obj-1', caseId: 'case-1', title: 'T', body: 'Per Oppdiktet' });
    expect(search(db, 'Oppdiktet').map((hit) => hit.objectId)).toEqual(['obj-1']);
    unindexObject(db, 'obj-1');
    expect(search(db, 'Oppdiktet')).toEqual([]);
    expect(count(db, 'SELECT count(*) FROM search_index')).toBe(59);
    session.lock();
  });
});
