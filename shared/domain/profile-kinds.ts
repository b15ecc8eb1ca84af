import { DOCUMENT_KINDS, type DocumentKind } from './document-kind';
import type { Profile } from './profile';

/**
 * Which document kinds a vault's profile holds (DOMAIN.md "jurisdiction profiles"). A NO vault holds
 * the kinds of the Norwegian guideline (NO pkt 4-13); a DK vault holds the mentor scheme of the Danish
 * circular only: its mentor courses, with their handleplan, meetings and status reports. The observation
 * log, concern, concern report, follow-up plan, future plan, coordination meeting and visit routine are
 * NO pkt 4-12 and have no counterpart in the circular.
 */
export const DOCUMENT_KINDS_BY_PROFILE: Readonly<Record<Profile, readonly DocumentKind[]>> = {
  NO: DOCUMENT_KINDS,
  DK: ['mentor_course'],
};

export function isKindOfProfile(profile: Profile, kind: DocumentKind): boolean {
  return DOCUMENT_KINDS_BY_PROFILE[profile].includes(kind);
}
