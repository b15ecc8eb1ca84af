// DK § 15 for the course being judged: only the busiest time within its own period counts.
import { describe, expect, it } from 'vitest';
import { checkDkWorkload, type CourseLoad } from './dk-workload';
import { MENTOR_ID } from './test-fixtures';

const TODAY = '2025-03-01';
const C1 = '11111111-1111-4111-8111-111111111111';
const C2 = '22222222-2222-4222-8222-222222222222';

function load(courseId: string, hours: number, period: { startDate?: string; endDate?: string } = {}): CourseLoad {
  return { courseId, ...period, mentors: [{ mentorId: MENTOR_ID, agreedWeeklyHours: hours }] };
}

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
