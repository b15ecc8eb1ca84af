import type { Db } from '../connection';
import { referenceTaken } from './cases-repo';
import { candidatePattern, referenceKey, referencesIn } from './reference-key';
import { MENTOR_COURSE_SPANS, TRANSFERRED_ON } from './retention-repo';
import { unindexObject, unindexRow } from './search-repo';

/** The case a purge is about: the live case with the reference, else the last deleted one. */
export interface PurgeCaseRow {
  id: string;
  reference: string;
  status: string;
  expectedRelease: string | null;
  updatedAt: string;
  deletedAt: string | null;
  /** The day the case was marked released in Bro, when it was (case data; read as unknown). */
  closedOn: unknown;
  /** The references it carried before (case data, JSON text; read as unknown). */
  formerReferences: unknown;
  /** Its mentor courses as retention reads them (retention-repo.ts MENTOR_COURSE_SPANS). */
  mentorCourses: unknown;
  /** The planned day of a transfer out whose package was made (retention-repo.ts TRANSFERRED_ON). */
  transferredOn: unknown;
}

const CASE_COLUMNS = `c.id, c.reference, c.status, c.expected_release AS expectedRelease, c.updated_at AS updatedAt,
  c.deleted_at AS deletedAt, c.data ->> '$.closedOn' AS closedOn, c.data -> '$.formerReferences' AS formerReferences,
  ${MENTOR_COURSE_SPANS} AS mentorCourses, ${TRANSFERRED_ON} AS transferredOn`;

/**
 * Every case with the reference, in any letter case or Unicode form as cases are matched
 * (reference-key.ts): the live one first, then the deleted ones, newest deletion first (a deleted case's
 * reference may be taken again).
 */
export function casesForPurge(db: Db, reference: string): PurgeCaseRow[] {
  const key = referenceKey(reference);
  const rows = db
    .prepare(
      `SELECT ${CASE_COLUMNS} FROM cases c WHERE c.reference LIKE ?
       ORDER BY c.deleted_at IS NOT NULL, c.deleted_at DESC, c.id`,
    )
    .all([candidatePattern(reference)]) as unknown as PurgeCaseRow[];
  return rows.filter((row) => referenceKey(row.reference) === key);
}

export function caseForPurgeById(db: Db, id: string): PurgeCaseRow | null {
  return (
    (db.prepare(`SELECT ${CASE_COLUMNS} FROM cases c WHERE c.id = ?`).get([id]) as PurgeCaseRow | undefined) ?? null
  );
}

/** Everything a purge of one case removes, by id (deleted documents included). */
export interface PurgeInventory {
  caseId: string;
  reference: string;
  documents: { id: string; kind: string }[];
  versions: number;
  distributionIds: string[];
  exportLogIds: string[];
  receivedIds: string[];
  mentorRecordIds: string[];
  searchEntries: number;
  /**
   * Rows that go with the case row itself (ON DELETE CASCADE), named so the confirmation counts them and
   * the audit log records each id, as it recorded their making (audit 9).
   */
  handoverReceiptIds: string[];
  handoverPackageIds: string[];
  transfers: number;
  innsynCopyIds: string[];
}

const ids = (db: Db, sql: string, params: string[]): string[] =>
  db.prepare(sql, { pluck: true }).all(params) as string[];

/**
 * The received documents (signed exports kept at KDI or the region, NO pkt 6, 11) about the person: those
 * filed under the case's reference or one it carried before, in any letter case or Unicode form, as
 * cases are matched (reference-key.ts). A reference another live case carries now is that case's
 * person's: its documents stay with it.
 */
function receivedOf(db: Db, target: { id: string; reference: string; formerReferences?: unknown }): string[] {
  const references = [target.reference, ...referencesIn(target.formerReferences)];
  const keys = new Set(references.map(referenceKey));
  const candidates = db
    .prepare(
      `SELECT r.id, r.case_reference AS reference FROM received_documents r
       WHERE EXISTS (SELECT 1 FROM json_each(?) p WHERE r.case_reference LIKE p.value)
       ORDER BY r.id`,
    )
    .all([JSON.stringify(references.map(candidatePattern))]) as { id: string; reference: string }[];
  return candidates
    .filter(({ reference }) => keys.has(referenceKey(reference)) && !referenceTaken(db, reference, target.id))
    .map(({ id }) => id);
}

