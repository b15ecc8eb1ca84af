import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent } from '../../../shared/domain';
import type { DueListItem } from '../../../shared/ipc/due';
import { CITATIONS } from '../../../shared/rules/citations';
import { newDkMentorCourseDraft } from '../../../shared/templates/drafts';
import { courseTimeline } from './timeline';

const COURSE_ID = '2f1d8e0a-7c55-4a49-9d2e-0d7f4f0b6a11';

const course: DkMentorCourseContent = {
  ...newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' }),
  startDate: '2026-01-10',
  meetingsHeld: ['2026-04-08'],
  mentorReports: [{ receivedOn: '2026-02-09', period: 'monthly', form: 'written' }],
};

function dueItem(overrides: Partial<DueListItem>): DueListItem {
  return {
    kind: 'dk_monthly_report',
    dueDate: '2026-03-10',
    status: 'overdue',
    citation: CITATIONS.dk17_1_1,
    messageKey: 'rules.dk.due.monthlyReport',
    params: { period: 2 },
    period: 2,
    caseId: '6c3c6a2e-1f0e-4a55-8f8e-2b9f1d7d3e21',
    caseReference: 'KS-0001',
    documentId: COURSE_ID,
    ...overrides,
  };
}

describe('a mentor course timeline', () => {
  it('lists the start, reports and meetings held, and what is overdue, in date order', () => {
    const entries = courseTimeline(COURSE_ID, course, [
      dueItem({}),
      dueItem({
        kind: 'dk_quarterly_meeting',
        dueDate: '2026-07-10',
        status: 'upcoming',
        messageKey: 'rules.dk.due.quarterlyMeeting',
      }),
    ]);
    expect(entries.map((e) => [e.date, e.state, e.messageKey])).toEqual([
      ['2026-01-10', 'done', 'mentors.timeline.start'],
      ['2026-02-09', 'done', 'mentors.timeline.monthlyReport'],
      ['2026-03-10', 'overdue', 'rules.dk.due.monthlyReport'],
      ['2026-04-08', 'done', 'mentors.timeline.meeting'],
      ['2026-07-10', 'upcoming', 'rules.dk.due.quarterlyMeeting'],
    ]);
    expect(entries[2]?.citation?.text).toBe(CITATIONS.dk17_1_1.text);
  });

  it('leaves out what is due in other courses', () => {
    const entries = courseTimeline(COURSE_ID, course, [
      dueItem({ documentId: '0b0b0b0b-7c55-4a49-9d2e-0d7f4f0b6a11' }),
    ]);
    expect(entries.every((e) => e.state === 'done')).toBe(true);
  });
});
