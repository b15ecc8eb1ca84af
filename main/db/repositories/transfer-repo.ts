import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';
import { inCase, type CaseScope } from './case-filter';

/** A case's transfer as stored: the details as JSON, the planned date as a column for the due list. */
export interface TransferRecord {
  caseId: string;
  data: unknown;
  plannedDate: string;
  createdAt: string;
  updatedAt: string;
}

type TransferRow = { case_id: string; data: string; planned_date: string; created_at: string; updated_at: string };

const toTransfer = (row: TransferRow): TransferRecord => ({
  caseId: row.case_id,
  data: JSON.parse(row.data) as unknown,
  plannedDate: row.planned_date,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function getTransfer(db: Db, caseId: string): TransferRecord | null {
  const row = db.prepare('SELECT * FROM case_transfers WHERE case_id = ?').get([caseId]) as TransferRow | undefined;
  return row ? toTransfer(row) : null;
}

/**
 * Creates or replaces the case's one transfer; the creation time is kept. An update, else an insert,
 * not an upsert: inside an upsert the due-list trigger's `INSERT OR IGNORE` takes the upsert's own
 * conflict handling, so a case already marked as changed failed every edit of its transfer.
 */
export function saveTransfer(db: Db, input: { caseId: string; data: unknown; plannedDate: string; at: string }) {
  const data = JSON.stringify(input.data);
  const { changes } = db
    .prepare('UPDATE case_transfers SET data = ?, planned_date = ?, updated_at = ? WHERE case_id = ?')
    .run([data, input.plannedDate, input.at, input.caseId]);
  if (changes === 0)
    db.prepare(
      'INSERT INTO case_transfers (case_id, data, planned_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    ).run([input.caseId, data, input.plannedDate, input.at, input.at]);
  return getTransfer(db, input.caseId) as TransferRecord;
}

/** Removes the case's transfer; false when it had none. Its handover packages stay. */
export function deleteTransfer(db: Db, caseId: string): boolean {
  return db.prepare('DELETE FROM case_transfers WHERE case_id = ?').run([caseId]).changes > 0;
}

/**
 * Transfers of live cases (or of one case), with the case reference and the day of the last package
 * made for the transfer as it stands: since it was recorded, and for its receiving unit (a package for
 * the unit it was first going to does not inform the one it goes to now, NO pkt 8).
 * Transfers first (CROSS JOIN fixes the order): without statistics SQLite would walk every case row to
 * find the few that have one, the slowest read of the first due list after unlock.
 */
export function transfersForDueList(
  db: Db,
  scope: CaseScope,
): { caseId: string; caseReference: string; data: unknown; packageSentOn: string | null }[] {
  const only = inCase(scope, 't.case_id');
  const rows = db
    .prepare(
      `SELECT t.case_id, c.reference, t.data,
         (SELECT max(p.sent_on) FROM handover_packages p WHERE p.case_id = t.case_id AND p.created_at >= t.created_at
           AND p.manifest ->> '$.receivingUnit' = t.data ->> '$.receivingUnit') AS package_sent_on
       FROM case_transfers t CROSS JOIN cases c INDEXED BY cases_due ON c.id = t.case_id
       WHERE c.deleted_at IS NULL AND ${only.sql}`,
    )
    .all(only.params) as { case_id: string; reference: string; data: string; package_sent_on: string | null }[];
  return rows.map((row) => ({
    caseId: row.case_id,
    caseReference: row.reference,
    data: JSON.parse(row.data) as unknown,
    packageSentOn: row.package_sent_on,
  }));
}

export interface HandoverPackageRecord {
  id: string;
  caseId: string;
  fileSha256: string;
  grading: string;
  manifest: unknown;
  sentOn: string;
  createdAt: string;
}

export function insertHandoverPackage(db: Db, input: Omit<HandoverPackageRecord, 'id'>): HandoverPackageRecord {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO handover_packages (id, case_id, file_sha256, grading, manifest, sent_on, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    id,
    input.caseId,
    input.fileSha256,
    input.grading,
    JSON.stringify(input.manifest),
    input.sentOn,
    input.createdAt,
  ]);
  return { id, ...input };
}

export function listHandoverPackages(db: Db, caseId: string): HandoverPackageRecord[] {
  const rows = db
    .prepare('SELECT * FROM handover_packages WHERE case_id = ? ORDER BY created_at, id')
    .all([caseId]) as {
    id: string;
    case_id: string;
    file_sha256: string;
    grading: string;
    manifest: string;
    sent_on: string;
    created_at: string;
  }[];
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    fileSha256: row.file_sha256,
    grading: row.grading,
    manifest: JSON.parse(row.manifest) as unknown,
    sentOn: row.sent_on,
    createdAt: row.created_at,
  }));
}

