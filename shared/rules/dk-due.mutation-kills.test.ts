// Issue 17: with `>= 0` turned into `> 0` in dk-due.ts a report received on the first day of its
// period no longer settled it, and the course showed a false "overdue".
import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, DkMentorReport } from '../domain';
import type { DueKind } from './due-items';
import { addDays } from '../domain';
import { dkCourseDueItems } from './dk-due';
import { eligibleDkCourse } from './test-fixtures';

const monthly = (receivedOn: string): DkMentorReport => ({ receivedOn, period: 'monthly', form: 'written' });

describe('DK § 17, stk. 1: a record dated on the first day of its period', () => {
  // The fixture course starts 2025-02-01: period 1 runs from 2025-02-01, due 2025-03-01.
  it('settles the period, so no false overdue report is shown', () => {
    const course = eligibleDkCourse({ mentorReports: [monthly('2025-02-01')] });
    const items = dkCourseDueItems(course, '2025-03-05').filter((i) => i.kind === 'dk_monthly_report');
    expect(items.map((i) => [i.period, i.status])).toEqual([[2, 'upcoming']]);
  });

  it('settles a later period when received on the day that period starts', () => {
    const course = eligibleDkCourse({ mentorReports: [monthly('2025-02-10'), monthly('2025-03-01')] });
    const items = dkCourseDueItems(course, '2025-04-02').filter((i) => i.kind === 'dk_monthly_report');
    expect(items.map((i) => [i.period, i.status])).toEqual([[3, 'upcoming']]);
  });

  it('settles a quarterly meeting held on the course start day', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-02-01'] });
    const items = dkCourseDueItems(course, '2025-05-02').filter((i) => i.kind === 'dk_quarterly_meeting');
    expect(items.map((i) => [i.period, i.status])).toEqual([[2, 'upcoming']]);
  });
});

const quarterly = (receivedOn: string): DkMentorReport => ({ receivedOn, period: 'quarterly', form: 'written' });
const periods = (course: DkMentorCourseContent, today: string, kind: DueKind) =>
  dkCourseDueItems(course, today)
    .filter((i) => i.kind === kind)
    .map((i) => [i.period, i.dueDate, i.status]);

// The fixture course starts 2025-02-01: quarter 1 ends 2025-05-01, quarter 2 on 2025-08-01.
describe('DK § 17, stk. 1 and § 13, stk. 3: which record settles which period', () => {
  it('matches reports in date order whatever order they were entered in', () => {
    const course = eligibleDkCourse({ mentorReports: [monthly('2025-03-05'), monthly('2025-02-10')] });
    expect(periods(course, '2025-04-05', 'dk_monthly_report')).toEqual([[3, '2025-05-01', 'upcoming']]);
  });

  it('does not let a second report in the same month settle the next month', () => {
    const course = eligibleDkCourse({ mentorReports: [monthly('2025-02-10'), monthly('2025-02-20')] });
    expect(periods(course, '2025-03-20', 'dk_monthly_report')).toEqual([[2, '2025-04-01', 'upcoming']]);
  });

  it('does not let a second meeting in the first quarter settle the second quarter', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-02-10', '2025-03-15'] });
    expect(periods(course, '2025-05-20', 'dk_quarterly_meeting')).toEqual([[2, '2025-08-01', 'upcoming']]);
  });

  it('still lists a period whose due date is the course end date, and none after it', () => {
    const course = eligibleDkCourse({ endDate: '2025-04-01' });
    expect(periods(course, '2025-04-10', 'dk_monthly_report')).toEqual([
      [1, '2025-03-01', 'overdue'],
      [2, '2025-04-01', 'overdue'],
    ]);
  });

  it('counts at most 100 years of monthly periods from a start date mistyped a century back', () => {
    const course = eligibleDkCourse({ startDate: '1925-01-01' });
    const items = periods(course, '2030-01-01', 'dk_monthly_report');
    expect(items).toHaveLength(1200);
    expect(items.at(-1)).toEqual([1200, '2025-01-01', 'overdue']);
  });
});

