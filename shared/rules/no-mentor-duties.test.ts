import { describe, expect, it } from 'vitest';
import { canFinalise } from './finding';
import { checkNoMentorCourse } from './no-mentor-course';
import { checkNoMentorDuties } from './no-mentor-duties';
import { offeredNoCourse, ruleIds, suitableMentor } from './test-fixtures';

const assignment = () => offeredNoCourse().mentors[0]!;

describe('NO 13.1-13.3, 13.5, 13.6 on a NO mentor course', () => {
  it('finds nothing on an offered course with every duty on record', () => {
    expect(checkNoMentorDuties(offeredNoCourse(), [suitableMentor()])).toEqual([]);
  });

  it('asks, once KDI has offered a course, when the person was informed and encouraged (13.1)', () => {
    const course = offeredNoCourse({ personInformed: { notes: '' } });
    const findings = checkNoMentorDuties(course, [suitableMentor()]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field])).toEqual([
      ['no.course.personInformed', 'warning', 'NO pkt 13.1', 'personInformed.informedOn'],
    ]);
    const pending = offeredNoCourse({
      personInformed: undefined,
      kdiDecision: { outcome: 'pending', basisDetail: '' },
    });
    expect(ruleIds(checkNoMentorDuties(pending, [suitableMentor()]))).toEqual([]);
  });

  it('blocks a mentor assigned without a suitability assessment for this assignment, or assessed unsuitable (13.2)', () => {
    const { suitabilityAssessment: _a, ...unassessed } = assignment();
    const missing = checkNoMentorDuties(offeredNoCourse({ mentors: [unassessed] }), [suitableMentor()]);
    expect(missing.map((f) => [f.ruleId, f.severity, f.field])).toEqual([
      ['no.course.suitabilityAssessment', 'blocking', 'mentors.0.suitabilityAssessment.assessedOn'],
    ]);
    expect(canFinalise(missing)).toBe(false);
    const unsuitable = {
      ...assignment(),
      suitabilityAssessment: { assessedOn: '2025-01-15', suitable: false, notes: '' },
    };
    expect(ruleIds(checkNoMentorDuties(offeredNoCourse({ mentors: [unsuitable] }), [suitableMentor()]))).toEqual([
      'no.course.notSuitable',
    ]);
  });

  it('blocks a course KDI did not offer until other measures are considered, with date and measures (13.3)', () => {
    const refused = offeredNoCourse({ kdiDecision: { outcome: 'not_offered', basisDetail: '' }, mentors: [] });
    expect(ruleIds(checkNoMentorDuties(refused, []))).toEqual(['no.course.otherMeasures']);
    const dateOnly = { ...refused, otherMeasures: { consideredOn: '2025-02-03', measures: ' ' } };
    expect(ruleIds(checkNoMentorDuties(dateOnly, []))).toEqual(['no.course.otherMeasures']);
    const done = { ...refused, otherMeasures: { consideredOn: '2025-02-03', measures: 'Motivasjonssamtaler.' } };
    expect(checkNoMentorDuties(done, [])).toEqual([]);
  });

  it("warns until the mentor's duty to notify is acknowledged, labelled as Bro's practice reading 13.5", () => {
    const mentor = suitableMentor({ dutiesAcknowledged: { confidentialityDutyOn: '2025-01-13' } });
    const [finding, ...rest] = checkNoMentorDuties(offeredNoCourse(), [mentor]);
    expect(rest).toEqual([]);
    expect(finding?.ruleId).toBe('no.course.notifyDuty');
    expect(finding?.citation).toMatchObject({ source: 'local', localPractice: { reading: 'NO pkt 13.5' } });
    // Old mentor records without the field are asked too.
    const old = suitableMentor();
    delete old.dutiesAcknowledged;
    expect(ruleIds(checkNoMentorDuties(offeredNoCourse(), [old]))).toEqual(['no.course.notifyDuty']);
  });

  it('warns, once the course has started, until the person is told the mentor is not their fullmektig (13.5)', () => {
    const { notProxyToldOn: _told, ...untold } = assignment();
    const started = checkNoMentorDuties(offeredNoCourse({ mentors: [untold] }), [suitableMentor()]);
    expect(started.map((f) => [f.ruleId, f.citation.text, f.field])).toEqual([
      ['no.course.notProxy', 'NO pkt 13.5', 'mentors.0.notProxyToldOn'],
    ]);
    const notStarted = offeredNoCourse({ mentors: [untold], startDate: undefined });
    expect(checkNoMentorDuties(notStarted, [suitableMentor()])).toEqual([]);
  });

  it('blocks an objection to the course that is not reported to KDI (13.6)', () => {
    const objection = { raisedOn: '2025-03-01', by: 'local' as const, text: 'Uro på avdelingen.' };
    const course = offeredNoCourse({ objections: [{ ...objection, reportedToKdiOn: '2025-03-02' }, objection] });
    const findings = checkNoMentorDuties(course, [suitableMentor()]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.field, f.params.n])).toEqual([
      ['no.course.objectionToKdi', 'blocking', 'objections.1.reportedToKdiOn', 2],
    ]);
  });

  it('runs as part of the NO mentor course rules', () => {
    const { suitabilityAssessment: _a, ...unassessed } = assignment();
    expect(ruleIds(checkNoMentorCourse(offeredNoCourse({ mentors: [unassessed] }), [suitableMentor()]))).toContain(
      'no.course.suitabilityAssessment',
    );
  });
});
