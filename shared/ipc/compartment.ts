import { z } from 'zod';
import { channel } from './channel';
import { IdSchema } from '../domain/common';
import { MentorConversationSchema, NewMentorConversationSchema } from '../domain/mentor-conversation';
import { EmptyInputSchema, ReasonSchema, TimestampSchema } from './record-views';

/**
 * The mentor scheme's compartment (NO pkt 13.5, 13.10): conversation records open only with the
 * mentor scheme's own passphrase. A coordinator with the vault passphrase gets `forbidden`.
 */
export const CompartmentStatusSchema = z.object({ state: z.enum(['none', 'locked', 'unlocked']) });

const PassphraseInputSchema = z.object({ passphrase: z.string().min(1).max(1024) }).strict();

/** `revision`: 1, then one more for each correction (each earlier wording is kept in the sealed record). */
export const ConversationViewSchema = MentorConversationSchema.extend({
  createdAt: TimestampSchema,
  revision: z.number().int().positive(),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

export const compartmentChannels = {
  'compartment.status': channel(
    'Whether the mentor scheme compartment exists and is open.',
    EmptyInputSchema,
    CompartmentStatusSchema,
  ),
  'compartment.create': channel(
    'Create the mentor scheme compartment with its own passphrase.',
    PassphraseInputSchema,
    CompartmentStatusSchema,
  ),
  'compartment.unlock': channel(
    'Open the mentor scheme compartment with its passphrase.',
    PassphraseInputSchema,
    CompartmentStatusSchema,
  ),
  'compartment.lock': channel(
    'Close the mentor scheme compartment and drop its key.',
    EmptyInputSchema,
    CompartmentStatusSchema,
  ),
  'conversations.list': channel(
    'Conversation records of one mentor course; mentor scheme only.',
    z.object({ courseId: IdSchema }).strict(),
    // `damaged`: records that no longer open (changed outside Bro); the others are listed all the same.
    z.object({ conversations: z.array(ConversationViewSchema), damaged: z.array(IdSchema) }),
  ),
  'conversations.save': channel(
    "Record (or correct) a mentor conversation: place, date, duration, notes; mentor scheme only. Lowering a record's grading needs a reason.",
    NewMentorConversationSchema.extend({
      id: IdSchema.optional(),
      // The revision the correction was made from: refused when the record has been corrected since.
      expectedRevision: z.number().int().positive().optional(),
      downgradeReason: ReasonSchema.optional(),
    }).strict(),
    ConversationViewSchema,
  ),
} as const;
