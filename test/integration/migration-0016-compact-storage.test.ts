import { createHash } from 'node:crypto';
// Migration 0016 on a vault with data (at migration 15): the search index becomes contentless. The
// same hits in the same order for every query, the same snippets (a document's now made from its
// current version), the entries' text no longer copied into the index, and the repository keeps
// indexing, finding and deleting on the new table.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/audit/canonical-json';
import type { Db } from '../../main/db/connection';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { indexObject, search, unindexObject } from '../../main/db/repositories/search-repo';
import { ftsQuery, searchableText } from '../../main/db/repositories/search-text';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-migration-0016-');
afterEach(() => dirs.cleanup());

const FAST_KDF = { logN: 10, r: 8, p: 1 };
const all = loadMigrations();
const COMPACT = all.findIndex((m) => m.name === 'compact-storage') + 1;
const AT = '2026-03-15T10:00:00.000Z';

const WORDS = [
  'bekymring',
  'løslatelse',
  'mentor',
  'skole',
  'bolig',
  'politiet',
  'samtale',
  'ekstremisme',
  'Åse',
  'luftegården',
];
const QUERIES = [
  'bekym',
  'mentor skole',
  'løslatelse',
  'Åse',
  'politiet samtale bolig',
  'KOMPIS',
  'Testmann',
  'luft',
  'finnesikke',
];

const words = (n: number, k: number) =>
  Array.from({ length: 3 + ((n * k) % 9) }, (_, i) => WORDS[(n + i * k) % WORDS.length]).join(' ');

/** A document as an older Bro stored it: versions, and one search row from the current version. */
function addDocument(db: Db, n: number, caseId: string, reference: string, legacyOrder: boolean): void {
  const id = `doc-${n}`;
  const versions = n % 3 === 0 ? 2 : 1;
  let content: Record<string, string> = {};
  for (let version = 1; version <= versions; version += 1) {
    content = {
      seenOrHeard: `Observert ${words(n, version)}.`,
      notes: n % 2 ? '' : 'Notat',
      assessment: words(n + 5, version + 1),
    };
    // Hashed as every stored version is: a snippet is only made of a version that matches its hash.
    const stored = canonicalJson(content);
    db.prepare(
      `INSERT INTO document_versions (document_id, version, status, content, content_hash, grading, author, created_at)
       VALUES (?, ?, 'draft', ?, ?, 'UGRADERT', 'fiktiv', ?)`,
    ).run([id, version, stored, createHash('sha256').update(stored).digest('hex'), AT]);
  }
  db.prepare(
    `INSERT INTO documents (id, case_id, kind, current_version, status, grading, created_at, updated_at)
     VALUES (?, ?, 'observation', ?, 'draft', 'UGRADERT', ?, ?)`,
  ).run([id, caseId, versions, AT, AT]);
  // Older versions indexed the strings in the order the form gave them; the canonical order is stored.
  const body = searchableText(legacyOrder ? content : JSON.parse(canonicalJson(content)));
  index(db, 'document', id, caseId, reference, body);
}

function index(db: Db, type: string, id: string, caseId: string, title: string, body: string): void {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_index (object_type, object_id, case_id, title, body) VALUES (?, ?, ?, ?, ?)')
    .run([type, id, caseId, title, body]);
  db.prepare('INSERT INTO search_keys (object_id, entry_rowid) VALUES (?, ?)').run([id, lastInsertRowid]);
}

function fill(db: Db): void {
  db.pragma('foreign_keys = OFF');
  for (let n = 0; n < 30; n += 1) {
    const caseId = `case-${n}`;
    const reference = `KOMPIS-${String(n).padStart(5, '0')}`;
    db.prepare(
      `INSERT INTO cases (id, reference, data, unit, status, grading, created_at, updated_at)
       VALUES (?, ?, '{}', 'Fiktivby fengsel', 'fengsel', 'UGRADERT', ?, ?)`,
    ).run([caseId, reference, AT, AT]);
    index(db, 'case', caseId, caseId, reference, `Ola Testmann ${n}\n${reference}\nFiktivby fengsel`);
    addDocument(db, 2 * n, caseId, reference, n % 4 === 0);
    addDocument(db, 2 * n + 1, caseId, reference, false);
  }
}

/** Search as the vault answered it at migration 15: FTS5's stored text, ranked by rank. */
function searchBefore(db: Db, text: string) {
  return db
    .prepare(
      `SELECT object_type AS objectType, object_id AS objectId, case_id AS caseId, title,
         snippet(search_index, 4, '[', ']', '…', 12) AS snippet
       FROM search_index WHERE search_index MATCH ? ORDER BY rank LIMIT 50`,
    )
    .all([ftsQuery(text)]);
}

const legacy = (objectId: string) => /^doc-(\d+)$/.test(objectId) && Number(objectId.slice(4)) % 8 === 0;
const count = (db: Db, sql: string) => db.prepare(sql, { pluck: true }).get() as number;

describe('migration 0016 (contentless search index) on a vault with data', () => {
  it('keeps every hit, its order and snippet, and stores no copy of the entries text', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, COMPACT - 1) });
    await session.create('NO', PASSPHRASE);
    const db = session.current().db;
    fill(db);
    const before = QUERIES.map((query) => searchBefore(db, query) as { objectId: string; snippet: string }[]);
    expect(before.filter((hits) => hits.length > 5).length).toBeGreaterThanOrEqual(5);
    expect(count(db, "SELECT count(*) FROM search_index_content WHERE c4 LIKE '%luftegården%'")).toBeGreaterThan(0);

    expect(migrate(db, all.slice(0, COMPACT))).toEqual({ from: COMPACT - 1, to: COMPACT });

    QUERIES.forEach((query, i) => {
      const after = search(db, query, { limit: 50 });
      const was = before[i] ?? [];
      expect(
        after.map((hit) => hit.objectId),
        query,
      ).toEqual(was.map((hit) => hit.objectId));
      // Entries indexed from the stored order show the same snippet; legacy-order ones the same hit.
      after.forEach((hit, n) => {
        if (!legacy(hit.objectId)) expect(hit, query).toEqual(was[n]);
      });
    });
    const stored = db.prepare('SELECT * FROM search_index_content').all() as Record<string, unknown>[];
    expect(stored).toHaveLength(90);
    expect(stored.some((row) => Object.values(row).some((v) => String(v).includes('luftegården')))).toBe(false);

    indexObject(db, {
      objectType: 'case',
      objectId: 'case-x',
      caseId: 'case-x',
      title: 'KOMPIS-99999',
      body: 'Per Oppdiktet',
    });
    expect(search(db, 'Oppdiktet')).toEqual([
      { objectType: 'case', objectId: 'case-x', caseId: 'case-x', title: 'KOMPIS-99999', snippet: 'Per [Oppdiktet]' },
    ]);
    unindexObject(db, 'case-x');
    expect(search(db, 'Oppdiktet')).toEqual([]);
    for (const id of ['case-1', 'doc-2', 'doc-3']) unindexObject(db, id);
    expect(search(db, 'KOMPIS 00001')).toEqual([]);
    expect(search(db, 'KOMPIS', { limit: 100 })).toHaveLength(87);
    expect(count(db, 'SELECT count(*) FROM search_index')).toBe(87);
    session.lock();
  });
});
