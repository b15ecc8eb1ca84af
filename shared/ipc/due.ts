import { z } from 'zod';
import { channel } from './channel';
import { IdSchema, IsoDateSchema } from '../domain/common';
import { DocumentKindSchema } from '../domain/document-kind';
import { DueItemSchema, DueKindSchema } from '../rules/due-items';

/**
 * Due kinds the due list adds from meeting minutes (NO pkt 12): the next meeting agreed, an action
 * by its deadline, the release meeting before an expected release. Listed beside the rules' own
 * kinds, so the union still holds if they move into DueKindSchema.
 */
export const MeetingDueKindSchema = z.enum(['no_next_meeting', 'no_meeting_action', 'no_release_meeting']);

/** A due or overdue item with where it comes from, so a screen can open the case, the document, the action. */
export const DueListItemSchema = DueItemSchema.extend({
  kind: z.union([DueKindSchema, MeetingDueKindSchema]),
  caseId: IdSchema,
  caseReference: z.string(),
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
export type DueList = z.infer<typeof DueListSchema>;

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
} as const;
