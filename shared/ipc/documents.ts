import { z } from 'zod';
import { channel } from './channel';
import { IdSchema } from '../domain/common';
import { DistributionRecipientSchema } from '../domain/distribution';
import { DocumentKindSchema, KindedContentSchema } from '../domain/document-kind';
import { GradingSchema } from '../domain/grading';
import { MeetingTypeSchema } from '../domain/meeting';
import { FindingSchema } from '../rules/finding';
import {
  DeletedSchema,
  DeleteInputSchema,
  DocumentSummarySchema,
  ExpectedVersionSchema,
  FieldChangeSchema,
  IdInputSchema,
  ReasonSchema,
  VersionNoteSchema,
  VersionSummarySchema,
} from './record-views';

/**
 * Content arrives as a plain object and is validated once, in the service, against the schema of the
 * document's kind (which for `documents.save` is the stored document's kind, not the caller's word).
 */
const ContentInputSchema = z.record(z.string(), z.unknown());

/** One version of a document with its content and the rule findings for it. */
export const DocumentDetailSchema = z.object({
  document: DocumentSummarySchema,
  version: VersionSummarySchema,
  data: KindedContentSchema,
  findings: z.array(FindingSchema),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

export const DocumentCreateInputSchema = z
  .object({
    caseId: IdSchema,
    kind: DocumentKindSchema,
    /** A built-in template id or a vault's own copy (`templates.list`); its kind must match. */
    templateId: z.string().min(1).max(100).optional(),
    /** For meetings without a template: which of the NO pkt 12 meeting types. */
    meetingType: MeetingTypeSchema.optional(),
    /** The draft's grading; defaults to the case's own grading. Ignored when `content` is given. */
    grading: GradingSchema.optional(),
    /** A complete first version instead of an empty draft. */
    content: ContentInputSchema.optional(),
    note: VersionNoteSchema.optional(),
  })
  .strict();

export const DocumentSaveInputSchema = z
  .object({
    id: IdSchema,
    content: ContentInputSchema,
    expectedVersion: ExpectedVersionSchema.optional(),
    note: VersionNoteSchema.optional(),
    /** Required when the new content lowers the grading; kept in the version note and logged. */
    downgradeReason: ReasonSchema.optional(),
  })
  .strict();

export const ChangesSinceSentSchema = z.object({
  recipient: DistributionRecipientSchema,
  /** null: no version has been sent to this recipient yet. */
  lastSentVersion: z.number().int().positive().nullable(),
  currentVersion: z.number().int().positive(),
  /** The current version is a draft: the changes listed include edits not finalised (not sendable yet). */
  currentIsDraft: z.boolean(),
  changes: z.array(FieldChangeSchema),
});

export const documentsChannels = {
  'documents.list': channel(
    'Documents of a case, or of the whole vault, optionally of one kind; deleted ones only on request.',
    z
      .object({
        caseId: IdSchema.optional(),
        kind: DocumentKindSchema.optional(),
        includeDeleted: z.boolean().optional(),
      })
      .strict(),
    z.object({ documents: z.array(DocumentSummarySchema) }),
  ),
  'documents.get': channel(
    'The current (or a given) version of a document with its rule findings.',
    z.object({ id: IdSchema, version: z.number().int().positive().optional() }).strict(),
    DocumentDetailSchema,
  ),
  'documents.create': channel(
    'Start a document in a case from a template, an empty draft or given content.',
    DocumentCreateInputSchema,
    DocumentDetailSchema,
  ),
  'documents.save': channel(
    'Save new content as a new draft version; versions are never overwritten.',
    DocumentSaveInputSchema,
    DocumentDetailSchema,
  ),
  'documents.check': channel(
    'Rule findings for the current version, with plan distribution (NO pkt 11) for follow-up plans.',
    IdInputSchema,
    z.object({ findings: z.array(FindingSchema), canFinalise: z.boolean() }),
  ),
  'documents.finalise': channel(
    'Add a final version if no blocking finding remains; otherwise refuse, naming the provisions.',
    z.object({ id: IdSchema, expectedVersion: ExpectedVersionSchema.optional() }).strict(),
    DocumentDetailSchema,
  ),
  'documents.versions': channel(
    'Every saved version of a document (or vault record), oldest first, without content.',
    IdInputSchema,
    z.object({ versions: z.array(VersionSummarySchema) }),
  ),
  'documents.diff': channel(
    'Field-by-field changes between two versions (to defaults to the current one).',
    z.object({ id: IdSchema, from: z.number().int().positive(), to: z.number().int().positive().optional() }).strict(),
    z.object({
      from: z.number().int().positive(),
      to: z.number().int().positive(),
      changes: z.array(FieldChangeSchema),
    }),
  ),
  'documents.delete': channel(
    'Soft-delete a document, keeping its versions and the reason.',
    DeleteInputSchema,
    DeletedSchema,
  ),
  'documents.changesSinceSent': channel(
    'What changed since the version last sent to a recipient (default KDI), field by field.',
    z.object({ id: IdSchema, recipient: DistributionRecipientSchema.default('kdi') }).strict(),
    ChangesSinceSentSchema,
  ),
} as const;
