import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';

export type ExportLogFormat = 'print' | 'pdf' | 'asice';

/** One print or export of a document version, with the SHA-256 of the file that was handed out. */
export interface ExportLogRecord {
  id: string;
  documentId: string;
  version: number;
  format: ExportLogFormat;
  recipient: string | null;
  grading: string;
  draft: boolean;
  fileSha256: string;
  distributionId: string | null;
  exportedAt: string;
}

type Row = {
  id: string;
  document_id: string;
  version: number;
  format: ExportLogFormat;
  recipient: string | null;
  grading: string;
  draft: number;
  file_sha256: string;
  distribution_id: string | null;
  exported_at: string;
};

const toRecord = (row: Row): ExportLogRecord => ({
  id: row.id,
  documentId: row.document_id,
  version: row.version,
  format: row.format,
  recipient: row.recipient,
  grading: row.grading,
  draft: row.draft === 1,
  fileSha256: row.file_sha256,
  distributionId: row.distribution_id,
  exportedAt: row.exported_at,
});

export function insertExportLog(db: Db, input: Omit<ExportLogRecord, 'id'>): ExportLogRecord {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO export_log (id, document_id, version, format, recipient, grading, draft, file_sha256, distribution_id, exported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    id,
    input.documentId,
    input.version,
    input.format,
    input.recipient,
    input.grading,
    input.draft ? 1 : 0,
    input.fileSha256,
    input.distributionId,
    input.exportedAt,
  ]);
  return { id, ...input };
}

export function listExportLog(db: Db, documentId: string): ExportLogRecord[] {
  const rows = db
    .prepare('SELECT * FROM export_log WHERE document_id = ? ORDER BY exported_at, id')
    .all([documentId]) as Row[];
  return rows.map(toRecord);
}
