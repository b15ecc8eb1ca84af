import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from '../domain/common';
import { GradingLevelSchema } from '../domain/grading';
import { LocatedTextSchema, PROPOSAL_SOURCES, RedactionSchema } from '../domain/redaction';
import { Sha256HexSchema } from '../domain/verification';
import { channel } from './channel';
import { savedSchema } from './files';

/**
 * The innsyn copy (NO pkt 11: "ordinær innsynsbegjæring"): a copy of one document or of the whole case
 * with exempt fields and passages removed, a basis in their place, and a redaction log kept on the case.
 */

/** One document or the whole case (the future plan stays out of a whole-case copy: NO pkt 10). */
export const InnsynScopeSchema = z.object({ caseId: IdSchema, documentId: IdSchema.optional() }).strict();

export const InnsynDocumentSchema = z.object({
  documentId: IdSchema,
  kind: z.string(),
  kindLabel: z.string(),
  version: z.number().int().positive(),
  final: z.boolean(),
});

export const InnsynProposalSchema = z.object({
  term: z.string(),
  source: z.enum(PROPOSAL_SOURCES),
  occurrences: z.number().int().positive(),
});
export type InnsynProposal = z.infer<typeof InnsynProposalSchema>;

export const InnsynPreparedSchema = z.object({
  caseReference: z.string(),
  documents: z.array(InnsynDocumentSchema),
  /** Left out of a whole-case copy, with the reason's message key. */
  excluded: z.array(z.object({ documentId: IdSchema, kind: z.string(), reasonKey: z.string() })),
  texts: z.array(LocatedTextSchema),
  /** Stands for `texts`: sent back with the export, which is refused if the texts changed meanwhile. */
  textsDigest: Sha256HexSchema,
  proposals: z.array(InnsynProposalSchema),
  bases: z.array(z.object({ id: z.string(), citation: z.string() })),
  grading: GradingLevelSchema,
});
export type InnsynPrepared = z.infer<typeof InnsynPreparedSchema>;

export const InnsynExportInputSchema = InnsynScopeSchema.extend({
  /** The versions the user saw: a newer version saved meanwhile is refused, not silently redacted. */
  versions: z
    .array(z.object({ documentId: IdSchema, version: z.number().int().positive() }))
    .min(1)
    .max(500),
  redactions: z.array(RedactionSchema).max(5_000),
  /**
   * The preview's `textsDigest`: text from outside the versions (the case, the mentor register) that
   * changed meanwhile is refused, not redacted at offsets that no longer fit. Required: a caller that
   * left it out would have had the texts as they are at saving taken for the ones it marked.
   */
  textsDigest: Sha256HexSchema,
}).strict();

export const InnsynSavedSchema = savedSchema({
  copyId: IdSchema,
  sha256: Sha256HexSchema,
  size: z.number().int().positive(),
  removals: z.number().int().nonnegative(),
  grading: GradingLevelSchema,
});
export type InnsynSaved = z.infer<typeof InnsynSavedSchema>;

/** One line of the redaction log: where and why, never the removed text. */
export const RedactionLogEntrySchema = z.object({
  seq: z.number().int().positive(),
  type: z.enum(['field', 'passage', 'term']),
  documentId: IdSchema.nullable(),
  version: z.number().int().positive().nullable(),
  locationLabel: z.string(),
  occurrences: z.number().int().nonnegative(),
  basis: z.string(),
  citation: z.string(),
  by: z.string(),
  at: IsoDateTimeSchema,
});

export const InnsynCopySchema = z.object({
  id: IdSchema,
  createdAt: IsoDateTimeSchema,
  createdBy: z.string(),
  grading: GradingLevelSchema,
  fileSha256: Sha256HexSchema,
  documents: z.array(z.object({ documentId: IdSchema, version: z.number().int().positive() })),
  entries: z.array(RedactionLogEntrySchema),
});
export type InnsynCopy = z.infer<typeof InnsynCopySchema>;

export const innsynChannels = {
  'innsyn.prepare': channel(
    'The texts of an innsyn copy (one document or the whole case) as they would print, third-party names proposed for redaction, and the legal bases of the profile.',
    InnsynScopeSchema,
    InnsynPreparedSchema,
  ),
  'innsyn.export': channel(
    'Render the innsyn copy with the exempt text removed (the basis in its place, the redaction log as annex), write it where the user chose in the save dialog, and log it.',
    InnsynExportInputSchema,
    InnsynSavedSchema,
  ),
  'innsyn.log': channel(
    "The case's innsyn copies and their redaction logs (where and why, by whom, when; never the removed text).",
    z.object({ caseId: IdSchema }).strict(),
    z.object({ copies: z.array(InnsynCopySchema) }),
  ),
};
