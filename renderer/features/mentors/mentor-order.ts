import type { Locale } from '../../../shared/domain/profile';
import { intlTag } from '../../../shared/i18n/dates';

/** The mentor register by name in `locale`'s alphabetical order (nb and da: Æ, Ø, Å after Z). */
export function mentorsInOrder<T extends { name: string }>(mentors: readonly T[], locale: Locale): T[] {
  const tag = intlTag(locale);
  return [...mentors].sort((a, b) => a.name.localeCompare(b.name, tag));
}
