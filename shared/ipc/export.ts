import { z } from 'zod';
import { TokenPinSchema } from '../domain/pkcs11';
import { channel } from './channel';
import { IdSchema } from '../domain/common';
import { DistributionRecipientSchema } from '../domain/distribution';
import { DocumentKindSchema, KindedContentSchema } from '../domain/document-kind';
import { GradingLevelSchema, GradingSchema } from '../domain/grading';
import { LocaleSchema } from '../domain/profile';
import { Sha256HexSchema, SignerSummarySchema, VerificationReportSchema } from '../domain/verification';
import { FindingSchema } from '../rules/finding';
import { DocumentStatusSchema, EmptyInputSchema, IdInputSchema, TimestampSchema } from './record-views';
import { ExportSavedSchema } from './files';
import { base64FileSchema } from './signing';

/**
 * Documents leaving and entering the vault: print, signed PDF (PAdES), signed container (ASiC-E),
 * verification and import. Signed files are written by the main process where the user chose (see
 * files.ts): the renderer gets their name, never their bytes. The print preview's PDF and the bytes of a
 * file the user picked cross as base64 — never a path.
 */

/** The largest file verified or imported, before base64. */
export const MAX_SIGNED_FILE_BYTES = 32 * 1024 * 1024;

export const ExportFormatSchema = z.enum(['print', 'pdf', 'asice']);
export type ExportFormat = z.infer<typeof ExportFormatSchema>;

/** Which version to export, how to grade it and in which language the fixed words are printed. */
const ExportTargetShape = {
  documentId: IdSchema,
  /** Defaults to the current version. Only a finalised version can be sent; a draft can be printed. */
  version: z.number().int().positive().optional(),
  /** Defaults to the highest of the version's own grading and its case's; may be raised, never lowered below them. */
  grading: GradingSchema.optional(),
  locale: LocaleSchema.optional(),
};

