import { z } from 'zod';

/** Jurisdiction profile, fixed when a vault is created: which rules, terms and gradings apply. */
export const ProfileSchema = z.enum(['NO', 'DK']);
export type Profile = z.infer<typeof ProfileSchema>;

export const LocaleSchema = z.enum(['nb', 'da', 'en']);
export type Locale = z.infer<typeof LocaleSchema>;

/**
 * The vault's document language (NO: bokmål, DK: Danish): what a printed or exported document is in
 * unless one was picked, and the one language its template copies are written in, whatever the
 * interface language (a copy's headings print on its documents).
 */
export const DOCUMENT_LOCALE: Readonly<Record<Profile, Locale>> = { NO: 'nb', DK: 'da' };
