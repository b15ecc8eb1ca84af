// DK § 15 as part of a DK mentor course's findings: the course's own stored copy is not counted twice,
// and the area's configured half-time limit is used.
import { describe, expect, it } from 'vitest';
import { checkDkMentorCourse } from './dk-mentor-course';
import type { CourseLoad } from './dk-workload';
import type { Finding } from './finding';
import { eligibleDkCourse, MENTOR_ID, suitableMentor } from './test-fixtures';

const TODAY = '2025-02-15';
const THIS_COURSE = '11111111-1111-4111-8111-111111111111';
const workload = (findings: readonly Finding[]) => findings.filter((f) => f.ruleId === 'dk.workload.halfTime');

function course(hours: number) {
  const content = eligibleDkCourse();
  return { ...content, mentors: content.mentors.map((m) => ({ ...m, agreedWeeklyHours: hours })) };
}

describe('DK mentor course: the mentor’s workload (DK § 15)', () => {
  it('does not count the course twice when the register also lists it', () => {
    const content = course(10);
    const stored: CourseLoad = { courseId: THIS_COURSE, startDate: content.startDate, mentors: content.mentors };
    const facts = { content, mentors: [suitableMentor()], courseId: THIS_COURSE, otherCourses: [stored] };
    expect(workload(checkDkMentorCourse(facts, TODAY))).toEqual([]);
  });

  it('warns against the area’s own limit', () => {
    const facts = { content: course(16), mentors: [suitableMentor()], workloadLimitHours: 15 };
    expect(workload(checkDkMentorCourse(facts, TODAY)).map((f) => [f.severity, f.params, f.citation.text])).toEqual([
      ['warning', { mentorId: MENTOR_ID, hours: 16, limit: 15 }, 'DK § 15'],
    ]);
  });
});
