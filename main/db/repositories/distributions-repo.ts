import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';

export interface DistributionRecord {
  id: string;
  documentId: string;
  version: number;
  recipient: string;
  sentOn: string;
  format: string;
  fileSha256: string | null;
  recordedAt: string;
}

type Row = {
  id: string;
  document_id: string;
  version: number;
  recipient: string;
  sent_on: string;
  format: string;
  file_sha256: string | null;
  recorded_at: string;
};
const toRecord = (row: Row): DistributionRecord => ({
  id: row.id,
  documentId: row.document_id,
  version: row.version,
  recipient: row.recipient,
  sentOn: row.sent_on,
  format: row.format,
  fileSha256: row.file_sha256,
  recordedAt: row.recorded_at,
});

export function recordDistribution(db: Db, input: Omit<DistributionRecord, 'id'>): DistributionRecord {
  const id = randomUUID();
  db.prepare(
    'INSERT INTO distributions (id, document_id, version, recipient, sent_on, format, file_sha256, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run([
    id,
    input.documentId,
    input.version,
    input.recipient,
    input.sentOn,
    input.format,
    input.fileSha256,
    input.recordedAt,
  ]);
  return { id, ...input };
}

export function listDistributions(db: Db, documentId: string): DistributionRecord[] {
  const rows = db
    .prepare('SELECT * FROM distributions WHERE document_id = ? ORDER BY sent_on, recorded_at')
    .all([documentId]) as Row[];
  return rows.map(toRecord);
}

/** The highest version of the document that went to this recipient, or null if none did. */
export function lastVersionSentTo(db: Db, documentId: string, recipient: string): number | null {
  const value = db
    .prepare('SELECT max(version) FROM distributions WHERE document_id = ? AND recipient = ?', { pluck: true })
    .get([documentId, recipient]);
  return typeof value === 'number' ? value : null;
}
