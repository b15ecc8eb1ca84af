import type { IsoDate } from '../domain';
import { addDays, addMonths, compareDates } from '../domain';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem } from './due-items';

/**
 * NO pkt 13.4 and 13.7 on the due list, for a running NO mentor course (KDI offered it, it has
 * started and not ended). Neither point gives a figure, so both due dates are Bro's practice and
 * carry a local-practice citation with the reason (citations.ts).
 */

export const COOPERATION_MEETING_DUE = {
  messageKey: 'rules.no.due.cooperationMeeting',
  citation: CITATIONS.localCooperationInterval,
} as const;
export const MUNICIPALITY_CONTACT_DUE = {
  messageKey: 'rules.no.due.municipalityContact',
  citation: CITATIONS.localMunicipalityLead,
} as const;

/** Bro's practice for "underveis" (13.4): a cooperation meeting at least every third month. */
export const COOPERATION_MEETING_MONTHS = 3;
/** Bro's practice for 13.7: the municipality is contacted this many days before release, by default. */
export const MUNICIPALITY_CONTACT_LEAD_DAYS = 30;

/** What a NO course's due items need: its KDI decision, dates and records. */
export interface NoCourseDueFacts {
  readonly outcome?: string;
  readonly startDate?: IsoDate;
  readonly endDate?: IsoDate;
  readonly cooperationMeetings: readonly IsoDate[];
  readonly municipalityContactedOn?: IsoDate;
}

/**
 * Offered by KDI, started and not ended by `today` (the course 13.4 calls "underveis"): an end date
 * KDI records ahead of time ends it only when that day has passed.
 */
export function isRunningNoCourse(
  course: Pick<NoCourseDueFacts, 'outcome' | 'startDate' | 'endDate'>,
  today: IsoDate,
): course is NoCourseDueFacts & { startDate: IsoDate } {
  return (
    course.outcome === 'offered' &&
    course.startDate !== undefined &&
    (course.endDate === undefined || compareDates(course.endDate, today) >= 0)
  );
}

/**
 * The latest cooperation meeting held by `today` (or the start): a meeting entered ahead of its day
 * has not been held, and must not settle the one that is due.
 */
export function lastCooperationMeeting(start: IsoDate, meetings: readonly IsoDate[], today: IsoDate): IsoDate {
  return [start, ...meetings.filter((date) => compareDates(date, today) <= 0)].sort(compareDates).at(-1) ?? start;
}

/** The day the next cooperation meeting is due, or null when the course ends before it. */
export function nextCooperationMeeting(
  course: NoCourseDueFacts & { startDate: IsoDate },
  today: IsoDate,
): { last: IsoDate; dueDate: IsoDate } | null {
  const last = lastCooperationMeeting(course.startDate, course.cooperationMeetings, today);
  const dueDate = addMonths(last, COOPERATION_MEETING_MONTHS);
  return course.endDate !== undefined && compareDates(dueDate, course.endDate) > 0 ? null : { last, dueDate };
}

function item(
  kind: 'no_cooperation_meeting' | 'no_municipality_contact',
  dueDate: IsoDate,
  today: IsoDate,
  what: { messageKey: string; citation: DueItem['citation'] },
  params: DueItem['params'],
): DueItem {
  return { kind, dueDate, status: dueStatus(dueDate, today), ...what, params };
}

/**
 * NO 13.4 "Underveis i mentorforløpet skal det gjennomføres samarbeidsmøter mellom KDI og enheten":
 * the next meeting is due three months after the latest one held (or the start), unless the course
 * ends first. NO 13.7 "Som en del av
 * planlegging av løslatelsen ... må ansvarlig kommune kontaktes": once the case has an expected
 * release date, the contact is due `leadDays` before it until a contact date is recorded.
 */
export function noCourseDueItems(
  course: NoCourseDueFacts,
  today: IsoDate,
  release?: IsoDate,
  leadDays = MUNICIPALITY_CONTACT_LEAD_DAYS,
): DueItem[] {
  if (!isRunningNoCourse(course, today)) return [];
  const next = nextCooperationMeeting(course, today);
  const items = next
    ? [item('no_cooperation_meeting', next.dueDate, today, COOPERATION_MEETING_DUE, { lastMeeting: next.last })]
    : [];
  if (release && !course.municipalityContactedOn)
    items.push(
      item('no_municipality_contact', addDays(release, -leadDays), today, MUNICIPALITY_CONTACT_DUE, {
        releaseDate: release,
      }),
    );
  return items.sort((a, b) => compareDates(a.dueDate, b.dueDate));
}
