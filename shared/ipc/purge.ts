import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../domain/common';
import { channel } from './channel';

/** Why a case is purged; kept (as an id) in the audit log with the ids of what went. */
export const PurgeReasonSchema = z.enum(['retention_expired', 'registered_in_error', 'administrator_decision']);
export type PurgeReason = z.infer<typeof PurgeReasonSchema>;

/** What a purge removes, by id and count: shown in the confirmation, printed by `bro purge` without --yes. */
export const PurgePlanSchema = z.object({
  caseId: IdSchema,
  caseReference: z.string(),
  /** Start of retention (null while the case is open) and when its period runs out. */
  closedOn: IsoDateSchema.nullable(),
  dueOn: IsoDateSchema.nullable(),
  due: z.boolean(),
  retentionYears: z.number().int().nonnegative(),
  documents: z.array(z.object({ id: IdSchema, kind: z.string() })),
  versions: z.number().int().nonnegative(),
  distributions: z.number().int().nonnegative(),
  exportLogEntries: z.number().int().nonnegative(),
  receivedFiles: z.number().int().nonnegative(),
  /** Conversation records in the mentor compartment; null while the compartment is shut (not to be told). */
  mentorRecords: z.number().int().nonnegative().nullable(),
  /** The case holds a mentor course (or records of one): it is purged only with the compartment open. */
  compartmentNeeded: z.boolean(),
  searchEntries: z.number().int().nonnegative(),
  /** The transfer and the handover packages sent (NO pkt 8); received packages count as received files. */
  handoverRecords: z.number().int().nonnegative(),
  innsynCopies: z.number().int().nonnegative(),
});
export type PurgePlan = z.infer<typeof PurgePlanSchema>;

export const PurgeInputSchema = z
  .object({
    caseId: IdSchema,
    /** The case reference typed again by the user: the confirmation names what goes. */
    confirmReference: z.string().max(200),
    reason: PurgeReasonSchema,
  })
  .strict();

/**
 * A deleted case not yet purged: it is in no other list, and stays in the file until it is purged. Its
 * retention counts from the day it was deleted, or its closing when that came first (caseClosedOn).
 */
export const DeletedCaseSchema = z.object({
  caseId: IdSchema,
  caseReference: z.string(),
  deletedOn: IsoDateSchema,
  /** The reason given when it was deleted. */
  reason: z.string(),
  closedOn: IsoDateSchema,
  dueOn: IsoDateSchema,
  due: z.boolean(),
  retentionYears: z.number().int().nonnegative(),
});
export type DeletedCase = z.infer<typeof DeletedCaseSchema>;

export const purgeChannels = {
  'cases.deletedList': channel(
    'Deleted cases not yet purged, newest deletion first, with when their retention runs out; reads only.',
    z.object({}).strict(),
    z.object({ cases: z.array(DeletedCaseSchema) }),
  ),
  'cases.purgePreview': channel(
    'What purging a case would remove (ids and counts); changes nothing.',
    z.object({ caseId: IdSchema }).strict(),
    PurgePlanSchema,
  ),
  'cases.purge': channel(
    'Purge a case for good: its documents, versions, search entries, received files, distribution and export log rows and (compartment unlocked) mentor records; freed pages overwritten; the audit log keeps ids and the reason.',
    PurgeInputSchema,
    z.object({
      purged: PurgePlanSchema,
      /** False when another program's read began meanwhile: the freed pages wait for it to end. */
      overwritten: z.boolean(),
    }),
  ),
};
