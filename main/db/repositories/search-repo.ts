import { createHash } from 'node:crypto';
import { openInMemory, type Db } from '../connection';
import { ftsQuery, searchableText } from './search-text';

export type SearchObjectType = 'case' | 'document';

/** How the full-text index splits words: the same for the vault's index and for snippets. */
const TOKENIZE = 'unicode61 remove_diacritics 0';

/**
 * Indexes an object's words. The index is contentless (migration 0016): it keeps the words and sizes
 * bm25 ranks by, and the object's columns; a document's text is not copied, its `version` says where
 * it is (the strings of that version's stored content, in stored order); other entries keep their text.
 * An object indexed again keeps its row id: its sizes and columns are rewritten where they are and its
 * key stays, where a new row id wrote three more pages on every save (the end of two tables, and the key).
 */
export function indexObject(
  db: Db,
  entry: {
    objectType: SearchObjectType;
    objectId: string;
    caseId: string | null;
    title: string;
    body: string;
    version?: number;
  },
): void {
  // The row its key names, if it is this object's: a key an insider pointed at another object's row
  // leaves that row alone, and this object gets a row of its own.
  const key = keyOf(db, entry.objectId);
  const own = key === undefined ? undefined : storedEntry(db, key);
  const kept = own?.object_id === entry.objectId ? own : undefined;
  if (kept) forgetWords(db, kept);
  const version = entry.objectType === 'document' ? (entry.version ?? null) : null;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO search_index (rowid, object_type, object_id, case_id, title, body, label, text, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run([
      kept?.id ?? null,
      entry.objectType,
      entry.objectId,
      entry.caseId,
      entry.title,
      entry.body,
      entry.title,
      version === null ? entry.body : null,
      version,
    ]);
  if (!kept)
    db.prepare(
      `INSERT INTO search_keys (object_id, entry_rowid) VALUES (?, ?)
       ON CONFLICT (object_id) DO UPDATE SET entry_rowid = excluded.entry_rowid`,
    ).run([entry.objectId, lastInsertRowid]);
}

/**
 * Indexes a document from one stored version: its content's strings in stored (canonical) order, as
 * the contentless index reads them back by version, under the case reference as its title.
 */
export function indexDocumentVersion(
  db: Db,
  entry: { documentId: string; caseId: string | null; title: string; content: string; version: number },
): void {
  indexObject(db, {
    objectType: 'document',
    objectId: entry.documentId,
    caseId: entry.caseId,
    title: entry.title,
    body: searchableText(JSON.parse(entry.content)),
    version: entry.version,
  });
}

function keyOf(db: Db, objectId: string): number | undefined {
  const rowid = db.prepare('SELECT entry_rowid FROM search_keys WHERE object_id = ?', { pluck: true }).get([objectId]);
  return rowid === undefined ? undefined : Number(rowid);
}

/** Removes an object's index row by its rowid (search_keys), never by scanning the index. */
export function unindexObject(db: Db, objectId: string): void {
  const rowid = keyOf(db, objectId);
  if (rowid !== undefined) unindexRow(db, rowid);
}

type StoredEntry = {
  id: number;
  object_type: SearchObjectType;
  object_id: string;
  case_id: string | null;
  title: string;
  text: string | null;
  version: number | null;
};

const STORED = 'rowid AS id, object_type, object_id, case_id, label AS title, text, version';

/**
 * An entry's text: kept with it, or the strings of the document version it was indexed from. `shown`:
 * for a snippet, a version whose content no longer matches its hash (edited outside Bro) gives none,
 * as it is not shown, printed or exported either; forgetting an entry's words reads it as stored.
 */
function entryText(db: Db, entry: StoredEntry, shown = false): string {
  if (entry.text !== null || entry.version === null) return entry.text ?? '';
  const row = db
    .prepare('SELECT content, content_hash AS hash FROM document_versions WHERE document_id = ? AND version = ?')
    .get([entry.object_id, entry.version]) as { content: unknown; hash: unknown } | undefined;
  if (typeof row?.content !== 'string') return '';
  if (shown && createHash('sha256').update(row.content).digest('hex') !== row.hash) return '';
  return searchableText(JSON.parse(row.content));
}

function storedEntry(db: Db, rowid: number): StoredEntry | undefined {
  return db.prepare(`SELECT ${STORED} FROM search_index WHERE rowid = ?`).get([rowid]) as StoredEntry | undefined;
}

/**
 * Removes a row's words and columns: a contentless FTS5 table forgets a row when told the words it was
 * indexed with, which keeps its row count and sizes (and so bm25) exact.
 */
function forgetWords(db: Db, entry: StoredEntry): void {
  db.prepare("INSERT INTO search_index (search_index, rowid, title, body) VALUES ('delete', ?, ?, ?)").run([
    entry.id,
    entry.title,
    entryText(db, entry),
  ]);
}

/** Removes one index row, and its key with it. */
export function unindexRow(db: Db, rowid: number): void {
  const entry = storedEntry(db, rowid);
  if (!entry) return;
  forgetWords(db, entry);
  db.prepare('DELETE FROM search_keys WHERE object_id = ? AND entry_rowid = ?').run([entry.object_id, rowid]);
}

export interface SearchHit {
  objectType: SearchObjectType;
  objectId: string;
  caseId: string | null;
  title: string;
  snippet: string;
}

type EntryRow = {
  id: number;
  object_type: SearchObjectType;
  object_id: string;
  case_id: string | null;
  title: string;
  body: string;
};

/**
 * The best `limit` hits, best first: FTS5's bm25 (the table's default rank) with ties in index
 * order, as `ORDER BY rank` gives them. Ordering by bm25() directly lets SQLite keep only the best
 * `limit` while it scores, where `ORDER BY rank` sorts every match first. Exported for the bench,
 * which times this step alone (`query` is an FTS5 query, see ftsQuery).
 */
export function bestEntries(db: Db, query: string, caseId: string | null, limit: number): number[] {
  return db
    .prepare(
      `SELECT rowid FROM search_index WHERE search_index MATCH ? AND (? IS NULL OR case_id = ?)
       ORDER BY bm25(search_index), rowid LIMIT ?`,
      { pluck: true },
    )
    .all([query, caseId, caseId, limit]) as number[];
}

/** The hits' stored columns and their text (see entryText). */
function entries(db: Db, ids: readonly number[]): EntryRow[] {
  const rows = db
    .prepare(`SELECT ${STORED} FROM search_index WHERE rowid IN (SELECT value FROM json_each(?))`)
    .all([JSON.stringify(ids)]) as StoredEntry[];
  return rows.map((row) => ({ ...row, body: entryText(db, row, true) }));
}

let snippetDb: Db | null = null;

/**
 * A private in-memory FTS5 table with the vault index's columns and tokenizer: FTS5's snippet()
 * depends only on one entry's own text and the query, so the hits' snippets are made here, for the
 * hits alone, instead of for every match the ranking reads. Nothing of it reaches a file.
 */
function snippets(query: string, rows: readonly EntryRow[]): Map<number, string> {
  if (!snippetDb) {
    snippetDb = openInMemory();
    snippetDb.exec(`CREATE VIRTUAL TABLE hits USING fts5 (title, body, tokenize = "${TOKENIZE}")`);
  }
  const db = snippetDb;
  db.exec('BEGIN');
  try {
    const insert = db.prepare('INSERT INTO hits (rowid, title, body) VALUES (?, ?, ?)');
    for (const row of rows) insert.run([row.id, row.title, row.body]);
    const made = db
      .prepare(`SELECT rowid AS id, snippet(hits, 1, '[', ']', '…', 12) AS snippet FROM hits WHERE hits MATCH ?`)
      .all([query]) as { id: number; snippet: string }[];
    return new Map(made.map((row) => [row.id, row.snippet]));
  } finally {
    db.exec('DELETE FROM hits');
    db.exec('COMMIT');
  }
}

export function search(db: Db, text: string, options: { caseId?: string; limit?: number } = {}): SearchHit[] {
  const query = ftsQuery(text);
  if (!query) return [];
  const ids = bestEntries(db, query, options.caseId ?? null, options.limit ?? 50);
  if (ids.length === 0) return [];
  const rows = new Map(entries(db, ids).map((row) => [row.id, row]));
  const made = snippets(query, [...rows.values()]);
  return ids.flatMap((id) => {
    const row = rows.get(id);
    if (!row) return [];
    return [
      {
        objectType: row.object_type,
        objectId: row.object_id,
        caseId: row.case_id,
        title: row.title,
        snippet: made.get(id) ?? '',
      },
    ];
  });
}
