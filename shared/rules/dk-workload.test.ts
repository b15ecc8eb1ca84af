import { describe, expect, it } from 'vitest';
import { checkDkWorkload, mentorPeakHours, mentorWeeklyHours, type CourseLoad } from './dk-workload';
import { MENTOR_ID, OTHER_MENTOR_ID } from './test-fixtures';

const TODAY = '2025-03-01';
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';
const C3 = '33333333-3333-4333-8333-333333333333';

function load(courseId: string, hours: number, period: { startDate?: string; endDate?: string } = {}): CourseLoad {
  return { courseId, ...period, mentors: [{ mentorId: MENTOR_ID, agreedWeeklyHours: hours }] };
}

describe('DK § 15: a mentor works at most half time', () => {
  it('accepts 18.5 hours a week summed over courses', () => {
    expect(checkDkWorkload([MENTOR_ID], [load(C1, 10), load(C2, 8.5)], TODAY)).toEqual([]);
  });

  it('warns at 18.6 hours a week, citing § 15', () => {
    const findings = checkDkWorkload([MENTOR_ID], [load(C1, 10.1), load(C2, 8.5)], TODAY);
    expect(findings).toEqual([
      {
        ruleId: 'dk.workload.halfTime',
        severity: 'warning',
        messageKey: 'rules.dk.mentorWorkload',
        params: { mentorId: MENTOR_ID, hours: 18.6, limit: 18.5 },
        citation: { source: 'DK', paragraph: 15, text: 'DK § 15' },
      },
    ]);
  });

  it('adds decimal hours exactly (0.1 + 0.2 style sums do not tip the limit)', () => {
    const courses = [load(C1, 18.3), load(C2, 0.1), load(C3, 0.1)];
    expect(mentorWeeklyHours(MENTOR_ID, courses, TODAY)).toBe(18.5);
    expect(checkDkWorkload([MENTOR_ID], courses, TODAY)).toEqual([]);
  });

  it('does not count courses that have ended, but counts one ending today and planned ones', () => {
    const courses = [load(C1, 10), load(C2, 8, { endDate: '2025-02-28' }), load(C3, 9, { startDate: '2025-04-01' })];
    expect(mentorWeeklyHours(MENTOR_ID, courses, TODAY)).toBe(19);
    expect(mentorWeeklyHours(MENTOR_ID, [load(C1, 10), load(C2, 9, { endDate: TODAY })], TODAY)).toBe(19);
  });

  it('counts only the mentor in question', () => {
    const mentors = [
      { mentorId: MENTOR_ID, agreedWeeklyHours: 5 },
      { mentorId: OTHER_MENTOR_ID, agreedWeeklyHours: 30 },
    ];
    const shared: CourseLoad = { courseId: C1, mentors };
    expect(checkDkWorkload([MENTOR_ID], [shared], TODAY)).toEqual([]);
    expect(checkDkWorkload([OTHER_MENTOR_ID], [shared], TODAY)).toHaveLength(1);
  });

  it('adds only courses running at the same time as the one judged, not consecutive or later ones', () => {
    const judged = load(C1, 10, { startDate: '2025-03-01', endDate: '2025-05-31' });
    const after = load(C2, 10, { startDate: '2025-06-01' });
    const before = load(C3, 10, { startDate: '2024-10-01', endDate: '2025-02-28' });
    expect(checkDkWorkload([MENTOR_ID], [judged, after, before], TODAY, 18.5, judged)).toEqual([]);
    // Without the judged course's period (the register's figure): the busiest time from today on, where
    // the judged course and the one after it never run together.
    expect(checkDkWorkload([MENTOR_ID], [judged, after, before], TODAY)).toEqual([]);
    expect(mentorPeakHours(MENTOR_ID, [judged, after, before], TODAY)).toBe(10);
    expect(mentorPeakHours(MENTOR_ID, [judged, after, load(C3, 9, { startDate: '2025-04-01' })], TODAY)).toBe(19);
    // A course starting on the judged course's last day overlaps it.
    const touching = load(C2, 10, { startDate: '2025-05-31' });
    expect(checkDkWorkload([MENTOR_ID], [judged, touching], TODAY, 18.5, judged)).toHaveLength(1);
  });

  it('takes the busiest time of the period, not the sum of courses that never run together', () => {
    const judged = load(C1, 5, { startDate: '2025-03-01', endDate: '2025-12-31' });
    const spring = load(C2, 10, { startDate: '2025-03-01', endDate: '2025-05-31' });
    const autumn = load(C3, 10, { startDate: '2025-09-01', endDate: '2025-11-30' });
    expect(checkDkWorkload([MENTOR_ID], [judged, spring, autumn], TODAY, 18.5, judged)).toEqual([]);
    const overlapping = load(C3, 10, { startDate: '2025-05-01', endDate: '2025-11-30' });
    const [finding] = checkDkWorkload([MENTOR_ID], [judged, spring, overlapping], TODAY, 18.5, judged);
    expect(finding?.params.hours).toBe(25);
  });

  it('uses a configured limit', () => {
    expect(checkDkWorkload([MENTOR_ID], [load(C1, 15)], TODAY, 14.8)).toHaveLength(1);
    expect(checkDkWorkload([MENTOR_ID], [load(C1, 15)], TODAY, 15)).toEqual([]);
  });
});

// DK § 15 for the course being judged: only the busiest time within its own period counts.
describe('DK § 15: the judged course is not warned about for work outside its period', () => {
  it('ignores a heavy course that starts after the judged course has ended', () => {
    const judged = load(C1, 5, { startDate: '2025-04-01', endDate: '2025-05-31' });
    const later = load(C2, 20, { startDate: '2025-07-01' });
    expect(checkDkWorkload([MENTOR_ID], [judged, later], TODAY, 18.5, judged)).toEqual([]);
  });

  it('ignores a heavy course that ends before the judged course starts', () => {
    const judged = load(C1, 5, { startDate: '2025-07-01', endDate: '2025-09-30' });
    const earlier = load(C2, 20, { startDate: '2025-04-01', endDate: '2025-05-31' });
    expect(checkDkWorkload([MENTOR_ID], [judged, earlier], TODAY, 18.5, judged)).toEqual([]);
  });

  it('does not warn about a course that has already ended', () => {
    const judged = load(C1, 5, { startDate: '2024-10-01', endDate: '2025-01-31' });
    const running = load(C2, 20, { startDate: '2024-12-01' });
    expect(checkDkWorkload([MENTOR_ID], [judged, running], TODAY, 18.5, judged)).toEqual([]);
  });

  it('warns when the heavy course overlaps the judged course', () => {
    const judged = load(C1, 5, { startDate: '2025-04-01', endDate: '2025-05-31' });
    const overlapping = load(C2, 20, { startDate: '2025-05-31' });
    expect(checkDkWorkload([MENTOR_ID], [judged, overlapping], TODAY, 18.5, judged)).toEqual([
      {
        ruleId: 'dk.workload.halfTime',
        severity: 'warning',
        messageKey: 'rules.dk.mentorWorkload',
        params: { mentorId: MENTOR_ID, hours: 25, limit: 18.5 },
        citation: { source: 'DK', paragraph: 15, text: 'DK § 15' },
      },
    ]);
  });
});
