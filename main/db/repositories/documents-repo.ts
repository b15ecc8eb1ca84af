import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json';
import { AppError } from '../../ipc/app-error';
import type { Db } from '../connection';
import { indexDocumentVersion, unindexObject } from './search-repo';

export type DocumentStatus = 'draft' | 'final';

export interface DocumentRecord {
  id: string;
  caseId: string | null;
  kind: string;
  currentVersion: number;
  status: DocumentStatus;
  grading: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

export interface VersionRecord {
  documentId: string;
  version: number;
  status: DocumentStatus;
  content: unknown;
  contentHash: string;
  grading: string;
  author: string;
  createdAt: string;
  note: string | null;
}

type DocumentRow = {
  id: string;
  case_id: string | null;
  kind: string;
  current_version: number;
  status: DocumentStatus;
  grading: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  delete_reason: string | null;
};
type VersionRow = {
  document_id: string;
  version: number;
  status: DocumentStatus;
  content: string;
  content_hash: string;
  grading: string;
  author: string;
  created_at: string;
  note: string | null;
};

const toDocument = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  caseId: row.case_id,
  kind: row.kind,
  currentVersion: row.current_version,
  status: row.status,
  grading: row.grading,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
  deleteReason: row.delete_reason,
});
const toVersion = (row: VersionRow): VersionRecord => ({
  documentId: row.document_id,
  version: row.version,
  status: row.status,
  content: JSON.parse(row.content) as unknown,
  contentHash: row.content_hash,
  grading: row.grading,
  author: row.author,
  createdAt: row.created_at,
  note: row.note,
});

export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export interface SaveVersionInput {
  documentId?: string;
  caseId: string | null;
  kind: string;
  content: unknown;
  grading: string;
  status: DocumentStatus;
  author: string;
  at: string;
  note?: string;
  /** Title for search results (e.g. the kind's label and the case reference). */
  searchTitle: string;
}

/**
 * Saves a new version of a document (creating the document on its first version). Versions are never
 * overwritten: editing a finalised document simply adds a draft version after it.
 */
export function saveVersion(db: Db, input: SaveVersionInput): { document: DocumentRecord; version: VersionRecord } {
  const id = input.documentId ?? randomUUID();
  const existing = input.documentId ? getDocument(db, input.documentId) : null;
  const version = (existing?.currentVersion ?? 0) + 1;
  const content = canonicalJson(input.content);
  const insertVersion = () =>
    db
      .prepare(
        `INSERT INTO document_versions (document_id, version, status, content, content_hash, grading, author, created_at, note)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run([
        id,
        version,
        input.status,
        content,
        contentHash(input.content),
        input.grading,
        input.author,
        input.at,
        input.note ?? null,
      ]);
  if (existing) {
    // The version first, then the document moves to it: the document's due facts (migration 0022) are
    // then updated in place once, where the other order found no current version for a moment and
    // deleted the facts, to insert them again after the version (their indexes' pages written too).
    insertVersion();
    // The grading is set only when it changes: set to the same value, it rewrites its index's page.
    // One statement either way, so the document's triggers run once.
    const regraded = existing.grading !== input.grading;
    db.prepare(
      `UPDATE documents SET current_version = ?, status = ?, updated_at = ?${regraded ? ', grading = ?' : ''} WHERE id = ?`,
    ).run([version, input.status, input.at, ...(regraded ? [input.grading] : []), id]);
  } else {
    db.prepare(
      `INSERT INTO documents (id, case_id, kind, current_version, status, grading, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run([id, input.caseId, input.kind, version, input.status, input.grading, input.at, input.at]);
    insertVersion();
  }
  indexDocumentVersion(db, { documentId: id, caseId: input.caseId, title: input.searchTitle, content, version });
  return { document: getDocument(db, id) as DocumentRecord, version: getVersion(db, id, version) as VersionRecord };
}

export function getDocument(db: Db, id: string): DocumentRecord | null {
  const row = db.prepare('SELECT * FROM documents WHERE id = ?').get([id]) as DocumentRow | undefined;
  return row ? toDocument(row) : null;
}

/**
 * One version with its content. The text must still be the one its hash was taken of when it was
 * saved: a version edited outside Bro (the passphrase and a SQL shell) with its hash left as it was is
 * refused here, the one place a version's content is read, so it is neither shown nor exported. Whoever
 * recomputes the hash too is not caught here (see README, audit log).
 */
export function getVersion(db: Db, documentId: string, version: number): VersionRecord | null {
  const row = db
    .prepare('SELECT * FROM document_versions WHERE document_id = ? AND version = ?')
    .get([documentId, version]) as VersionRow | undefined;
  if (!row) return null;
  if (createHash('sha256').update(row.content).digest('hex') !== row.content_hash)
    throw new AppError('vault_corrupt', 'error.version_altered', { version });
  return toVersion(row);
}

export function listVersions(db: Db, documentId: string): Omit<VersionRecord, 'content'>[] {
  const rows = db
    .prepare(
      "SELECT document_id, version, status, content_hash, grading, author, created_at, note, 'null' AS content FROM document_versions WHERE document_id = ? ORDER BY version",
    )
    .all([documentId]) as VersionRow[];
  return rows.map((row) => {
    const { content: _content, ...rest } = toVersion(row);
    return rest;
  });
}

export function listDocuments(
  db: Db,
  filter: { caseId?: string | null; kind?: string; includeDeleted?: boolean },
): DocumentRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM documents
       WHERE (? = 0 OR case_id IS ?) AND (? IS NULL OR kind = ?) AND (? = 1 OR deleted_at IS NULL)
       ORDER BY created_at, id`,
    )
    .all([
      filter.caseId === undefined ? 0 : 1,
      filter.caseId ?? null,
      filter.kind ?? null,
      filter.kind ?? null,
      filter.includeDeleted ? 1 : 0,
    ]) as DocumentRow[];
  return rows.map(toDocument);
}

/** Soft delete: the document and its versions stay; it leaves lists and search; the reason is kept. */
export function softDeleteDocument(db: Db, id: string, reason: string, at: string): void {
  db.prepare(
    'UPDATE documents SET deleted_at = ?, delete_reason = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  ).run([at, reason, at, id]);
  unindexObject(db, id);
}

/** The distinct gradings of every version kept of a case's live documents (the older ones included). */
export function liveDocumentGradings(db: Db, caseId: string): string[] {
  return db
    .prepare(
      `SELECT DISTINCT v.grading FROM documents d JOIN document_versions v ON v.document_id = d.id
       WHERE d.case_id = ? AND d.deleted_at IS NULL`,
      { pluck: true },
    )
    .all([caseId]) as string[];
}
