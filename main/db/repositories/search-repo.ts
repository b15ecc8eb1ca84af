import type { Db } from '../connection';
import { ftsQuery } from './search-text';

export type SearchObjectType = 'case' | 'document';

export function indexObject(
  db: Db,
  entry: { objectType: SearchObjectType; objectId: string; caseId: string | null; title: string; body: string },
): void {
  unindexObject(db, entry.objectId);
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_index (object_type, object_id, case_id, title, body) VALUES (?, ?, ?, ?, ?)')
    .run([entry.objectType, entry.objectId, entry.caseId, entry.title, entry.body]);
  db.prepare('INSERT INTO search_keys (object_id, entry_rowid) VALUES (?, ?)').run([entry.objectId, lastInsertRowid]);
}

/** Removes an object's index row by its rowid (search_keys), never by scanning the index. */
export function unindexObject(db: Db, objectId: string): void {
  const rowid = db.prepare('SELECT entry_rowid FROM search_keys WHERE object_id = ?', { pluck: true }).get([objectId]);
  if (rowid === undefined) return;
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run([rowid]);
  db.prepare('DELETE FROM search_keys WHERE object_id = ?').run([objectId]);
}

export interface SearchHit {
  objectType: SearchObjectType;
  objectId: string;
  caseId: string | null;
  title: string;
  snippet: string;
}

export function search(db: Db, text: string, options: { caseId?: string; limit?: number } = {}): SearchHit[] {
  const query = ftsQuery(text);
  if (!query) return [];
  const rows = db
    .prepare(
      `SELECT object_type, object_id, case_id, title, snippet(search_index, 4, '[', ']', '…', 12) AS snippet
       FROM search_index WHERE search_index MATCH ? AND (? IS NULL OR case_id = ?)
       ORDER BY rank LIMIT ?`,
    )
    .all([query, options.caseId ?? null, options.caseId ?? null, options.limit ?? 50]) as {
    object_type: SearchObjectType;
    object_id: string;
    case_id: string | null;
    title: string;
    snippet: string;
  }[];
  return rows.map((row) => ({
    objectType: row.object_type,
    objectId: row.object_id,
    caseId: row.case_id,
    title: row.title,
    snippet: row.snippet,
  }));
}
