// A NO mentor course's findings are shown at the answer to give (NO pkt 13): the mentor's row, its
// contract or suitability assessment, the plan part, the KDI feedback, the end confirmation.
import { describe, expect, it } from 'vitest';
import type { NoMentorCourseContent } from '../domain';
import type { Finding } from './finding';
import { checkNoMentorCourse } from './no-mentor-course';
import { MENTOR_ID, offeredNoCourse, suitableMentor } from './test-fixtures';

const OTHER_ID = '00000000-0000-4000-8000-0000000000b2';
const at = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.field, f.params.mentorId]);
const first = offeredNoCourse().mentors[0]!;

/** A course whose second assignment is the one under test. */
function second(assignment: Partial<NoMentorCourseContent['mentors'][0]>, course: Partial<NoMentorCourseContent> = {}) {
  return offeredNoCourse({ mentors: [first, { ...first, mentorId: OTHER_ID, ...assignment }], ...course });
}
const both = [suitableMentor(), suitableMentor({ id: OTHER_ID })];

describe('NO mentor course findings name the answer to give', () => {
  it('points the second mentor’s missing contract, assessment and not-a-proxy notice at its own answers', () => {
    expect(at(checkNoMentorCourse(second({ contractSignedOn: undefined }), both))).toEqual([
      ['no.course.contract', 'mentors.1.contractSignedOn', OTHER_ID],
    ]);
    expect(at(checkNoMentorCourse(second({ suitabilityAssessment: undefined }), both))).toEqual([
      ['no.course.suitabilityAssessment', 'mentors.1.suitabilityAssessment.assessedOn', OTHER_ID],
    ]);
    const unsuitable = { assessedOn: '2025-01-15', suitable: false, notes: '' };
    expect(at(checkNoMentorCourse(second({ suitabilityAssessment: unsuitable }), both))).toEqual([
      ['no.course.notSuitable', 'mentors.1.suitabilityAssessment.suitable', OTHER_ID],
    ]);
    expect(at(checkNoMentorCourse(second({ notProxyToldOn: undefined }), both))).toEqual([
      ['no.course.notProxy', 'mentors.1.notProxyToldOn', OTHER_ID],
    ]);
  });

  it('points the plan, the feedback, the other measures and the end confirmation at their fields', () => {
    const noPlace = offeredNoCourse({ plan: { meetingPlace: '', frequency: 'Hver uke', focusAreas: 'Skole' } });
    expect(at(checkNoMentorCourse(noPlace, [suitableMentor()]))).toEqual([
      ['no.course.plan', 'plan.meetingPlace', undefined],
    ]);
    const notOffered = offeredNoCourse({ kdiDecision: { outcome: 'not_offered', basis: 'other', basisDetail: '' } });
    expect(at(checkNoMentorCourse(notOffered, [suitableMentor()]))).toEqual([
      ['no.course.feedback', 'notInTargetGroupFeedback.sentOn', undefined],
      ['no.course.otherMeasures', 'otherMeasures.consideredOn', undefined],
    ]);
    const ended = offeredNoCourse({ end: { ...offeredNoCourse().end, endDate: '2025-06-01', endedBy: 'person' } });
    expect(at(checkNoMentorCourse(ended, [suitableMentor()]))).toEqual([
      ['no.course.endConfirmation', 'end.kdiWrittenConfirmationOn', undefined],
    ]);
  });

  it('points an unreported objection at its own row', () => {
    const objections = [
      { raisedOn: '2025-03-01', by: 'regional' as const, text: 'Innsigelse.', reportedToKdiOn: '2025-03-02' },
      { raisedOn: '2025-03-05', by: 'local' as const, text: 'Innsigelse fra enheten.' },
    ];
    const findings = checkNoMentorCourse(offeredNoCourse({ objections }), [suitableMentor()]);
    expect(findings.map((f) => [f.ruleId, f.field, f.params.n])).toEqual([
      ['no.course.objectionToKdi', 'objections.1.reportedToKdiOn', 2],
    ]);
  });

  it('points the municipality contact at its field once the case has a release date', () => {
    const findings = checkNoMentorCourse(offeredNoCourse(), [suitableMentor()], '2025-03-01', '2025-09-01');
    expect(findings.map((f) => [f.ruleId, f.field, f.params.releaseDate])).toEqual([
      ['no.course.municipality', 'municipalityHandover.contactedOn', '2025-09-01'],
    ]);
  });

  it('names the mentor whose record is missing', () => {
    expect(at(checkNoMentorCourse(offeredNoCourse(), []))).toEqual([
      ['no.course.unknownMentor', 'mentors.0', MENTOR_ID],
    ]);
  });
});