export const ExportFileSchema = z.object({
  /** A suggested file name (no personal data); the user chooses where to save. */
  fileName: z.string(),
  mimeType: z.enum(['application/pdf', 'application/vnd.etsi.asic-e+zip']),
  fileBase64: z.base64(),
  sha256: Sha256HexSchema,
  size: z.number().int().positive(),
  grading: GradingSchema,
  draft: z.boolean(),
  exportId: IdSchema,
  /** The distribution log entry, when a finalised version went to a recipient. */
  distributionId: IdSchema.nullable(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;

/** The print preview's PDF: rendered for the screen, not printed, so not logged (no log entry to name). */
export const PrintPreviewSchema = ExportFileSchema.omit({ exportId: true, distributionId: true });
export type PrintPreview = z.infer<typeof PrintPreviewSchema>;

export const ExportPlanSchema = z.object({
  documentId: IdSchema,
  kind: DocumentKindSchema,
  version: z.number().int().positive(),
  status: DocumentStatusSchema,
  /** The version's own grading (the export carries at least minimumLevel, which counts the case's too). */
  grading: GradingSchema,
  /** The lowest level the export may carry: the highest of the version's grading and its case's. */
  minimumLevel: GradingLevelSchema,
  /** A finalised version can be sent as a signed file; a draft can only be printed (marked as draft). */
  canSend: z.boolean(),
  /** Whether the vault holds a signing identity (or a token setting); without one nothing can be signed. */
  hasIdentity: z.boolean(),
  /** Exports are signed on a smartcard or HSM: the dialog asks for its PIN (used once, never stored). */
  signsWithToken: z.boolean().optional(),
  /** Rule findings printed with the document. */
  findings: z.array(FindingSchema),
});

export const ExportLogEntrySchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  version: z.number().int().positive(),
  format: ExportFormatSchema,
  recipient: DistributionRecipientSchema.nullable(),
  grading: GradingLevelSchema,
  draft: z.boolean(),
  fileSha256: Sha256HexSchema,
  distributionId: IdSchema.nullable(),
  exportedAt: TimestampSchema,
});
export type ExportLogEntry = z.infer<typeof ExportLogEntrySchema>;

const FileInputShape = {
  /** Only to tell a .pdf from an .asice when the bytes do not say; never used as a path. */
  fileName: z.string().trim().min(1).max(255),
  fileBase64: base64FileSchema(MAX_SIGNED_FILE_BYTES),
};

export const ReceivedSummarySchema = z.object({
  id: IdSchema,
  kind: DocumentKindSchema,
  grading: GradingLevelSchema,
  caseReference: z.string(),
  documentVersion: z.number().int().positive(),
  /** Who sent it, as the signer's certificate names them. */
  source: z.string(),
  signer: SignerSummarySchema,
  signerTrusted: z.boolean(),
  signingTime: TimestampSchema.nullable(),
  exportedAt: TimestampSchema,
  receivedAt: TimestampSchema,
  containerSha256: Sha256HexSchema,
  /** A live case here holds its reference: it goes with that case's purge, not on its own. */
  heldByCase: z.boolean(),
});
export type ReceivedSummary = z.infer<typeof ReceivedSummarySchema>;

/** Why an import was refused: a message key (export.import.*) and, for schema failures, the fields. */
export const ImportRefusalSchema = z.object({
  messageKey: z.string().startsWith('export.import.'),
  fields: z.array(z.string()).optional(),
});

/**
 * Why a received document is removed for good. No text gives a retention period for a received copy
 * (the sender keeps the record); one held by a case here goes with that case's purge instead.
 */
export const ReceivedPurgeReasonSchema = z.enum(['registered_in_error', 'administrator_decision']);
export type ReceivedPurgeReason = z.infer<typeof ReceivedPurgeReasonSchema>;

export const ImportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('imported'), report: VerificationReportSchema, received: ReceivedSummarySchema }),
  z.object({ outcome: z.literal('refused'), report: VerificationReportSchema, reason: ImportRefusalSchema }),
]);
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const exportChannels = {
  'export.prepare': channel(
    'What an export of a document version would carry: its grading, the lowest allowed grading, whether it can be sent.',
    z.object({ documentId: IdSchema, version: z.number().int().positive().optional() }).strict(),
    ExportPlanSchema,
  ),
  'export.pdf': channel(
    'A finalised document version as a signed PDF (PAdES) for a recipient, written where the user chooses; logged only once written.',
    z.object({ ...ExportTargetShape, recipient: DistributionRecipientSchema, pin: TokenPinSchema.optional() }).strict(),
    ExportSavedSchema,
  ),
  'export.asice': channel(
    "A finalised document version as a signed ASiC-E container (PDF and the document's JSON), written where the user chooses; logged.",
    z.object({ ...ExportTargetShape, recipient: DistributionRecipientSchema, pin: TokenPinSchema.optional() }).strict(),
    ExportSavedSchema,
  ),
  'export.print': channel(
    'The rendered, unsigned PDF for the print preview (a draft is marked as draft); not logged, as files.print logs the print.',
    z.object({ ...ExportTargetShape, recipient: DistributionRecipientSchema.optional() }).strict(),
    PrintPreviewSchema,
  ),
  'export.log': channel(
    'Every print and export of a document: version, format, recipient, time and the SHA-256 of the file.',
    z.object({ documentId: IdSchema }).strict(),
    z.object({ entries: z.array(ExportLogEntrySchema) }),
  ),
  'verify.file': channel(
    "Verify a signed PDF or ASiC-E container the user picked, against the vault's trust list.",
    z.object(FileInputShape).strict(),
    VerificationReportSchema,
  ),
  'import.file': channel(
    'Import a verified signed container as a received document; refused with the reason, writing nothing, if it fails.',
    z.object({ ...FileInputShape, acceptUntrusted: z.boolean().default(false) }).strict(),
    ImportResultSchema,
  ),
  'import.list': channel(
    'Documents received in signed containers, newest first.',
    EmptyInputSchema,
    z.object({ documents: z.array(ReceivedSummarySchema) }),
  ),
  'import.get': channel(
    'One received document with its content.',
    IdInputSchema,
    z.object({ received: ReceivedSummarySchema, data: KindedContentSchema }),
  ),
  'import.purge': channel(
    'Remove a received document for good (no case here holds its reference); freed pages overwritten; the audit log keeps its id and the reason.',
    z.object({ id: IdSchema, reason: ReceivedPurgeReasonSchema }).strict(),
    /** False when another program's read began meanwhile: the freed pages wait for it to end. */
    z.object({ overwritten: z.boolean() }),
  ),
} as const;
