import type { Db } from '../connection';

/** An innsyn copy as stored: which versions went in, its grading and the SHA-256 of the file written. */
export interface InnsynCopyRecord {
  id: string;
  caseId: string;
  documents: { documentId: string; version: number }[];
  grading: string;
  fileSha256: string;
  createdBy: string;
  createdAt: string;
}

/** One removal as logged: where and why; the removed text is never stored. */
export interface RedactionLogRecord {
  seq: number;
  type: 'field' | 'passage' | 'term';
  documentId: string | null;
  version: number | null;
  location: string;
  locationLabel: string;
  occurrences: number;
  basis: string;
  citation: string;
}

export function insertInnsynCopy(db: Db, copy: InnsynCopyRecord, entries: readonly RedactionLogRecord[]): void {
  db.prepare(
    `INSERT INTO innsyn_copies (id, case_id, documents, grading, file_sha256, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    copy.id,
    copy.caseId,
    JSON.stringify(copy.documents),
    copy.grading,
    copy.fileSha256,
    copy.createdBy,
    copy.createdAt,
  ]);
  const insert = db.prepare(
    `INSERT INTO redaction_log (copy_id, seq, type, document_id, document_version, location, location_label,
       occurrences, basis, citation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const e of entries)
    insert.run([
      copy.id,
      e.seq,
      e.type,
      e.documentId,
      e.version,
      e.location,
      e.locationLabel,
      e.occurrences,
      e.basis,
      e.citation,
    ]);
}

type CopyRow = {
  id: string;
  case_id: string;
  documents: string;
  grading: string;
  file_sha256: string;
  created_by: string;
  created_at: string;
};
type EntryRow = {
  seq: number;
  type: RedactionLogRecord['type'];
  document_id: string | null;
  document_version: number | null;
  location: string;
  location_label: string;
  occurrences: number;
  basis: string;
  citation: string;
};

/** The case's innsyn copies, newest first, each with its redaction log in order. */
export function listInnsynCopies(db: Db, caseId: string): (InnsynCopyRecord & { entries: RedactionLogRecord[] })[] {
  const copies = db
    .prepare('SELECT * FROM innsyn_copies WHERE case_id = ? ORDER BY created_at DESC, id')
    .all([caseId]) as CopyRow[];
  const entries = db.prepare('SELECT * FROM redaction_log WHERE copy_id = ? ORDER BY seq');
  return copies.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    documents: JSON.parse(row.documents) as InnsynCopyRecord['documents'],
    grading: row.grading,
    fileSha256: row.file_sha256,
    createdBy: row.created_by,
    createdAt: row.created_at,
    entries: (entries.all([row.id]) as EntryRow[]).map((e) => ({
      seq: e.seq,
      type: e.type,
      documentId: e.document_id,
      version: e.document_version,
      location: e.location,
      locationLabel: e.location_label,
      occurrences: e.occurrences,
      basis: e.basis,
      citation: e.citation,
    })),
  }));
}
