import type { DocumentContent, DocumentKind, IsoDate, NewCase } from '../../shared/domain';
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

export function assertCaseCoherent(value: NewCase): void {
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

/** Content of a document, as it comes in (`prefix` names it in the fields of a refusal). */
export function assertContentCoherent<K extends DocumentKind>(kind: K, content: DocumentContent<K>): void {
  const value = content as DocumentContent<DocumentKind>;
  if (kind === 'meeting' && 'actions' in value)
    assertUnique(value.actions, (action) => action.id, 'content.actions', 'id');
  if (kind !== 'mentor_course' || !('variant' in value)) return;
  assertUnique(value.mentors, (mentor) => mentor.mentorId, 'content.mentors', 'mentorId');
  if (value.variant === 'DK')
    assertNotBefore(value.endDate, value.startDate, 'content.endDate', 'error.end_before_start');
  else assertNotBefore(value.end.endDate, value.startDate, 'content.end.endDate', 'error.end_before_start');
}
