import type { DocumentContent, DocumentKind, IsoDate, NewCase } from '../../shared/domain';
import { localDayOf } from '../../shared/domain';
import type { NewContactEntry } from '../../shared/domain/contact-register';
import { invalid } from './service-context';

/**
 * What a form holds that its schema alone cannot say: one date not before another, and an entry not
 * listed twice. Checked once, where a case, a register entry or a document's content comes in (never
 * when stored ones are read back: a value saved before these checks still opens). Audit 7: a DK course
 * ending before it started was saved, and every § 13 and § 17 item of it vanished without a word; the
 * same mentor twice on one course counted his hours twice (DK § 15).
 */

/** Refuses `later` before `earlier` (either absent: nothing to compare), naming the later field. */
function assertNotBefore(later: IsoDate | undefined, earlier: IsoDate | undefined, field: string, key: string): void {
  if (later !== undefined && earlier !== undefined && later < earlier) throw invalid(key, [field]);
}

/** Refuses the second of two list entries with the same key, naming its place. */
function assertUnique<T>(items: readonly T[], keyOf: (item: T) => string | undefined, field: string, name: string) {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const key = keyOf(item);
    if (key === undefined) return;
    if (seen.has(key)) throw invalid('error.duplicate_entry', [`${field}.${index}.${name}`]);
    seen.add(key);
  });
}

/** The earliest birth date taken: a year 0000 or 1066 is a slip of the keyboard, not a person in prison. */
const EARLIEST_BIRTH: IsoDate = '1900-01-01';

/**
 * Refuses a day something already happened that has not come yet (an observation made, a conversation
 * held, a birth), or a birth date before EARLIEST_BIRTH. Audit 7: an observation "made" in 2999 and a
 * birth date in year 0000 were stored.
 */
function assertHappened(date: IsoDate | undefined, today: IsoDate, field: string, birth = false): void {
  if (date === undefined) return;
  if (date > today) throw invalid('error.date_in_future', [field]);
  if (birth && date < EARLIEST_BIRTH) throw invalid('error.birth_date_implausible', [field]);
}

/** A person's birth date, as a case or a mentor record brings it. */
export function assertBirthDate(birthDate: IsoDate | undefined, today: IsoDate, field: string): void {
  assertHappened(birthDate, today, field, true);
}

/** The day a mentor conversation was held (NO pkt 13.5): recorded after it, never ahead. */
export function assertConversationHeld(date: IsoDate, today: IsoDate): void {
  assertHappened(date, today, 'date');
}

export function assertCaseCoherent(value: NewCase, today: IsoDate): void {
  assertBirthDate(value.birthDate, today, 'birthDate');
  assertNotBefore(value.expectedReleaseDate, value.arrivalDate, 'expectedReleaseDate', 'error.release_before_arrival');
  const infoflyt = value.infoflyt;
  if (infoflyt)
    assertNotBefore(
      infoflyt.registeredOn,
      infoflyt.requestSentOn,
      'infoflyt.registeredOn',
      'error.registered_before_request',
    );
}

export function assertContactCoherent(entry: NewContactEntry): void {
  assertNotBefore(entry.until, entry.since, 'until', 'error.end_before_start');
}

/** Content of a document, as it comes in; `today` is the vault's day (observations are not made ahead). */
export function assertContentCoherent<K extends DocumentKind>(
  kind: K,
  content: DocumentContent<K>,
  today: IsoDate,
): void {
  const value = content as DocumentContent<DocumentKind>;
  if (kind === 'observation' && 'observedAt' in value && value.observedAt !== undefined)
    assertHappened(localDayOf(value.observedAt), today, 'content.observedAt');
  if (kind === 'meeting' && 'actions' in value)
    assertUnique(value.actions, (action) => action.id, 'content.actions', 'id');
  if (kind !== 'mentor_course' || !('variant' in value)) return;
  assertUnique(value.mentors, (mentor) => mentor.mentorId, 'content.mentors', 'mentorId');
  if (value.variant === 'DK')
    assertNotBefore(value.endDate, value.startDate, 'content.endDate', 'error.end_before_start');
  else assertNotBefore(value.end.endDate, value.startDate, 'content.end.endDate', 'error.end_before_start');
}
