import { z } from 'zod';

/**
 * Building blocks shared by every record and document schema.
 * Text fields accept empty strings so a draft can be saved half-written; whether a document is
 * complete is decided by the rules in shared/rules at finalisation, not by the schema.
 */

/** Plain record id (a UUID). */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Calendar date, `YYYY-MM-DD` (leap-year aware). */
export const IsoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** Date and time, ISO 8601 with `Z` or an offset, e.g. `2025-03-01T09:30:00+01:00`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** A name, a unit, a phone number: one line, may be empty while drafting. */
export const ShortTextSchema = z.string().max(300);

/** A free-text section, may be empty while drafting. */
export const LongTextSchema = z.string().max(50_000);

/** Hours per week, e.g. 7.5 (DK § 15 sums these per mentor). */
export const WeeklyHoursSchema = z.number().min(0).max(168);

/** Which template (and which version of it) a document was started from, so it prints the same headings. */
export const TemplateRefSchema = z.object({
  id: z.string().min(1).max(100),
  version: z.number().int().positive(),
});

/** True when a draft text field has real content. */
export function isFilled(text: string | undefined | null): boolean {
  return typeof text === 'string' && text.trim().length > 0;
}
