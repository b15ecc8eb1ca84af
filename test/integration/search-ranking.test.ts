// Search answers from the best hits only (issue 15 item 3): the ranking orders by bm25() so SQLite
// keeps the best `limit` while it scores, and snippets are made for those hits alone; the index keeps
// no copy of the entries' text (migration 0016). Proven here against the search it replaced: the same
// entries in an FTS5 table that stores its text, queried as before (ORDER BY rank with snippet() on
// every row), over a demo vault and the benchmark's query sorts: the same hits, order and snippets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQueries } from '../../bench/search';
import type { Db } from '../../main/db/connection';
import { search } from '../../main/db/repositories/search-repo';
import { ftsQuery, searchableText } from '../../main/db/repositories/search-text';
import { generateDemo } from '../../main/demo/generate-demo';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-search-ranking-');
let session: VaultSession;
let db: Db;

beforeAll(async () => {
  session = new VaultSession({ dir: dirs.make(), kdfCost: { logN: 10, r: 8, p: 1 } });
  await session.create('NO', PASSPHRASE);
  db = session.current().db;
  generateDemo(db, { profile: 'NO', today: '2026-03-15', cases: 120 });
  storedTextIndex(db);
});

/**
 * The index as it was before migration 0016, in this connection's temp schema: the same rowids and
 * columns, with the text stored (a case's as its entry keeps it, a document's from its current version).
 */
function storedTextIndex(db: Db): void {
  db.exec(`CREATE VIRTUAL TABLE temp.stored_index USING fts5 (object_type UNINDEXED, object_id UNINDEXED,
    case_id UNINDEXED, title, body, tokenize = "unicode61 remove_diacritics 0")`);
  const rows = db
    .prepare(
      `SELECT s.rowid AS id, s.object_type, s.object_id, s.case_id, s.label, s.text, v.content FROM search_index s
       LEFT JOIN documents d ON d.id = s.object_id
       LEFT JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version`,
    )
    .all() as {
    id: number;
    object_type: string;
    object_id: string;
    case_id: string | null;
    label: string;
    text: string | null;
    content: string | null;
  }[];
  const insert = db.prepare(
    'INSERT INTO temp.stored_index (rowid, object_type, object_id, case_id, title, body) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const row of rows) {
    const body = row.text ?? searchableText(JSON.parse(String(row.content)));
    insert.run([row.id, row.object_type, row.object_id, row.case_id, row.label, body]);
  }
}
afterAll(() => {
  session.lock();
  dirs.cleanup();
});

/** The search as it was before issue 15: FTS5 sorts every match by rank, snippet() in the same query. */
function previousSearch(text: string, caseId: string | null, limit: number) {
  const query = ftsQuery(text);
  if (!query) return [];
  const rows = db
    .prepare(
      `SELECT object_type, object_id, case_id, title, snippet(stored_index, 4, '[', ']', '…', 12) AS snippet
       FROM temp.stored_index WHERE stored_index MATCH ? AND (? IS NULL OR case_id = ?)
       ORDER BY rank LIMIT ?`,
    )
    .all([query, caseId, caseId, limit]) as Record<string, string | null>[];
  return rows.map((row) => ({
    objectType: row.object_type,
    objectId: row.object_id,
    caseId: row.case_id,
    title: row.title,
    snippet: row.snippet,
  }));
}

const QUERIES = [...new Set([...benchQueries(), 'Ole', 'bek', 'plan', 'KOMPIS DEMO', 'e'])];

describe('search ranking and snippets', () => {
  it('gives the same hits, order and snippets as ranking every match did, for every query sort', () => {
    let compared = 0;
    for (const text of QUERIES) {
      for (const limit of [50, 7]) {
        const now = search(db, text, { limit });
        expect(now, `${text} (limit ${limit})`).toEqual(previousSearch(text, null, limit));
        compared += now.length;
      }
    }
    // The comparison covers real results: many hits, with ties (the commonest word is in every title).
    expect(compared).toBeGreaterThan(2000);
    expect(search(db, 'KOMPIS', { limit: 50 })).toHaveLength(50);
  });

  it('keeps the order and snippets within one case', () => {
    const caseIds = db.prepare('SELECT id FROM cases ORDER BY reference LIMIT 5', { pluck: true }).all() as string[];
    for (const caseId of caseIds) {
      for (const text of ['KOMPIS', 'samtale', 'oppfølg', 'plan']) {
        const now = search(db, text, { caseId, limit: 50 });
        expect(now.every((hit) => hit.caseId === caseId)).toBe(true);
        expect(now).toEqual(previousSearch(text, caseId, 50));
      }
    }
  });

  it('marks the matched words in the snippet and returns nothing for words no entry holds', () => {
    const hits = search(db, 'oppfølg', { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.snippet.length + hit.title.length).toBeGreaterThan(0);
    expect(hits.some((hit) => /\[oppfølg/i.test(hit.snippet))).toBe(true);
    expect(search(db, 'Kvarxlund')).toEqual([]);
    expect(search(db, '  ')).toEqual([]);
  });
});
