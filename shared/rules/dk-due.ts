import type { DkMentorCourseContent, IsoDate } from '../domain';
import { addDays, addMonths, compareDates } from '../domain';
import { CITATIONS } from './citations';
import type { Citation } from './finding';
import { dueStatus, type DueItem, type DueKind } from './due-items';

/** One recurring duty of a DK course: every `months` months from the start, met by dated records. */
export interface Recurrence {
  readonly kind: DueKind;
  readonly months: number;
  readonly citation: Citation;
  readonly messageKey: string;
}

function recurrence(kind: DueKind, months: number, citation: Citation, messageKey: string): Recurrence {
  return { kind, months, citation, messageKey };
}

export const MONTHLY_REPORT = recurrence('dk_monthly_report', 1, CITATIONS.dk17_1_1, 'rules.dk.due.monthlyReport');
export const QUARTERLY_REPORT = recurrence(
  'dk_quarterly_report',
  3,
  CITATIONS.dk17_1_2,
  'rules.dk.due.quarterlyReport',
);
export const QUARTERLY_MEETING = recurrence(
  'dk_quarterly_meeting',
  3,
  CITATIONS.dk13_3,
  'rules.dk.due.quarterlyMeeting',
);

/** Guards against a mistyped start date centuries back; 100 years of monthly periods. */
const MAX_PERIODS = 1200;

/**
 * The record that settles each period of a recurrence, asked for periods 1, 2, … in order. Records are
 * matched in date order: each period takes the first unused record dated on or after the start of the
 * period, so a late record still settles the period it was late for. The one matching of records to
 * periods, for the duties themselves and for the quarterly status that prepares a quarter's meeting.
 */
function periodMatcher(start: IsoDate, months: number, records: readonly IsoDate[]) {
  const pool = [...records].sort(compareDates);
  return (n: number): IsoDate | undefined => {
    const periodStart = addMonths(start, (n - 1) * months);
    const match = pool.findIndex((date) => compareDates(date, periodStart) >= 0);
    return match >= 0 ? pool.splice(match, 1)[0] : undefined;
  };
}

/**
 * Outstanding periods of one recurrence. Period n ends on start + n × months (its due date); its record
 * is found by periodMatcher. Lists every unmet period up to today and the next one ahead; nothing after
 * the course's end date. `prepares`: the meeting an item prepares (the quarterly status), due the day
 * before it, and not due at all for a meeting the course ends before (audit 8).
 */
function outstanding(
  rec: Recurrence,
  start: IsoDate,
  records: readonly IsoDate[],
  today: IsoDate,
  end?: IsoDate,
  prepares?: (n: number, periodEnd: IsoDate) => IsoDate,
  named: { messageKey: string; params: Record<string, string> } = { messageKey: rec.messageKey, params: {} },
): DueItem[] {
  const settling = periodMatcher(start, rec.months, records);
  const items: DueItem[] = [];
  for (let n = 1; n <= MAX_PERIODS; n++) {
    const periodEnd = addMonths(start, n * rec.months);
    const meeting = prepares?.(n, periodEnd);
    const dueDate = meeting === undefined ? periodEnd : addDays(meeting, -1);
    if (end && compareDates(meeting ?? dueDate, end) > 0) break;
    if (settling(n) === undefined) {
      const status = dueStatus(dueDate, today);
      items.push({
        kind: rec.kind,
        dueDate,
        status,
        citation: rec.citation,
        messageKey: named.messageKey,
        params: { ...named.params, period: n },
        period: n,
      });
    }
    // Both: a status for a late meeting planned ahead is due after its period's end, and the period
    // after it is still listed once that end has passed.
    if (compareDates(dueDate, today) > 0 && compareDates(periodEnd, today) > 0) break;
  }
  return items;
}

/**
 * DK § 17, stk. 1, nr. 2: the quarterly status comes "som oplæg til samtalen" at the § 13, stk. 3
 * meeting, so it is due the day before that meeting: the quarter's meeting, paired with its quarter as
 * the meeting duty pairs it (a meeting held late belongs to the quarter it was late for), or, while
 * none is held, the day before the quarter's meeting is due. Pairing them otherwise let one late meeting
 * set every later status a quarter early, overdue for good.
 */
function quarterMeeting(start: IsoDate, meetingsHeld: readonly IsoDate[]) {
  const meetingOf = periodMatcher(start, QUARTERLY_MEETING.months, meetingsHeld);
  // Called for n = 1, 2, … in order, as periodMatcher asks.
  return (n: number, periodEnd: IsoDate): IsoDate => meetingOf(n) ?? periodEnd;
}

/**
 * DK § 13, stk. 4: "Det påhviler den ... udpegede ansvarlige for mentorforløbet at sikre, at mødet
 * afholdes" — the meeting item names the responsible person once one is recorded (a staff member).
 */
function meetingNamed(course: DkMentorCourseContent): { messageKey: string; params: Record<string, string> } {
  const responsible = course.responsiblePerson.trim();
  return responsible
    ? { messageKey: 'rules.dk.due.quarterlyMeetingResponsible', params: { responsible } }
    : { messageKey: QUARTERLY_MEETING.messageKey, params: {} };
}

/**
 * DK § 17, stk. 1 (monthly reports, and a short status every third month) and § 13, stk. 3 (meetings
 * every third month), counted from the course's start date. A course without a start date has nothing due.
 * A report or meeting dated after today settles nothing yet: a report typed in as received at the end
 * of the month, or a meeting entered before it is held, would otherwise hide one that is missing now.
 * A meeting planned ahead still says when the quarter's status is needed: the day before it.
 */
export function dkCourseDueItems(course: DkMentorCourseContent, today: IsoDate): DueItem[] {
  const start = course.startDate;
  if (!start) return [];
  const end = course.endDate;
  const byToday = (date: IsoDate) => compareDates(date, today) <= 0;
  const reports = (period: 'monthly' | 'quarterly') =>
    course.mentorReports.filter((r) => r.period === period && byToday(r.receivedOn)).map((r) => r.receivedOn);
  const meetingsHeld = course.meetingsHeld.filter(byToday);
  return [
    ...outstanding(MONTHLY_REPORT, start, reports('monthly'), today, end),
    ...outstanding(
      QUARTERLY_REPORT,
      start,
      reports('quarterly'),
      today,
      end,
      quarterMeeting(start, course.meetingsHeld),
    ),
    ...outstanding(QUARTERLY_MEETING, start, meetingsHeld, today, end, undefined, meetingNamed(course)),
  ].sort((a, b) => compareDates(a.dueDate, b.dueDate));
}
