import { describe, expect, it } from 'vitest';
import type { DkMentorReport } from '../domain';
import { dkCourseDueItems } from './dk-due';
import { dueItemFindings } from './due-items';
import { newDkMentorCourseDraft } from '../templates/drafts';
import { eligibleDkCourse } from './test-fixtures';

const monthly = (receivedOn: string): DkMentorReport => ({ receivedOn, period: 'monthly', form: 'written' });
const quarterly = (receivedOn: string): DkMentorReport => ({ receivedOn, period: 'quarterly', form: 'phone' });

function items(kind: string, course = eligibleDkCourse(), today = '2025-03-01') {
  return dkCourseDueItems(course, today).filter((i) => i.kind === kind);
}

describe('DK § 17, stk. 1, nr. 1: monthly mentor reports', () => {
  // The fixture course starts 2025-02-01, so the first monthly report is due 2025-03-01.
  it('shows a report due exactly today as due, with the next one upcoming', () => {
    const [today, next] = items('dk_monthly_report');
    expect(next).toMatchObject({ dueDate: '2025-04-01', status: 'upcoming', period: 2 });
    expect([today]).toEqual([
      {
        kind: 'dk_monthly_report',
        dueDate: '2025-03-01',
        status: 'due',
        citation: { source: 'DK', paragraph: 17, stk: 1, nr: 1, text: 'DK § 17, stk. 1, nr. 1' },
        messageKey: 'rules.dk.due.monthlyReport',
        params: { period: 1 },
        period: 1,
      },
    ]);
  });

  it('shows a report due yesterday as overdue, and the next one as upcoming', () => {
    expect(items('dk_monthly_report', eligibleDkCourse(), '2025-03-02').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-03-01', 'overdue'],
      ['2025-04-01', 'upcoming'],
    ]);
  });

  it('settles a period with a report received in it, and a late report settles the period it was late for', () => {
    const course = eligibleDkCourse({ mentorReports: [monthly('2025-02-27'), monthly('2025-04-03')] });
    expect(items('dk_monthly_report', course, '2025-04-10').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-05-01', 'upcoming'],
    ]);
  });

  it('does not count quarterly reports as monthly ones', () => {
    const course = eligibleDkCourse({ mentorReports: [quarterly('2025-02-27')] });
    expect(items('dk_monthly_report', course).map((i) => i.status)).toEqual(['due', 'upcoming']);
  });

  it('follows month ends through February in leap and common years', () => {
    const leap = eligibleDkCourse({ startDate: '2024-01-31' });
    expect(items('dk_monthly_report', leap, '2024-03-01').map((i) => i.dueDate)).toEqual(['2024-02-29', '2024-03-31']);
    const common = eligibleDkCourse({ startDate: '2025-01-31' });
    expect(items('dk_monthly_report', common, '2025-03-01').map((i) => i.dueDate)).toEqual([
      '2025-02-28',
      '2025-03-31',
    ]);
  });

  it('lists nothing for a course without a start date, and nothing after its end', () => {
    expect(dkCourseDueItems(eligibleDkCourse({ startDate: undefined }), '2025-03-01')).toEqual([]);
    const ended = eligibleDkCourse({ endDate: '2025-03-15' });
    expect(items('dk_monthly_report', ended, '2025-06-01').map((i) => i.dueDate)).toEqual(['2025-03-01']);
  });
});

