// The DK duties and course findings are shown at the answer to give: the mentor's row (with its id),
// the supervising area's contact date, the deciding area, the mentors list, and areas compared
// without the spaces around them on either side.
import { describe, expect, it } from 'vitest';
import { checkDkCourseProcedure } from './dk-course';
import { checkDkMentorDuties } from './dk-mentor-duties';
import { checkDkReporting } from './dk-reporting';
import type { Finding } from './finding';
import { eligibleDkCourse, suitableMentor } from './test-fixtures';

const OTHER_ID = '00000000-0000-4000-8000-0000000000b2';
const at = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.field, f.params.mentorId]);

describe('DK mentor duties name the mentor and the answer', () => {
  it('points the duties not yet shown at the second mentor’s row, naming that mentor', () => {
    const first = eligibleDkCourse().mentors[0]!;
    const course = eligibleDkCourse({ mentors: [first, { ...first, mentorId: OTHER_ID }] });
    const mentors = [suitableMentor(), suitableMentor({ id: OTHER_ID, dutiesAcknowledged: undefined })];
    expect(at(checkDkMentorDuties(course, mentors))).toEqual([
      ['dk.mentor.confidentialityDuty', 'mentors.1', OTHER_ID],
      ['dk.mentor.notifyDuty', 'mentors.1', OTHER_ID],
    ]);
  });

  it('points the § 10 contact at its date, and compares the supervising area without surrounding spaces', () => {
    const inmate = eligibleDkCourse({
      basis: 'inmate_release_preparation',
      assessingArea: 'Kriminalforsorgsområde Nordby',
      supervisionArea: 'Kriminalforsorgsområde Testby',
    });
    expect(at(checkDkMentorDuties(inmate, [suitableMentor()]))).toEqual([
      ['dk.course.supervisionAreaContact', 'supervisionAreaContactedOn', undefined],
    ]);
    const same = {
      ...inmate,
      assessingArea: 'Kriminalforsorgsområde Testby',
      supervisionArea: '  kriminalforsorgsområde testby ',
    };
    expect(checkDkMentorDuties(same, [suitableMentor()])).toEqual([]);
  });
});

describe('DK course procedure names the answer', () => {
  it('points a deciding area other than the supervising one at the deciding area, ignoring spaces on both', () => {
    const other = eligibleDkCourse({ decidingArea: 'Område Nord', supervisionArea: 'Område Syd' });
    expect(at(checkDkCourseProcedure(other))).toEqual([['dk.course.decidingAreaMismatch', 'decidingArea', undefined]]);
    const same = eligibleDkCourse({ decidingArea: 'Område Nord', supervisionArea: '  område nord ' });
    expect(checkDkCourseProcedure(same)).toEqual([]);
  });

  it('points a course without a mentor at the mentors list', () => {
    const none = eligibleDkCourse({ mentors: [] });
    expect(at(checkDkCourseProcedure(none)).filter(([id]) => id === 'dk.course.noMentor')).toEqual([
      ['dk.course.noMentor', 'mentors', undefined],
    ]);
  });
});

describe('DK reporting', () => {
  it('reports both a missing mentortovholder and an incomplete status report', () => {
    const course = eligibleDkCourse({
      mentortovholder: { name: '', unit: '' },
      mentorReports: [{ receivedOn: '2025-05-02', period: 'monthly', form: 'written' }],
    });
    expect(checkDkReporting(course).map((f) => f.field)).toEqual(['mentortovholder.name', 'mentorReports.0.workDone']);
  });
});
