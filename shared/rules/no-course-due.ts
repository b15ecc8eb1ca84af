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

/** Offered by KDI, started and not ended (the course 13.4 calls "underveis"). */
export function isRunningNoCourse(course: NoCourseDueFacts): course is NoCourseDueFacts & { startDate: IsoDate } {
  return course.outcome === 'offered' && course.startDate !== undefined && course.endDate === undefined;
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
 * the next meeting is due three months after the latest one (or the start). NO 13.7 "Som en del av
 * planlegging av løslatelsen ... må ansvarlig kommune kontaktes": once the case has an expected
 * release date, the contact is due `leadDays` before it until a contact date is recorded.
 */
export function noCourseDueItems(
  course: NoCourseDueFacts,
  today: IsoDate,
  release?: IsoDate,
  leadDays = MUNICIPALITY_CONTACT_LEAD_DAYS,
): DueItem[] {
  if (!isRunningNoCourse(course)) return [];
  const last = [course.startDate, ...course.cooperationMeetings].sort(compareDates).at(-1) ?? course.startDate;
  const items = [
    item('no_cooperation_meeting', addMonths(last, COOPERATION_MEETING_MONTHS), today, COOPERATION_MEETING_DUE, {
      lastMeeting: last,
    }),
  ];
  if (release && !course.municipalityContactedOn)
    items.push(
      item('no_municipality_contact', addDays(release, -leadDays), today, MUNICIPALITY_CONTACT_DUE, {
        releaseDate: release,
      }),
    );
  return items.sort((a, b) => compareDates(a.dueDate, b.dueDate));
}
