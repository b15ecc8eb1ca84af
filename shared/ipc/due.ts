import { z } from 'zod';
import { channel } from './channel';
import { IdSchema, IsoDateSchema } from '../domain/common';
import { DocumentKindSchema } from '../domain/document-kind';
import { DueItemSchema, DueKindSchema } from '../rules/due-items';
import { LocalPracticeCitationSchema } from '../rules/finding';
import { TransferDueKindSchema } from '../domain/transfer';

/**
 * Due kinds the due list adds from meeting minutes (NO pkt 12): the next meeting agreed, an action
 * by its deadline, the release meeting before an expected release. Listed beside the rules' own
 * kinds, so the union still holds if they move into DueKindSchema.
 */
export const MeetingDueKindSchema = z.enum(['no_next_meeting', 'no_meeting_action', 'no_release_meeting']);

/**
 * A closed case whose retention period has run out (issue 14 part 3): one row per case, no document.
 * A deleted case has its own kind: it opens the list of deleted cases, not the case.
 */
export const RetentionDueKindSchema = z.enum(['retention_expired', 'retention_expired_deleted']);

/** A due or overdue item with where it comes from, so a screen can open the case, the document, the action. */
export const DueListItemSchema = DueItemSchema.extend({
  kind: z.union([DueKindSchema, MeetingDueKindSchema, TransferDueKindSchema, RetentionDueKindSchema]),
  caseId: IdSchema,
  caseReference: z.string(),
  /** The case's name as the case list shows it. */
  personName: z.string().optional(),
  documentId: IdSchema.optional(),
  documentKind: DocumentKindSchema.optional(),
  actionId: IdSchema.optional(),
});
export type DueListItem = z.infer<typeof DueListItemSchema>;

/** How many items each status has in the whole list, whatever was left out by a limit. */
export const DueCountsSchema = z.object({
  overdue: z.number().int().nonnegative(),
  due: z.number().int().nonnegative(),
  upcoming: z.number().int().nonnegative(),
});
export type DueCounts = z.infer<typeof DueCountsSchema>;

export const DueListSchema = z.object({ items: z.array(DueListItemSchema), counts: DueCountsSchema });

export const RetentionKindSchema = z.enum(['case', 'mentor_course']);

/** One kind's retention period: the vault's own when set, else the profile's default, with its basis. */
export const RetentionPeriodViewSchema = z.object({
  kind: RetentionKindSchema,
  years: z.number().int().positive(),
  source: z.enum(['default', 'vault']),
  /** The organisation's stated basis for its own period ('' when none was given). */
  basis: z.string(),
  updatedAt: z.string().nullable(),
  defaultYears: z.number().int().positive(),
  /** Why the default is what it is: Bro's local practice, named as such. */
  defaultCitation: LocalPracticeCitationSchema,
});
export type RetentionPeriodView = z.infer<typeof RetentionPeriodViewSchema>;

export const RetentionViewSchema = z.object({ periods: z.array(RetentionPeriodViewSchema) });
export type RetentionView = z.infer<typeof RetentionViewSchema>;

export const RETENTION_MAX_YEARS = 100;
export const RETENTION_BASIS_MAX = 300;

export const RetentionUpdateSchema = z
  .object({
    kind: RetentionKindSchema,
    /** Whole years from closing; null goes back to the profile's default. */
    years: z.number().int().min(1).max(RETENTION_MAX_YEARS).nullable(),
    basis: z.string().max(RETENTION_BASIS_MAX).optional(),
  })
  .strict();

export const dueChannels = {
  'due.list': channel(
    'Everything due, overdue or due soon, for the vault or one case: overdue first, then due today, then upcoming. ' +
      'With limitPerStatus only the first items of each status come back (a vault of 10 000 cases has tens of ' +
      'thousands); counts always cover the whole list.',
    z
      .object({
        caseId: IdSchema.optional(),
        today: IsoDateSchema.optional(),
        limitPerStatus: z.number().int().min(1).max(10_000).optional(),
      })
      .strict(),
    DueListSchema,
  ),
  'retention.get': channel(
    'The retention period of each kind of record, from closing a case: the vault setting or the default, with its basis.',
    z.object({}).strict(),
    RetentionViewSchema,
  ),
  'retention.update': channel(
    'Set the retention period of one kind of record in whole years (1–100) with its basis, or null for the default.',
    RetentionUpdateSchema,
    RetentionViewSchema,
  ),
} as const;
