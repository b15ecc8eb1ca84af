import type { Db } from '../connection';
import { unindexObject } from './search-repo';

/**
 * Deleted vault records (mentors, contact register entries: documents without a case) and their
 * purge. Deleting keeps a record and every version of it in the file; the purge removes them for good.
 */

export type DeletedRecordRow = {
  id: string;
  deletedAt: string;
  reason: string | null;
  /** The name in its current version (unchecked). */
  name: unknown;
};

const DELETED = `SELECT d.id, d.deleted_at AS deletedAt, d.delete_reason AS reason, v.content ->> '$.name' AS name
  FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
  WHERE d.case_id IS NULL AND d.kind = ? AND d.deleted_at IS NOT NULL`;

/** Deleted records of one kind, newest deletion first. */
export function deletedRecords(db: Db, kind: string): DeletedRecordRow[] {
  return db.prepare(`${DELETED} ORDER BY d.deleted_at DESC, d.id`).all([kind]) as DeletedRecordRow[];
}

export function deletedRecord(db: Db, kind: string, id: string): DeletedRecordRow | null {
  return (db.prepare(`${DELETED} AND d.id = ?`).get([kind, id]) as DeletedRecordRow | undefined) ?? null;
}

/** Whether the record is there and live (a live record is deleted, with its reason, before it is purged). */
export function isLiveRecord(db: Db, kind: string, id: string): boolean {
  return (
    db
      .prepare('SELECT 1 FROM documents WHERE id = ? AND kind = ? AND case_id IS NULL AND deleted_at IS NULL')
      .get([id, kind]) !== undefined
  );
}

/**
 * Live documents whose current version names the record's id: a mentor's courses and visit routines
 * name the mentor by id, and would lose the record they rely on.
 */
export function liveDocumentsNaming(db: Db, id: string): number {
  return db
    .prepare(
      `SELECT count(*) FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       WHERE d.deleted_at IS NULL AND d.id <> ? AND instr(v.content, ?) > 0`,
      { pluck: true },
    )
    .get([id, id]) as number;
}

/** Removes the record, every version of it, its log rows and its search entry, in one transaction. */
export function deleteRecordRows(db: Db, id: string): void {
  db.transaction(() => {
    unindexObject(db, id);
    db.prepare('DELETE FROM export_log WHERE document_id = ?').run([id]);
    db.prepare('DELETE FROM distributions WHERE document_id = ?').run([id]);
    db.prepare('DELETE FROM document_versions WHERE document_id = ?').run([id]);
    db.prepare('DELETE FROM documents WHERE id = ?').run([id]);
    db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
  })();
}