export interface HandoverReceiptInput {
  caseId: string;
  merged: boolean;
  sendingUnit: string;
  source: string;
  signerSubject: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  report: unknown;
  manifest: unknown;
  container: Uint8Array;
  containerSha256: string;
  /** The SHA-256 of the signed data files (see `signedContentSha256`): the same package re-zipped has it too. */
  contentSha256: string;
  receivedAt: string;
}

/** A receipt of the same container bytes, or of the same signed content re-zipped. */
export function handoverReceiptBySha256(db: Db, containerSha256: string, contentSha256: string): string | null {
  const id = db
    .prepare('SELECT id FROM handover_receipts WHERE container_sha256 = ? OR content_sha256 = ? LIMIT 1', {
      pluck: true,
    })
    .get([containerSha256, contentSha256]);
  return typeof id === 'string' ? id : null;
}

export function insertHandoverReceipt(db: Db, input: HandoverReceiptInput): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO handover_receipts (id, case_id, merged, sending_unit, source, signer_subject, signer_fingerprint,
       signer_trusted, report, manifest, container, container_sha256, content_sha256, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    id,
    input.caseId,
    input.merged ? 1 : 0,
    input.sendingUnit,
    input.source,
    input.signerSubject,
    input.signerFingerprint,
    input.signerTrusted ? 1 : 0,
    JSON.stringify(input.report),
    JSON.stringify(input.manifest),
    Buffer.from(input.container),
    input.containerSha256,
    input.contentSha256,
    input.receivedAt,
  ]);
  return id;
}

export function markReceivedDocument(
  db: Db,
  input: { documentId: string; receiptId: string; senderDocumentId: string; senderVersion: number },
): void {
  db.prepare(
    `INSERT INTO handover_received_documents (document_id, receipt_id, sender_document_id, sender_version)
     VALUES (?, ?, ?, ?)`,
  ).run([input.documentId, input.receiptId, input.senderDocumentId, input.senderVersion]);
}

/**
 * The sender document versions the case already received (`senderDocumentId:senderVersion`), for
 * live documents: a package carrying one again adds nothing for it.
 */
export function receivedVersionsOfCase(db: Db, caseId: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT d.sender_document_id AS senderDocumentId, d.sender_version AS senderVersion
       FROM handover_received_documents d JOIN handover_receipts r ON r.id = d.receipt_id
         JOIN documents doc ON doc.id = d.document_id
       WHERE r.case_id = ? AND doc.deleted_at IS NULL`,
    )
    .all([caseId]) as { senderDocumentId: string; senderVersion: number }[];
  return new Set(rows.map((row) => receivedVersionKey(row.senderDocumentId, row.senderVersion)));
}

export const receivedVersionKey = (senderDocumentId: string, senderVersion: number): string =>
  `${senderDocumentId}:${senderVersion}`;

/** Where the case's received documents came from: per document, the unit, the signer and the sender's ids. */
export function receivedDocumentsOfCase(db: Db, caseId: string) {
  return db
    .prepare(
      `SELECT d.document_id AS documentId, d.sender_document_id AS senderDocumentId, d.sender_version AS senderVersion,
         r.id AS receiptId, r.sending_unit AS sendingUnit, r.source, r.signer_subject AS signerSubject,
         r.signer_fingerprint AS signerFingerprint, r.signer_trusted AS signerTrusted, r.received_at AS receivedAt
       FROM handover_received_documents d JOIN handover_receipts r ON r.id = d.receipt_id
       WHERE r.case_id = ? ORDER BY r.received_at, d.document_id`,
    )
    .all([caseId]) as {
    documentId: string;
    senderDocumentId: string;
    senderVersion: number;
    receiptId: string;
    sendingUnit: string;
    source: string;
    signerSubject: string;
    signerFingerprint: string;
    signerTrusted: number;
    receivedAt: string;
  }[];
}
