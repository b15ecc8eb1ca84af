import { z } from 'zod';
import { channel } from './channel';
import { IdSchema, IsoDateSchema } from '../domain/common';
import { ContactEntrySchema, NewContactEntrySchema } from '../domain/contact-register';
import { GradingSchema } from '../domain/grading';
import { MentorSchema, NewMentorSchema } from '../domain/mentor';
import { ContactRegisterStatusSchema } from '../rules/no-contact-register';
import {
  DeletedSchema,
  DeleteInputSchema,
  EmptyInputSchema,
  ExpectedVersionSchema,
  IdInputSchema,
  NameInputSchema,
  ReasonSchema,
  TimestampSchema,
} from './record-views';

/**
 * Vault-level records: mentors (DOMAIN.md item 9) and the contact register (item 10, NO pkt 2).
 * They belong to no case. They are stored as versioned documents with their own kinds, so they get
 * versions, soft delete, search and the audit log like every document; these kinds are never
 * DocumentKinds, so no case view or case export lists them.
 */
export const RECORD_KINDS = ['mentor', 'contact_entry'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What a stored mentor version holds: the record and the grading chosen for it. */
export const MentorRecordContentSchema = NewMentorSchema.extend({ grading: GradingSchema });
export const ContactRecordContentSchema = NewContactEntrySchema.extend({ grading: GradingSchema });

const RecordMetaSchema = z.object({
  grading: GradingSchema,
  currentVersion: z.number().int().positive(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});

export const MentorViewSchema = MentorSchema.extend({
  ...RecordMetaSchema.shape,
  /** DK § 15: agreed weekly hours over the mentor's active DK courses. */
  weeklyHours: z.number().nonnegative(),
  /** Live mentor courses that name this mentor. */
  courseIds: z.array(IdSchema),
});
export type MentorView = z.infer<typeof MentorViewSchema>;

export const ContactViewSchema = ContactEntrySchema.extend(RecordMetaSchema.shape);
export type ContactView = z.infer<typeof ContactViewSchema>;

export const MentorSaveInputSchema = z
  .object({
    id: IdSchema.optional(),
    mentor: NewMentorSchema.extend({ name: NameInputSchema }),
    grading: GradingSchema.optional(),
    expectedVersion: ExpectedVersionSchema.optional(),
    downgradeReason: ReasonSchema.optional(),
  })
  .strict();

export const ContactSaveInputSchema = z
  .object({
    id: IdSchema.optional(),
    entry: NewContactEntrySchema.extend({ name: NameInputSchema }),
    grading: GradingSchema.optional(),
    expectedVersion: ExpectedVersionSchema.optional(),
    downgradeReason: ReasonSchema.optional(),
  })
  .strict();

/** A deleted mentor record or contact register entry, still in the file until it is purged. */
export const DeletedRecordSchema = z.object({
  id: IdSchema,
  name: z.string(),
  deletedOn: IsoDateSchema,
  /** The reason given when it was deleted. */
  reason: z.string(),
});
export type DeletedRecord = z.infer<typeof DeletedRecordSchema>;

const RecordKindInputSchema = z.object({ kind: z.enum(RECORD_KINDS) }).strict();

export const recordsChannels = {
  'records.deleted': channel(
    'Deleted mentor records or contact register entries not yet purged, newest deletion first; reads only.',
    RecordKindInputSchema,
    z.object({ records: z.array(DeletedRecordSchema) }),
  ),
  'records.purge': channel(
    'Purge a deleted mentor record or contact register entry for good: every version, its log rows and search entry; freed pages overwritten; the audit log keeps the id. Refused while a live document names the record.',
    RecordKindInputSchema.extend({ id: IdSchema }).strict(),
    z.object({
      /** False when another program's read began meanwhile: the freed pages wait for it to end. */
      overwritten: z.boolean(),
    }),
  ),
  'mentors.list': channel(
    'Every live mentor record, with weekly hours over active DK courses (DK § 15).',
    EmptyInputSchema,
    // `altered`: records changed outside Bro, named and not shown (the others are listed all the same).
    z.object({ mentors: z.array(MentorViewSchema), altered: z.array(IdSchema) }),
  ),
  'mentors.get': channel('One mentor record.', IdInputSchema, MentorViewSchema),
  'mentors.save': channel(
    'Create a mentor record or save a new version of it.',
    MentorSaveInputSchema,
    MentorViewSchema,
  ),
  'mentors.delete': channel('Soft-delete a mentor record, keeping the reason.', DeleteInputSchema, DeletedSchema),
  'contacts.list': channel(
    'The register of radicalisation contacts and coordinators (NO pkt 2).',
    EmptyInputSchema,
    z.object({ entries: z.array(ContactViewSchema), altered: z.array(IdSchema) }),
  ),
  'contacts.save': channel(
    'Add an entry to the contact register or save a new version of it.',
    ContactSaveInputSchema,
    ContactViewSchema,
  ),
  'contacts.delete': channel(
    'Soft-delete a contact register entry, keeping the reason.',
    DeleteInputSchema,
    DeletedSchema,
  ),
  'contacts.registerStatus': channel(
    'Whether KDI has the contact register as it stands: never sent, changed since sent, or up to date (NO pkt 2).',
    EmptyInputSchema,
    ContactRegisterStatusSchema,
  ),
  'contacts.recordSent': channel(
    'Record that the contact register as it stands now was sent to KDI on a day (today or earlier), on paper.',
    z.object({ sentOn: IsoDateSchema }).strict(),
    ContactRegisterStatusSchema,
  ),
} as const;