describe('DK § 17, stk. 1, nr. 2: the quarterly status is due the day before the meeting it prepares', () => {
  it('finds each quarter its meeting whatever order the meetings were entered in', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-07-15', '2025-03-10'] });
    expect(periods(course, '2025-08-20', 'dk_quarterly_report')).toEqual([
      [1, '2025-03-09', 'overdue'],
      [2, '2025-07-14', 'overdue'],
      [3, '2025-10-31', 'upcoming'],
    ]);
  });

  it('does not take a second meeting of the first quarter as the second quarter’s meeting', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-02-10', '2025-03-15'] });
    expect(periods(course, '2025-05-20', 'dk_quarterly_report')).toEqual([
      [1, '2025-02-09', 'overdue'],
      [2, '2025-07-31', 'upcoming'],
    ]);
  });

  it('takes a meeting held on the first day of a quarter as that quarter’s meeting', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-02-10', '2025-05-01'] });
    expect(periods(course, '2025-06-01', 'dk_quarterly_report')).toEqual([
      [1, '2025-02-09', 'overdue'],
      [2, '2025-04-30', 'overdue'],
      [3, '2025-10-31', 'upcoming'],
    ]);
  });

  it('takes a meeting held on the quarter’s last day for that quarter, not the next', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-05-01'] });
    expect(periods(course, '2025-05-15', 'dk_quarterly_report')).toEqual([
      [1, '2025-04-30', 'overdue'],
      [2, '2025-07-31', 'upcoming'],
    ]);
  });

  it('pairs a meeting held late with the quarter it was late for, as the meeting duty does', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-06-15'] });
    // The meeting settles quarter 1 (held late), so quarter 2's meeting is the one due on 1 August.
    expect(periods(course, '2025-06-20', 'dk_quarterly_meeting')).toEqual([[2, '2025-08-01', 'upcoming']]);
    expect(periods(course, '2025-06-20', 'dk_quarterly_report')).toEqual([
      [1, '2025-06-14', 'overdue'],
      [2, '2025-07-31', 'upcoming'],
    ]);
  });

  it('never lets one late meeting make every later status overdue', () => {
    // Quarter 1's meeting is held nine days late, every later one on time, and the mentor sends the
    // status the day before each meeting: nothing is ever overdue. Before, each status counted as the
    // next quarter's, due a quarter early, and showed as overdue at every later meeting.
    const held = ['2025-05-10', '2025-08-01', '2025-11-01', '2026-02-01'];
    const sent = ['2025-05-09', '2025-07-31', '2025-10-31', '2026-01-31'];
    for (const today of ['2025-05-20', '2025-08-05', '2025-11-05', '2026-02-05']) {
      const course = eligibleDkCourse({
        meetingsHeld: held.filter((date) => date <= today),
        mentorReports: sent.filter((date) => date <= today).map(quarterly),
      });
      const due = dkCourseDueItems(course, today).filter((i) => i.kind !== 'dk_monthly_report');
      expect(
        due.filter((i) => i.status !== 'upcoming'),
        today,
      ).toEqual([]);
      // The next status is due the day before the next meeting is.
      const [meeting] = due.filter((i) => i.kind === 'dk_quarterly_meeting');
      const [report] = due.filter((i) => i.kind === 'dk_quarterly_report');
      expect(report?.dueDate, today).toBe(addDays(meeting!.dueDate, -1));
    }
  });

  it('lets a meeting or report dated after today settle nothing yet', () => {
    // A meeting entered before it is held (15 June) does not settle quarter 1 on 20 May, though it says
    // when quarter 1's status is needed; quarter 2 is listed too, its end still ahead.
    const ahead = eligibleDkCourse({ meetingsHeld: ['2025-06-15'] });
    expect(periods(ahead, '2025-05-20', 'dk_quarterly_meeting')).toEqual([
      [1, '2025-05-01', 'overdue'],
      [2, '2025-08-01', 'upcoming'],
    ]);
    expect(periods(ahead, '2025-05-20', 'dk_quarterly_report')).toEqual([
      [1, '2025-06-14', 'upcoming'],
      [2, '2025-07-31', 'upcoming'],
    ]);
    expect(periods(ahead, '2025-05-01', 'dk_quarterly_report')).toEqual([
      [1, '2025-06-14', 'upcoming'],
      [2, '2025-07-31', 'upcoming'],
    ]);
    expect(periods(ahead, '2025-06-15', 'dk_quarterly_meeting')).toEqual([[2, '2025-08-01', 'upcoming']]);
    // A monthly report typed in on 5 April as received on 30 April hides no missing month before then.
    const typedAhead = eligibleDkCourse({
      mentorReports: [monthly('2025-02-20'), monthly('2025-04-30')],
    });
    expect(periods(typedAhead, '2025-04-05', 'dk_monthly_report')).toEqual([
      [2, '2025-04-01', 'overdue'],
      [3, '2025-05-01', 'upcoming'],
    ]);
    expect(periods(typedAhead, '2025-04-30', 'dk_monthly_report')).toEqual([[3, '2025-05-01', 'upcoming']]);
  });

  it('settles a quarter with a quarterly status received in it', () => {
    const course = eligibleDkCourse({ mentorReports: [quarterly('2025-04-20')] });
    expect(periods(course, '2025-05-15', 'dk_quarterly_report')).toEqual([[2, '2025-07-31', 'upcoming']]);
  });
});
