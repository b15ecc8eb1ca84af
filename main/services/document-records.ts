import type { z } from 'zod';
import { DocumentKindSchema, GradingLevelSchema, KindedContentSchema, type KindedContent } from '../../shared/domain';
import type { DocumentSummary, VersionSummary } from '../../shared/ipc/record-views';
import { ContactRecordContentSchema, MentorRecordContentSchema } from '../../shared/ipc/records';
import { getDocument, getVersion, type DocumentRecord, type VersionRecord } from '../db/repositories/documents-repo';
import type { Db } from '../db/connection';
import { AppError } from '../ipc/app-error';
import { notFound } from './service-context';

/** Summary of a case document; null for vault records (mentors, contact register), which are not DocumentKinds. */
export function documentSummary(doc: DocumentRecord): DocumentSummary | null {
  const kind = DocumentKindSchema.safeParse(doc.kind);
  if (!kind.success) return null;
  return {
    id: doc.id,
    caseId: doc.caseId,
    kind: kind.data,
    currentVersion: doc.currentVersion,
    status: doc.status,
    grading: GradingLevelSchema.parse(doc.grading),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    deletedAt: doc.deletedAt,
    deleteReason: doc.deleteReason,
  };
}

export function versionSummary(version: Omit<VersionRecord, 'content'>): VersionSummary {
  return {
    version: version.version,
    status: version.status,
    grading: GradingLevelSchema.parse(version.grading),
    contentHash: version.contentHash,
    author: version.author,
    createdAt: version.createdAt,
    note: version.note,
  };
}

/**
 * A live record of the documents table. `kinds` limits which kinds the caller may see: a channel for
 * case documents must not hand out a mentor record, and the other way round.
 */
export function requireLiveDocument(db: Db, id: string, kinds: (kind: string) => boolean): DocumentRecord {
  const doc = getDocument(db, id);
  if (!doc || doc.deletedAt || !kinds(doc.kind)) throw notFound();
  return doc;
}

export const isDocumentKind = (kind: string): boolean => DocumentKindSchema.safeParse(kind).success;
export const anyKind = (): boolean => true;

export function requireVersion(db: Db, documentId: string, version: number): VersionRecord {
  const found = getVersion(db, documentId, version);
  if (!found) throw notFound();
  return found;
}

/** Stored content read back through its schema; a row that no longer parses is an internal fault. */
export function storedContent<S extends z.ZodType>(schema: S, content: unknown): z.output<S> {
  const parsed = schema.safeParse(content);
  if (!parsed.success) throw new AppError('internal', 'error.internal');
  return parsed.data;
}

export function kindedContent(doc: DocumentRecord, version: VersionRecord): KindedContent {
  return storedContent(KindedContentSchema, { kind: doc.kind, content: version.content });
}

const RECORD_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  mentor: MentorRecordContentSchema,
  contact_entry: ContactRecordContentSchema,
};

/**
 * A version's content read back through its kind's schema. Content is stored as canonical JSON (keys
 * sorted); parsing restores the schema's field order, the order in which a change summary reads well.
 */
export function orderedContent(doc: DocumentRecord, version: VersionRecord): unknown {
  const schema = RECORD_SCHEMAS[doc.kind];
  return schema ? storedContent(schema, version.content) : kindedContent(doc, version).content;
}
