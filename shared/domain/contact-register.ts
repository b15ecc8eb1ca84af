import { z } from 'zod';
import { IdSchema, IsoDateSchema, ShortTextSchema } from './common';

/** NO pkt 2: a radicalisation contact in every local unit, a coordinator in every region. */
export const ContactRoleSchema = z.enum(['radikaliseringskontakt', 'radikaliseringskoordinator']);
export type ContactRole = z.infer<typeof ContactRoleSchema>;

/**
 * One line of the register of contacts and coordinators (kontaktoversikt, NO pkt 2), kept by the
 * regional coordinator and sent to KDI on every change.
 */
export const NewContactEntrySchema = z.object({
  role: ContactRoleSchema,
  name: ShortTextSchema.min(1),
  unit: ShortTextSchema,
  region: ShortTextSchema,
  phone: ShortTextSchema,
  email: ShortTextSchema,
  since: IsoDateSchema.optional(),
  /** Set when the person no longer holds the role; the entry stays for the history. */
  until: IsoDateSchema.optional(),
});
export type NewContactEntry = z.infer<typeof NewContactEntrySchema>;

export const ContactEntrySchema = NewContactEntrySchema.extend({ id: IdSchema });
