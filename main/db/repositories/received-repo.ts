import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';
import { heldReferences, type HeldReferences } from './cases-repo';
import { referenceKey } from './reference-key';

/** A document received in a verified signed container (KDI's side, or a unit receiving a transfer). */
export interface ReceivedRecord {
  id: string;
  kind: string;
  content: unknown;
  grading: string;
  caseReference: string;
  documentVersion: number;
  recipient: string | null;
  exportedAt: string;
  /** Who sent it, as the certificate names the signer (organisation and common name). */
  source: string;
  signerSubject: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  signingTime: string | null;
  /** The verification report at import, as JSON. */
  report: unknown;
  containerSha256: string;
  receivedAt: string;
}

type Row = {
  id: string;
  kind: string;
  content: string;
  grading: string;
  case_reference: string;
  document_version: number;
  recipient: string | null;
  exported_at: string;
  source: string;
  signer_subject: string;
  signer_fingerprint: string;
  signer_trusted: number;
  signing_time: string | null;
  report: string;
  container_sha256: string;
  received_at: string;
};

const COLUMNS = `id, kind, content, grading, case_reference, document_version, recipient, exported_at, source, signer_subject,
  signer_fingerprint, signer_trusted, signing_time, report, container_sha256, received_at`;

const toRecord = (row: Row): ReceivedRecord => ({
  id: row.id,
  kind: row.kind,
  content: JSON.parse(row.content) as unknown,
  grading: row.grading,
  caseReference: row.case_reference,
  documentVersion: row.document_version,
  recipient: row.recipient,
  exportedAt: row.exported_at,
  source: row.source,
  signerSubject: row.signer_subject,
  signerFingerprint: row.signer_fingerprint,
  signerTrusted: row.signer_trusted === 1,
  signingTime: row.signing_time,
  report: JSON.parse(row.report) as unknown,
  containerSha256: row.container_sha256,
  receivedAt: row.received_at,
});

/** `contentSha256`: the SHA-256 of the signed data files (see `signedContentSha256`), null for none. */
export function insertReceived(
  db: Db,
  input: Omit<ReceivedRecord, 'id'> & { container: Uint8Array; contentSha256?: string | null },
): ReceivedRecord {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO received_documents (${COLUMNS}, container, content_sha256)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    id,
    input.kind,
    JSON.stringify(input.content),
    input.grading,
    input.caseReference,
    input.documentVersion,
    input.recipient,
    input.exportedAt,
    input.source,
    input.signerSubject,
    input.signerFingerprint,
    input.signerTrusted ? 1 : 0,
    input.signingTime,
    JSON.stringify(input.report),
    input.containerSha256,
    input.receivedAt,
    Buffer.from(input.container),
    input.contentSha256 ?? null,
  ]);
  const { container: _container, contentSha256: _content, ...rest } = input;
  return { id, ...rest };
}

/** A received document with the same container bytes, or with the same signed content re-zipped. */
export function receivedBySha256(db: Db, containerSha256: string, contentSha256: string): string | null {
  const id = db
    .prepare('SELECT id FROM received_documents WHERE container_sha256 = ? OR content_sha256 = ? LIMIT 1', {
      pluck: true,
    })
    .get([containerSha256, contentSha256]);
  return typeof id === 'string' ? id : null;
}

/**
 * Received documents as a deleted case leaves them: those only a deleted case holds (by its reference,
 * now or before) leave lists and reading with it, as its own documents do, until the purge takes them.
 * One for a reference no case here holds (at KDI, most) stays. References are matched as cases are, in
 * any letter case or Unicode form (reference-key.ts). `held`: whether a live case here holds it.
 */
function placed(held: HeldReferences, reference: string): { shown: boolean; held: boolean } {
  const key = referenceKey(reference);
  return { shown: held.live.has(key) || !held.deleted.has(key), held: held.live.has(key) };
}

/** The received documents shown, newest first, each with whether a live case here holds it. */
export function listReceived(db: Db): (ReceivedRecord & { heldByCase: boolean })[] {
  const rows = db.prepare(`SELECT ${COLUMNS} FROM received_documents ORDER BY received_at DESC, id`).all() as Row[];
  if (rows.length === 0) return [];
  const held = heldReferences(db);
  return rows.flatMap((row) => {
    const place = placed(held, row.case_reference);
    return place.shown ? [{ ...toRecord(row), heldByCase: place.held }] : [];
  });
}

export function getReceived(
  db: Db,
  id: string,
): (ReceivedRecord & { heldByCase: boolean; container: Uint8Array }) | null {
  const row = db.prepare(`SELECT ${COLUMNS}, container FROM received_documents WHERE id = ?`).get([id]) as
    (Row & { container: Uint8Array }) | undefined;
  const place = row ? placed(heldReferences(db, row.case_reference), row.case_reference) : null;
  if (!row || !place?.shown) return null;
  return { ...toRecord(row), heldByCase: place.held, container: new Uint8Array(row.container) };
}

/** The distinct gradings of received documents, by index seeks (migration 10), for the vault's banner. */
export function receivedGradings(db: Db): string[] {
  const next = db.prepare('SELECT min(grading) FROM received_documents WHERE grading > ?', { pluck: true });
  const levels: string[] = [];
  for (let level = next.get(['']) as string | null; level !== null; level = next.get([level]) as string | null) {
    levels.push(level);
  }
  return levels;
}

/** Whether a live case here holds this reference of a received document, as its own or one it had before. */
export function referenceHeldByLiveCase(db: Db, reference: string): boolean {
  return placed(heldReferences(db, reference), reference).held;
}

/** Deletes one received document (its container and content with it). */
export function deleteReceived(db: Db, id: string): void {
  db.prepare('DELETE FROM received_documents WHERE id = ?').run([id]);
}
