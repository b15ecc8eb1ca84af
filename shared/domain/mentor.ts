import { z } from 'zod';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common';

/**
 * Criminal-record check (DK § 6): only after written consent; a registered person may still be
 * appointed if found suitable, and the reasoning is recorded.
 */
export const CriminalRecordCheckSchema = z.object({
  writtenConsentDate: IsoDateSchema.optional(),
  checkedOn: IsoDateSchema.optional(),
  result: z.enum(['not_registered', 'registered']).optional(),
  suitabilityReasoning: LongTextSchema,
});

/**
 * A mentor (DOMAIN.md item 9). Facts about the mentor alone live here; facts about the mentor in
 * relation to one person (close relation, hours) live on that course's mentor assignment.
 * Yes/no facts are optional: absent means "not yet recorded", which the rules treat as not met.
 */
export const NewMentorSchema = z.object({
  name: ShortTextSchema.min(1),
  phone: ShortTextSchema,
  email: ShortTextSchema,
  address: ShortTextSchema,
  birthDate: IsoDateSchema.optional(),
  languages: z.array(ShortTextSchema).max(30),
  /** DK § 5, stk. 1, nr. 2. */
  understandsAndSpeaksDanish: z.boolean().optional(),
  /** DK § 5, stk. 1, nr. 3: with the service, other authorities and people around the person. */
  willingToCooperate: z.boolean().optional(),
  /** DK § 5, stk. 1, nr. 4: reporting as § 17 requires. */
  willingToDocument: z.boolean().optional(),
  /** DK § 5, stk. 2: staff may be mentors, but not where they work themselves. */
  employment: z.object({
    isStaff: z.boolean(),
    /** The department or institution the staff member is employed in. */
    unit: ShortTextSchema,
  }),
  criminalRecordCheck: CriminalRecordCheckSchema,
  /** NO pkt 13.2: a comprehensive police certificate (uttømmende politiattest). */
  policeCertificate: z.object({
    presentedOn: IsoDateSchema.optional(),
    comprehensive: z.boolean().optional(),
  }),
  /** NO pkt 13.5: signed confidentiality declaration. */
  confidentialityDeclarationSignedOn: IsoDateSchema.optional(),
  /**
   * The mentor's duties, acknowledged by the mentor on a date: to notify (NO pkt 13.5: KDI, of serious
   * crime or danger to life and health; DK § 8, stk. 2: Kriminalforsorgen, of an offence), and for a DK
   * mentor the confidentiality duty (DK § 8, stk. 1, forvaltningslovens § 27). Optional for old vaults.
   */
  dutiesAcknowledged: z
    .object({
      notifyDutyOn: IsoDateSchema.optional(),
      confidentialityDutyOn: IsoDateSchema.optional(),
    })
    .optional(),
  training: z.object({
    completedOn: IsoDateSchema.optional(),
    notes: LongTextSchema,
  }),
  notes: LongTextSchema,
});
export type NewMentor = z.infer<typeof NewMentorSchema>;

export const MentorSchema = NewMentorSchema.extend({ id: IdSchema });
export type Mentor = z.infer<typeof MentorSchema>;
