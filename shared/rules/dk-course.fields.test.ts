// DK § 12: a course with a mentor and no start meeting is pointed at the start meeting's date.
import { describe, expect, it } from 'vitest';
import { CITATIONS } from './citations';
import { checkDkCourseProcedure } from './dk-course';
import { eligibleDkCourse } from './test-fixtures';

describe('DK course procedure findings name the field to fill in', () => {
  it('points a missing start meeting at its date, citing § 12, as a warning', () => {
    const findings = checkDkCourseProcedure(eligibleDkCourse({ startMeeting: { notes: '' } }));
    expect(findings.map((f) => [f.ruleId, f.field, f.severity, f.citation])).toEqual([
      ['dk.course.startMeeting', 'startMeeting.date', 'warning', CITATIONS.dk12],
    ]);
  });
});
