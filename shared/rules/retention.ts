import type { Profile } from '../domain/profile';
import type { IsoDate } from '../domain/common';
import { earlierDate } from '../domain/iso-date';
import type { LocalPracticeCitation } from './finding';

/**
 * How long a closed case is kept before it is due for purge, per profile and kind of record.
 * Neither the Norwegian guideline (11.12.2018) nor the Danish circular (2024) gives a figure: the
 * default is Bro's local practice, labelled as such (the reason is in the purge catalog), and an
 * organisation sets its own period in its settings.
 */
export type RetentionKind = 'case' | 'mentor_course';

export interface RetentionPeriod {
  years: number;
  citation: LocalPracticeCitation;
}

/** Bro's practice, not a text's figure: `reading` names what it reads, never a provision's number. */
const RETENTION_CITATION: LocalPracticeCitation = {
  source: 'local',
  id: 'retentionPeriod',
  text: 'Bro',
  localPractice: { reasonKey: 'purge.local.retentionPeriod' },
};

/** The defaults: five years after closing, for both profiles and both kinds (local practice). */
export const DEFAULT_RETENTION: Readonly<Record<Profile, Readonly<Record<RetentionKind, RetentionPeriod>>>> = {
  NO: {
    case: { years: 5, citation: RETENTION_CITATION },
    mentor_course: { years: 5, citation: RETENTION_CITATION },
  },
  DK: {
    case: { years: 5, citation: RETENTION_CITATION },
    mentor_course: { years: 5, citation: RETENTION_CITATION },
  },
};

/** An organisation's own periods (whole years), overriding the defaults per kind. */
export type RetentionSettings = Partial<Record<RetentionKind, number>>;

export function retentionPeriod(
  profile: Profile,
  kind: RetentionKind,
  settings: RetentionSettings = {},
): RetentionPeriod {
  const fallback = DEFAULT_RETENTION[profile][kind];
  const years = settings[kind];
  // Stryker disable next-line ConditionalExpression: Number.isInteger(undefined) is false, as the guard is (the guard narrows the type)
  return years !== undefined && Number.isInteger(years) && years >= 0 ? { ...fallback, years } : fallback;
}

/** `date` plus whole years; 29 February falls back to 28 February in a year without it. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(m)}-${pad(Math.min(d, last))}`;
}

/**
 * A mentor course as a case's retention reads it (deleted courses included: they stay in the file until
 * the purge). `variant` is the course's profile, NO or DK.
 */
export interface CourseSpan {
  variant: string;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  deletedOn: IsoDate | null;
}

/**
 * Where the retention of a case's mentor-course records starts: the end of its last course, or the
 * case's closing if that is later; 'running' while a course goes on. A DK course goes on after release
 * (DK § 3, stk. 2; § 4, stk. 2): started and not ended, it holds the case (its § 13 and § 17 items stay
 * on the due list meanwhile). A course with an end date still to come has not ended. A NO course is
 * handed over before release (NO pkt 13.7): with no end recorded it counts from the case's closing.
 * A deleted course went on no longer than its deletion; deleting one that had ended changes nothing.
 */
export function courseRetentionFrom(
  closedOn: IsoDate,
  courses: readonly CourseSpan[],
  today: IsoDate,
): IsoDate | 'running' {
  let from = closedOn;
  for (const course of courses) {
    const runsOn =
      course.endDate === null
        ? course.variant === 'DK' && course.startDate !== null && course.startDate <= today
        : course.endDate > today;
    // A course that goes on is ended by its deletion, at the latest; one that ended, by its end date.
    const end = runsOn
      ? course.deletedOn
      : course.deletedOn !== null && course.endDate !== null && course.deletedOn < course.endDate
        ? course.deletedOn
        : course.endDate;
    if (end === null) {
      if (runsOn) return 'running';
    } else if (end > from) from = end;
  }
  return from;
}

/**
 * When a closed case's retention runs out: its case records a period after closing (`closedOn`), its
 * mentor-course records a period after the courses ended (courseRetentionFrom), whichever runs out
 * later; nothing goes early. `period` is the one that decides (the case's on a tie). `dueOn` is null
 * while a mentor course runs; the whole answer is null while the case is open.
 */
export function retentionDue(input: {
  profile: Profile;
  closedOn: IsoDate | null;
  courses: readonly CourseSpan[];
  today: IsoDate;
  settings?: RetentionSettings;
}): { closedOn: IsoDate; period: RetentionPeriod; dueOn: IsoDate | null } | null {
  const { closedOn } = input;
  if (closedOn === null) return null;
  const casePeriod = retentionPeriod(input.profile, 'case', input.settings);
  const caseDue = addYears(closedOn, casePeriod.years);
  if (input.courses.length === 0) return { closedOn, period: casePeriod, dueOn: caseDue };
  const coursePeriod = retentionPeriod(input.profile, 'mentor_course', input.settings);
  const from = courseRetentionFrom(closedOn, input.courses, input.today);
  if (from === 'running') return { closedOn, period: coursePeriod, dueOn: null };
  const courseDue = addYears(from, coursePeriod.years);
  return courseDue > caseDue
    ? { closedOn, period: coursePeriod, dueOn: courseDue }
    : { closedOn, period: casePeriod, dueOn: caseDue };
}

/**
 * When a case was closed. A case is closed when its status is `loslatt` (released, the course over).
 * Marked so in Bro, it records that day (`closedOn`), and retention starts then, or on the release date
 * recorded on the case if that is later and has passed: a person released on parole years ago and marked
 * released today was followed up until today. A case that came in already closed has no such day: its
 * retention starts on the release date if that has passed, else on the day the case was last saved,
 * which for a released case is when it was marked released or later (so never too early).
 * A case transferred out (`transferredOn`, the planned day of a transfer whose handover package was
 * made for the receiving unit) is closed on that day once it has passed, or earlier by the rules above.
 * A deleted case (`deletedOn`) was followed up no longer: it is closed on the day it was deleted, or on
 * its closing day by the rules above if that came first. Deleting never starts the period again, and a
 * deleted case is never kept for ever (it leaves the lists, not the file, until it is purged).
 */
export function caseClosedOn(input: {
  status: string;
  expectedRelease: IsoDate | null;
  updatedOn: IsoDate;
  today: IsoDate;
  closedOn?: IsoDate | null;
  deletedOn?: IsoDate | null;
  transferredOn?: IsoDate | null;
}): IsoDate | null {
  const closed = earlierDate(closedWhileLive(input), transferredBy(input.transferredOn, input.today));
  return earlierDate(closed, input.deletedOn) ?? null;
}

/**
 * A case transferred to another unit (NO pkt 8), its information passed on there, is followed up here
 * no longer once the planned day has passed: the sending unit's case is closed on that day. Neither text
 * gives a retention period; kept for ever without a word it was not (audit 7).
 */
function transferredBy(transferredOn: IsoDate | null | undefined, today: IsoDate): IsoDate | null {
  return transferredOn && transferredOn <= today ? transferredOn : null;
}

function closedWhileLive(input: {
  status: string;
  expectedRelease: IsoDate | null;
  updatedOn: IsoDate;
  today: IsoDate;
  closedOn?: IsoDate | null;
}): IsoDate | null {
  if (input.status !== 'loslatt') return null;
  const released =
    // Stryker disable next-line ConditionalExpression: null <= a date string is false, as the guard is
    input.expectedRelease !== null && input.expectedRelease <= input.today ? input.expectedRelease : null;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: null > a date is false as the guard is, and on the same day either is the day
  if (input.closedOn) return released !== null && released > input.closedOn ? released : input.closedOn;
  return released ?? input.updatedOn;
}
