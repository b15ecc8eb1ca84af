// Issue 17: with `>= 0` turned into `> 0` in dk-due.ts a report received on the first day of its
// period no longer settled it, and the course showed a false "overdue".
import { describe, expect, it } from 'vitest';
import type { DkMentorReport } from '../domain';
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
