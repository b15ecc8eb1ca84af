import { z } from 'zod';
import { IdSchema, IsoDateSchema, IsoDateTimeSchema, ShortTextSchema } from './common';
import { DocumentKindSchema } from './document-kind';
import { GradingSchema } from './grading';
import { NewCaseSchema } from './case';
import { ProfileSchema } from './profile';

/**
 * A transfer of the person to another unit of the service, or to a community sentence (NO pkt 8:
 * "overføres andre enheter i kriminalomsorgen herunder overføres til straffegjennomføring i
 * samfunnet"). The local contact passes the information on to the receiving unit's contact, and that
 * contact "bør etableres før" the transfer is decided.
 */
export const TransferKindSchema = z.enum(['other_unit', 'community_sentence']);
export type TransferKind = z.infer<typeof TransferKindSchema>;

export const TransferSchema = z
  .object({
    kind: TransferKindSchema,
    receivingUnit: ShortTextSchema.trim().min(1),
    plannedDate: IsoDateSchema,
    /** The radicalisation contact at the receiving unit. */
    receivingContact: ShortTextSchema.trim().default(''),
    /** When the transfer is (to be) decided; the contact is due by then (NO pkt 8). */
    decisionDate: IsoDateSchema.optional(),
    /** When contact with the receiving unit's contact was made. */
    contactMadeOn: IsoDateSchema.optional(),
    /** Whether that contact was made before the decision ("bør etableres før", NO pkt 8). */
    contactBeforeDecision: z.boolean().default(false),
    /** The meeting held because the person moves (NO pkt 12). */
    meetingOn: IsoDateSchema.optional(),
  })
  .strict();
export type Transfer = z.infer<typeof TransferSchema>;

/** Due kinds of a transfer: the contact before the decision, the package before the date, the meeting. */
export const TransferDueKindSchema = z.enum(['no_transfer_contact', 'no_transfer_package', 'no_transfer_meeting']);
export type TransferDueKind = z.infer<typeof TransferDueKindSchema>;

/** File names inside a handover package. */
export const HANDOVER_MANIFEST_NAME = 'bro-handover.json';
export const HANDOVER_CASE_FILE = 'case.json';
/** At most 15 documents: with the manifest and the case file, 32 files, the ASiC-E limit. */
export const MAX_HANDOVER_DOCUMENTS = 15;

export function handoverDocumentFiles(index: number, kind: z.infer<typeof DocumentKindSchema>) {
  const base = `documents/${String(index + 1).padStart(2, '0')}-${kind}`;
  return { json: `${base}.json`, pdf: `${base}.pdf` };
}

/** Why a document of the case was not sent; `note` is the sender's own reason, when given. */
export const LeftOutReasonSchema = z.enum(['not_chosen', 'not_finalised']);
export type LeftOutReason = z.infer<typeof LeftOutReasonSchema>;

const ReasonTextSchema = z.string().trim().min(1).max(500);

export const HandoverDocumentEntrySchema = z
  .object({
    kind: DocumentKindSchema,
    /** The sender's document id and the finalised version sent. */
    senderDocumentId: IdSchema,
    version: z.number().int().positive(),
    grading: GradingSchema,
    /** Why the receiving unit needs it, in the sender's words. */
    reason: ReasonTextSchema,
    jsonFile: z.string().min(1).max(100),
    pdfFile: z.string().min(1).max(100),
    /** The `$id` of the published JSON Schema the JSON file validates against. */
    schema: z.url(),
  })
  .strict();
export type HandoverDocumentEntry = z.infer<typeof HandoverDocumentEntrySchema>;

export const HandoverLeftOutSchema = z
  .object({
    kind: DocumentKindSchema,
    senderDocumentId: IdSchema,
    reason: LeftOutReasonSchema,
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type HandoverLeftOut = z.infer<typeof HandoverLeftOutSchema>;

/**
 * The manifest of a handover package: what went, what was left out and why, and the statement that
 * the mentor scheme's compartment (NO pkt 13.5) is never part of a handover.
 */
export const HandoverManifestSchema = z
  .object({
    format: z.literal('bro-handover'),
    formatVersion: z.literal(1),
    profile: ProfileSchema,
    caseReference: ShortTextSchema,
    /**
     * The references the sender's case carried before, oldest first; absent when it had none. A later
     * package for a case the sender has renumbered since then still finds the case the receiving unit
     * made from an earlier one.
     */
    formerReferences: z.array(ShortTextSchema).min(1).max(50).optional(),
    sendingUnit: ShortTextSchema,
    receivingUnit: ShortTextSchema,
    transferKind: TransferKindSchema,
    plannedDate: IsoDateSchema,
    /** The highest grading of the contents (the case and every document). */
    grading: GradingSchema,
    createdAt: IsoDateTimeSchema,
    caseFile: z.literal(HANDOVER_CASE_FILE),
    documents: z.array(HandoverDocumentEntrySchema).max(MAX_HANDOVER_DOCUMENTS),
    leftOut: z.array(HandoverLeftOutSchema).max(10_000),
    mentorCompartment: z.literal('never_included'),
  })
  .strict();
export type HandoverManifest = z.infer<typeof HandoverManifestSchema>;

/** The case record as it travels: the case as entered at the sending unit. */
export const HandoverCaseSchema = NewCaseSchema.strict();