describe('DK § 13, stk. 3 and § 17, stk. 1, nr. 2: every third month', () => {
  it('expects a meeting and a short status report three months after the start', () => {
    const due = dkCourseDueItems(
      eligibleDkCourse({ mentorReports: [monthly('2025-03-01'), monthly('2025-04-01')] }),
      '2025-05-01',
    );
    const current = due.filter((i) => i.status !== 'upcoming');
    expect(current.map((i) => [i.kind, i.dueDate, i.status, i.citation.text])).toEqual([
      ['dk_quarterly_report', '2025-04-30', 'overdue', 'DK § 17, stk. 1, nr. 2'],
      ['dk_monthly_report', '2025-05-01', 'due', 'DK § 17, stk. 1, nr. 1'],
      ['dk_quarterly_meeting', '2025-05-01', 'due', 'DK § 13, stk. 3'],
    ]);
  });

  it('wants the quarterly status before the meeting it prepares ("som oplæg til samtalen")', () => {
    // The quarter's meeting was held on 20 April: the status was due the day before.
    const course = eligibleDkCourse({ meetingsHeld: ['2025-04-20'] });
    expect(items('dk_quarterly_report', course, '2025-04-19').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-04-19', 'due'],
      ['2025-07-31', 'upcoming'],
    ]);
    expect(items('dk_quarterly_report', course, '2025-04-20').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-04-19', 'overdue'],
      ['2025-07-31', 'upcoming'],
    ]);
    // Received in time: settled, and the next one is due the day before the next quarter's meeting.
    const reported = eligibleDkCourse({ meetingsHeld: ['2025-04-20'], mentorReports: [quarterly('2025-04-18')] });
    expect(items('dk_quarterly_report', reported, '2025-04-20').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-07-31', 'upcoming'],
    ]);
  });

  it('asks no status for a meeting the course ends before: there is no talk for it to prepare (audit 8)', () => {
    const ended = eligibleDkCourse({ startDate: '2025-01-01', endDate: '2025-03-31', endReason: 'agreement' });
    expect(items('dk_quarterly_meeting', ended, '2025-04-15')).toEqual([]);
    expect(items('dk_quarterly_report', ended, '2025-04-15')).toEqual([]);
    // Ending on the meeting's own day: the meeting is due, and its status the day before.
    const onTheDay = eligibleDkCourse({ startDate: '2025-01-01', endDate: '2025-04-01', endReason: 'agreement' });
    expect(items('dk_quarterly_report', onTheDay, '2025-04-15').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-03-31', 'overdue'],
    ]);
  });

  it('settles a quarter with a meeting held in it', () => {
    const course = eligibleDkCourse({ meetingsHeld: ['2025-04-28'] });
    expect(items('dk_quarterly_meeting', course, '2025-05-02').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-08-01', 'upcoming'],
    ]);
    expect(items('dk_quarterly_meeting', eligibleDkCourse(), '2025-05-02').map((i) => [i.dueDate, i.status])).toEqual([
      ['2025-05-01', 'overdue'],
      ['2025-08-01', 'upcoming'],
    ]);
  });
});

describe('due items as findings', () => {
  it('turns overdue items into warnings and due-today items into information, leaving upcoming ones out', () => {
    const findings = dueItemFindings(dkCourseDueItems(eligibleDkCourse(), '2025-05-02'));
    expect(findings.map((f) => [f.ruleId, f.severity, f.params.dueDate])).toEqual([
      ['due.dk_monthly_report', 'warning', '2025-03-01'],
      ['due.dk_monthly_report', 'warning', '2025-04-01'],
      ['due.dk_quarterly_report', 'warning', '2025-04-30'],
      ['due.dk_monthly_report', 'warning', '2025-05-01'],
      ['due.dk_quarterly_meeting', 'warning', '2025-05-01'],
    ]);
  });
});

describe('DK § 13, stk. 4: the quarterly meeting names who ensures it is held', () => {
  const start = { ...newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' }), startDate: '2025-01-01' };

  it('names the responsible person recorded on the course', () => {
    const items = dkCourseDueItems({ ...start, responsiblePerson: ' Kari Fiktiv ' }, '2025-04-02');
    const meeting = items.find((i) => i.kind === 'dk_quarterly_meeting');
    expect(meeting).toMatchObject({
      messageKey: 'rules.dk.due.quarterlyMeetingResponsible',
      params: { responsible: 'Kari Fiktiv', period: 1 },
    });
  });

  it('keeps the plain message while nobody is appointed', () => {
    const meeting = dkCourseDueItems({ ...start, responsiblePerson: '' }, '2025-04-02').find(
      (i) => i.kind === 'dk_quarterly_meeting',
    );
    expect(meeting).toMatchObject({ messageKey: 'rules.dk.due.quarterlyMeeting', params: { period: 1 } });
  });
});
