import { z } from 'zod';

/** Jurisdiction profile, fixed when a vault is created: which rules, terms and gradings apply. */
export const ProfileSchema = z.enum(['NO', 'DK']);
export type Profile = z.infer<typeof ProfileSchema>;

export const LocaleSchema = z.enum(['nb', 'da', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;
