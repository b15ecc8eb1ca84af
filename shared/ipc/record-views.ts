import { z } from 'zod';
import { IdSchema } from '../domain/common';
import { DocumentKindSchema } from '../domain/document-kind';
import { GradingLevelSchema } from '../domain/grading';

/** Shapes several channel files share: document summaries, versions, field-by-field changes. */

/** Why something is deleted or downgraded; kept with the record, never written to the audit log. */
export const ReasonSchema = z.string().trim().min(1).max(2000);

/**
 * A name or reference as it comes in from a form: surrounding blanks dropped, and not empty once they
 * are (a case, mentor or register entry named by blanks alone was stored). Input only: a stored value
 * is read back through the record's own schema.
 */
export const NameInputSchema = z.string().trim().min(1).max(300);

/** A free note on a saved version. */
export const VersionNoteSchema = z.string().trim().max(2000);

export const TimestampSchema = z.iso.datetime({ offset: true });

export const DocumentStatusSchema = z.enum(['draft', 'final']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** One document in a list: no content, so a case view stays light. */
export const DocumentSummarySchema = z.object({
  id: IdSchema,
  caseId: IdSchema.nullable(),
  kind: DocumentKindSchema,
  currentVersion: z.number().int().positive(),
  status: DocumentStatusSchema,
  /** The current version's grading level. */
  grading: GradingLevelSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  deleteReason: z.string().nullable(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

/** One saved version, without its content. `author` is the local actor id, not a name. */
export const VersionSummarySchema = z.object({
  version: z.number().int().positive(),
  status: DocumentStatusSchema,
  grading: GradingLevelSchema,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  author: z.string(),
  createdAt: TimestampSchema,
  note: z.string().nullable(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;

export const ScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Scalar = z.infer<typeof ScalarSchema>;

/**
 * One changed field between two versions. `path` is dotted ("participants.2.name"); a field that
 * exists on one side only is `added` or `removed`.
 */
export const FieldChangeSchema = z.object({
  path: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: ScalarSchema.optional(),
  after: ScalarSchema.optional(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const DeletedSchema = z.object({ deleted: z.literal(true) });

export const IdInputSchema = z.object({ id: IdSchema }).strict();
export const DeleteInputSchema = z.object({ id: IdSchema, reason: ReasonSchema }).strict();
export const EmptyInputSchema = z.object({}).strict();

/** A saved version number the caller expects to be current; a mismatch is a `conflict`. */
export const ExpectedVersionSchema = z.number().int().positive();
