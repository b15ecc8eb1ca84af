import type { IsoDate, MentorCourseContent } from '../../../shared/domain';
import { compareDates } from '../../../shared/domain/iso-date';
import type { DueListItem } from '../../../shared/ipc/due';
import type { Citation } from '../../../shared/rules/finding';

export type TimelineState = 'done' | 'due' | 'overdue' | 'upcoming';

/** One dated point in a mentor course: something that happened, or something due. */
export interface TimelineEntry {
  date: IsoDate;
  state: TimelineState;
  messageKey: string;
  params: Record<string, string | number | boolean>;
  citation?: Citation;
}

/** Message keys of the events a course records, as literals for the i18n check. */
export const EVENT_KEY = {
  start: 'mentors.timeline.start',
  end: 'mentors.timeline.end',
  meeting: 'mentors.timeline.meeting',
  monthlyReport: 'mentors.timeline.monthlyReport',
  quarterlyReport: 'mentors.timeline.quarterlyReport',
  cooperationMeeting: 'mentors.timeline.cooperationMeeting',
  preliminaryTalk: 'mentors.timeline.preliminaryTalk',
} as const;

function done(date: IsoDate, messageKey: string): TimelineEntry {
  return { date, state: 'done', messageKey, params: {} };
}

function recorded(content: MentorCourseContent): TimelineEntry[] {
  if (content.variant === 'DK') {
    return [
      ...(content.startDate ? [done(content.startDate, EVENT_KEY.start)] : []),
      ...content.meetingsHeld.map((date) => done(date, EVENT_KEY.meeting)),
      ...content.mentorReports.map((r) =>
        done(r.receivedOn, r.period === 'monthly' ? EVENT_KEY.monthlyReport : EVENT_KEY.quarterlyReport),
      ),
      ...(content.endDate ? [done(content.endDate, EVENT_KEY.end)] : []),
    ];
  }
  return [
    ...content.preliminaryTalks.map((talk) => done(talk.date, EVENT_KEY.preliminaryTalk)),
    ...(content.startDate ? [done(content.startDate, EVENT_KEY.start)] : []),
    ...content.cooperationMeetings.map((meeting) => done(meeting.date, EVENT_KEY.cooperationMeeting)),
    ...(content.end.endDate ? [done(content.end.endDate, EVENT_KEY.end)] : []),
  ];
}

/**
 * A course's timeline: what was held and received, and what the due list says is outstanding (DK § 13,
 * stk. 3 and § 17), in date order. On the same day, what happened comes before what is due.
 */
export function courseTimeline(
  courseId: string,
  content: MentorCourseContent,
  due: readonly DueListItem[],
): TimelineEntry[] {
  const outstanding = due
    .filter((item) => item.documentId === courseId)
    .map((item): TimelineEntry => ({
      date: item.dueDate,
      state: item.status,
      messageKey: item.messageKey,
      params: item.params,
      citation: item.citation,
    }));
  const rank = (entry: TimelineEntry) => (entry.state === 'done' ? 0 : 1);
  return [...recorded(content), ...outstanding].sort((a, b) => compareDates(a.date, b.date) || rank(a) - rank(b));
}
