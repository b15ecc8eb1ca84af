import { z } from 'zod';
import { channel } from './channel';
import { IsoDateSchema } from '../domain/common';
import { DueCountsSchema, DueListItemSchema } from './due';

/**
 * The due list as the home screen shows it at any volume: filtered (unit, kind, "mine") and grouped by
 * status or by case, with each row's person, case, action text and owner. The copies of a follow-up
 * plan to region and KDI (NO pkt 11), due the same day, are one row naming both recipients.
 */

/** What the kind filter offers: a due kind, with the two plan copies as one ("no_plan_copy"). */
export const DueFilterKindSchema = z.string().min(1).max(60);

export const DueViewItemSchema = DueListItemSchema.extend({
  personName: z.string().optional(),
  unit: z.string(),
  /** A meeting action (NO pkt 12): what is to be done and who owns it. */
  action: z.object({ description: z.string(), owner: z.string() }).optional(),
  /** A merged plan-copy row: the recipients still to be sent a copy. */
  recipients: z.array(z.enum(['region', 'kdi'])).optional(),
  /** The kind filter value this row belongs to. */
  filterKind: DueFilterKindSchema,
});
export type DueViewItem = z.infer<typeof DueViewItemSchema>;

export const DueViewInputSchema = z
  .object({
    today: IsoDateSchema.optional(),
    unit: z.string().min(1).max(300).optional(),
    kind: DueFilterKindSchema.optional(),
    /** Leaves out meeting actions owned by another agency (police, PST, the municipality, others). */
    mine: z.boolean().optional(),
    groupBy: z.enum(['status', 'case']).default('status'),
    /** Items per status (grouped by status) or cases (grouped by case) to send. */
    limit: z.number().int().min(1).max(10_000).default(25),
  })
  .strict();

export const DueViewSchema = z.object({
  items: z.array(DueViewItemSchema),
  /** Per status, over everything the filters keep. */
  counts: DueCountsSchema,
  /** How many cases the filters keep (the number of groups when grouped by case). */
  caseCount: z.number().int().nonnegative(),
  /** The filter's choices: units of live cases, and the kinds present in the unfiltered list. */
  units: z.array(z.string()),
  kinds: z.array(DueFilterKindSchema),
});
export type DueView = z.infer<typeof DueViewSchema>;

export const dueViewChannels = {
  'due.view': channel(
    'The due list for the home screen: filtered by unit, kind and "mine", grouped by status or case, a page at a time, ' +
      'with person name, case reference, action text and owner; plan copies to region and KDI as one row.',
    DueViewInputSchema,
    DueViewSchema,
  ),
} as const;
