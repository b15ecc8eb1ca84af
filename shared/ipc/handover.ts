import { z } from 'zod';
import { IdSchema, IsoDateSchema, ShortTextSchema } from '../domain/common';
import { DocumentKindSchema } from '../domain/document-kind';
import { GradingLevelSchema, GradingSchema } from '../domain/grading';
import { TokenPinSchema } from '../domain/pkcs11';
import { HandoverLeftOutSchema, TransferKindSchema, TransferSchema } from '../domain/transfer';
import { Sha256HexSchema, VerificationReportSchema } from '../domain/verification';
import { channel } from './channel';
import { MAX_SIGNED_FILE_BYTES } from './export';
import { savedSchema } from './files';
import { TimestampSchema } from './record-views';
import { base64FileSchema } from './signing';

/**
 * Transfer to another unit or to a community sentence, and the handover package to the receiving
 * unit (NO pkt 8, pkt 12): the sender records the transfer and sends one signed ASiC-E with the case
 * and the documents it chose; the receiver verifies it like any import, sees what arrives, and creates
 * the case (or merges, explicitly, into the case with the same reference).
 */

const CaseInputSchema = z.object({ caseId: IdSchema }).strict();

export const HandoverSentSchema = z.object({
  id: IdSchema,
  sentOn: IsoDateSchema,
  grading: GradingLevelSchema,
  fileSha256: Sha256HexSchema,
  documents: z.number().int().nonnegative(),
  leftOut: z.number().int().nonnegative(),
});

export const ReceivedFromSchema = z.object({
  documentId: IdSchema,
  sendingUnit: z.string(),
  source: z.string(),
  signerFingerprint: Sha256HexSchema,
  signerTrusted: z.boolean(),
  senderVersion: z.number().int().positive(),
  receivedAt: TimestampSchema,
});

export const TransferViewSchema = z.object({
  transfer: TransferSchema.nullable(),
  packages: z.array(HandoverSentSchema),
  receivedFrom: z.array(ReceivedFromSchema),
});
export type TransferView = z.infer<typeof TransferViewSchema>;

/** A case document as the handover dialog offers it: only a finalised version can be sent. */
export const HandoverCandidateSchema = z.object({
  documentId: IdSchema,
  kind: DocumentKindSchema,
  currentVersion: z.number().int().positive(),
  finalisedVersion: z.number().int().positive().nullable(),
  grading: GradingLevelSchema.nullable(),
});
export type HandoverCandidate = z.infer<typeof HandoverCandidateSchema>;

export const HandoverChoiceSchema = z
  .object({
    documentId: IdSchema,
    include: z.boolean(),
    /** Why the receiving unit needs it (included), or why it stays (left out). Required to include. */
    reason: z.string().trim().max(500).default(''),
  })
  .strict();
export type HandoverChoice = z.infer<typeof HandoverChoiceSchema>;

export const HandoverSaveInputSchema = z
  .object({
    caseId: IdSchema,
    choices: z.array(HandoverChoiceSchema).max(1000),
    pin: TokenPinSchema.optional(),
  })
  .strict();

const FileInputShape = {
  fileName: z.string().trim().min(1).max(255),
  fileBase64: base64FileSchema(MAX_SIGNED_FILE_BYTES),
  acceptUntrusted: z.boolean().default(false),
};

/** What arrives, as the preview shows it before anything is written. */
export const HandoverContentsSchema = z.object({
  caseReference: z.string(),
  name: z.string(),
  sendingUnit: z.string(),
  receivingUnit: z.string(),
  transferKind: TransferKindSchema,
  plannedDate: IsoDateSchema,
  grading: GradingSchema,
  documents: z.array(
    z.object({
      kind: DocumentKindSchema,
      version: z.number().int().positive(),
      grading: GradingSchema,
      reason: z.string(),
      /** The existing case already received this sender version; importing adds nothing for it. */
      alreadyReceived: z.boolean(),
    }),
  ),
  leftOut: z.array(HandoverLeftOutSchema),
});
export type HandoverContents = z.infer<typeof HandoverContentsSchema>;

export const HandoverRefusalSchema = z.object({
  messageKey: z.string().regex(/^(handover|export)\.import\./),
  fields: z.array(z.string()).optional(),
});

const Refused = z.object({
  outcome: z.literal('refused'),
  report: VerificationReportSchema,
  reason: HandoverRefusalSchema,
});

export const HandoverPreviewSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('acceptable'),
    report: VerificationReportSchema,
    contents: HandoverContentsSchema,
    /** A live case with the same reference: offered as an explicit merge target, never overwritten. */
    existingCaseId: IdSchema.nullable(),
  }),
  Refused,
]);
export type HandoverPreview = z.infer<typeof HandoverPreviewSchema>;

export const HandoverImportResultSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('imported'),
    report: VerificationReportSchema,
    caseId: IdSchema,
    merged: z.boolean(),
    documentIds: z.array(IdSchema),
    /** Documents of the package the case already received (the same sender version): not stored again. */
    alreadyReceived: z.number().int().nonnegative(),
  }),
  Refused,
]);
export type HandoverImportResult = z.infer<typeof HandoverImportResultSchema>;

export const handoverChannels = {
  'transfer.get': channel(
    "The case's transfer (or null), the handover packages sent, and the documents received in one.",
    CaseInputSchema,
    TransferViewSchema,
  ),
  'transfer.save': channel(
    "Record or change the case's transfer: receiving unit, planned date, contact there, whether contact came before the decision (NO pkt 8).",
    z.object({ caseId: IdSchema, transfer: TransferSchema }).strict(),
    z.object({ transfer: TransferSchema }),
  ),
  'transfer.cancel': channel(
    "Cancel the case's transfer (it will not take place, or was recorded by mistake): its due items go and the case stays open; handover packages already made stay on record.",
    CaseInputSchema,
    z.object({ cancelled: z.literal(true) }),
  ),
  'handover.prepare': channel(
    "The case's documents a handover package can carry (finalised versions), and whether the vault can sign.",
    CaseInputSchema,
    z.object({
      candidates: z.array(HandoverCandidateSchema),
      receivingUnit: ShortTextSchema.nullable(),
      hasIdentity: z.boolean(),
      signsWithToken: z.boolean(),
    }),
  ),
  'handover.save': channel(
    'Sign the handover package (case, chosen finalised documents with PDF and JSON, manifest of what was left out) and write it where the user chooses; logged in the distribution and audit logs.',
    HandoverSaveInputSchema,
    savedSchema({
      sha256: Sha256HexSchema,
      size: z.number().int().positive(),
      grading: GradingSchema,
      packageId: IdSchema,
      documents: z.number().int().nonnegative(),
    }),
  ),
  'handover.preview': channel(
    'Verify a handover package like any import and show what would arrive; writes nothing.',
    z.object(FileInputShape).strict(),
    HandoverPreviewSchema,
  ),
  'handover.import': channel(
    'Import a verified handover package: a new case (or, explicitly, into the case with the same reference) with its documents marked as received; refused files write nothing.',
    z.object({ ...FileInputShape, mergeIntoCaseId: IdSchema.optional() }).strict(),
    HandoverImportResultSchema,
  ),
} as const;