export function purgeInventory(
  db: Db,
  target: { id: string; reference: string; formerReferences?: unknown },
): PurgeInventory {
  const caseId = target.id;
  const docs = `SELECT id FROM documents WHERE case_id = ?`;
  const documents = db
    .prepare('SELECT id, kind FROM documents WHERE case_id = ? ORDER BY created_at, id')
    .all([caseId]) as { id: string; kind: string }[];
  const versions = db
    .prepare(`SELECT count(*) FROM document_versions WHERE document_id IN (${docs})`, { pluck: true })
    .get([caseId]) as number;
  const searchEntries = db
    .prepare(
      `SELECT count(*) FROM search_index WHERE case_id = ? OR object_id = ?
         OR rowid IN (SELECT entry_rowid FROM search_keys WHERE object_id IN (${docs}))`,
      { pluck: true },
    )
    .get([caseId, caseId, caseId]) as number;
  return {
    caseId,
    reference: target.reference,
    documents,
    versions,
    distributionIds: ids(db, `SELECT id FROM distributions WHERE document_id IN (${docs}) ORDER BY id`, [caseId]),
    exportLogIds: ids(db, `SELECT id FROM export_log WHERE document_id IN (${docs}) ORDER BY id`, [caseId]),
    receivedIds: receivedOf(db, target),
    mentorRecordIds: ids(db, `SELECT id FROM mentor_conversations WHERE course_id IN (${docs}) ORDER BY id`, [caseId]),
    searchEntries,
    handoverReceiptIds: ids(db, 'SELECT id FROM handover_receipts WHERE case_id = ? ORDER BY id', [caseId]),
    handoverPackageIds: ids(db, 'SELECT id FROM handover_packages WHERE case_id = ? ORDER BY id', [caseId]),
    transfers: count(db, 'SELECT count(*) FROM case_transfers WHERE case_id = ?', caseId),
    innsynCopyIds: ids(db, 'SELECT id FROM innsyn_copies WHERE case_id = ? ORDER BY id', [caseId]),
  };
}

const count = (db: Db, sql: string, caseId: string): number => db.prepare(sql, { pluck: true }).get([caseId]) as number;

/**
 * Deletes every row of the inventory in one transaction, children first (the foreign keys hold),
 * then merges the full-text index so no segment keeps a deleted term.
 */
export function deletePurged(db: Db, inventory: PurgeInventory): void {
  const docs = `SELECT id FROM documents WHERE case_id = ?`;
  const caseId = inventory.caseId;
  db.transaction(() => {
    for (const doc of inventory.documents) unindexObject(db, doc.id);
    unindexObject(db, caseId);
    const left = db.prepare('SELECT rowid FROM search_index WHERE case_id = ? OR object_id = ?', { pluck: true });
    for (const rowid of left.all([caseId, caseId])) unindexRow(db, Number(rowid));
    db.prepare(`DELETE FROM export_log WHERE document_id IN (${docs})`).run([caseId]);
    db.prepare(`DELETE FROM distributions WHERE document_id IN (${docs})`).run([caseId]);
    db.prepare(`DELETE FROM mentor_conversations WHERE course_id IN (${docs})`).run([caseId]);
    db.prepare(`DELETE FROM document_versions WHERE document_id IN (${docs})`).run([caseId]);
    db.prepare('DELETE FROM documents WHERE case_id = ?').run([caseId]);
    db.prepare('DELETE FROM received_documents WHERE id IN (SELECT value FROM json_each(?))').run([
      JSON.stringify(inventory.receivedIds),
    ]);
    db.prepare('DELETE FROM cases WHERE id = ?').run([caseId]);
    db.prepare("INSERT INTO search_index (search_index) VALUES ('optimize')").run();
  })();
}

/**
 * Overwrites what the deletions freed: secure_delete zeroes freed content, VACUUM rebuilds the file
 * without the free pages, and a TRUNCATE checkpoint empties the write-ahead log. Outside any transaction.
 */
export function overwriteFreedPages(db: Db): boolean {
  db.pragma('secure_delete = ON');
  db.exec('VACUUM');
  return logEmptied(db);
}

/**
 * Copies the write-ahead log into the file and empties it; false when another connection's read (which
 * still sees the old pages) kept it from finishing, within the connection's busy timeout. Until then the
 * log and the file keep pages as they were before the last writes.
 */
export function logEmptied(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  return result?.busy === 0;
}

/** Turns secure_delete on for the connection before a purge's deletions. */
export function secureDeleteOn(db: Db): void {
  db.pragma('secure_delete = ON');
}
