import type { Profile } from '../domain/profile';
import type { IsoDate } from '../domain/common';
import type { Finding, LocalPracticeCitation } from './finding';

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

/** The retention kinds a case's records fall under: every case, and a mentor course if it holds one. */
export function retentionKindsOf(documentKinds: readonly string[]): RetentionKind[] {
  return documentKinds.includes('mentor_course') ? ['case', 'mentor_course'] : ['case'];
}

/** A case is kept until the longest period of the kinds it holds has run out: nothing goes early. */
export function longestPeriod(
  profile: Profile,
  kinds: readonly RetentionKind[],
  settings: RetentionSettings = {},
): RetentionPeriod {
  return kinds
    .map((kind) => retentionPeriod(profile, kind, settings))
    .reduce(
      // Stryker disable next-line EqualityOperator: two kinds kept equally long have the same period and citation, so either one is the answer
      (longest, period) => (period.years > longest.years ? period : longest),
      retentionPeriod(profile, 'case', settings),
    );
}

/** `date` plus whole years; 29 February falls back to 28 February in a year without it. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(m)}-${pad(Math.min(d, last))}`;
}

export const RETENTION_RULE_ID = 'retention.due';

export interface RetentionInput {
  profile: Profile;
  kind: RetentionKind;
  /** When the case was closed (retention starts); null while it is open. */
  closedOn: IsoDate | null;
  today: IsoDate;
  settings?: RetentionSettings;
  /** Further kinds the case holds (retentionKindsOf): the longest period of all of them applies. */
  holds?: readonly RetentionKind[];
}

/**
 * The finding that a closed case's retention period has run out (from its due date on), else null.
 * An open case is never due. Params hold dates and years only.
 */
export function retentionFinding(input: RetentionInput): Finding | null {
  if (input.closedOn === null) return null;
  const period = longestPeriod(input.profile, [input.kind, ...(input.holds ?? [])], input.settings);
  const dueOn = addYears(input.closedOn, period.years);
  if (input.today < dueOn) return null;
  return {
    ruleId: RETENTION_RULE_ID,
    severity: 'warning',
    messageKey: 'purge.retention.due',
    params: { closedOn: input.closedOn, dueOn, years: period.years },
    citation: period.citation,
  };
}

/**
 * When a case was closed. A case is closed when its status is `loslatt` (released, the course over).
 * Marked so in Bro, it records that day (`closedOn`), and retention starts then, or on the release date
 * recorded on the case if that is later and has passed: a person released on parole years ago and marked
 * released today was followed up until today. A case that came in already closed has no such day: its
 * retention starts on the release date if that has passed, else on the day the case was last saved,
 * which for a released case is when it was marked released or later (so never too early).
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
}): IsoDate | null {
  const closed = closedWhileLive(input);
  if (!input.deletedOn) return closed;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: null < a date is false as the guard is, and on the same day either is the day
  return closed !== null && closed < input.deletedOn ? closed : input.deletedOn;
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
