// Each suitability finding is shown at the mentor's row of the course form (mentors.<index>), or at the
// assignment's own answer; a finding without its field, or at another row, points at the wrong mentor.
import { describe, expect, it } from 'vitest';
import type { Mentor } from '../domain';
import { checkDkMentorSuitability, checkDkSuitability } from './dk-suitability';
import type { Finding } from './finding';
import { eligibleDkCourse, MENTOR_ID, suitableMentor } from './test-fixtures';

const TODAY = '2025-03-01';
const OTHER_ID = '00000000-0000-4000-8000-0000000000b2';
const at = (findings: readonly Finding[]) => findings.map((f) => [f.ruleId, f.field, f.params.mentorId]);

/** A course with a suitable first mentor and the given second one, as the form shows them. */
function secondMentor(
  mentor: Partial<Mentor>,
  assignment: Partial<ReturnType<typeof eligibleDkCourse>['mentors'][0]> = {},
) {
  const base = eligibleDkCourse();
  const first = base.mentors[0]!;
  const course = eligibleDkCourse({ mentors: [first, { ...first, mentorId: OTHER_ID, ...assignment }] });
  return checkDkSuitability(course, [suitableMentor(), suitableMentor({ id: OTHER_ID, ...mentor })], TODAY);
}

describe('DK suitability findings name the mentor row and the answer to correct', () => {
  it('points the § 11 proposal at its question', () => {
    const course = eligibleDkCourse({ mentorProposal: { opportunityGiven: false, proposal: '' } });
    expect(at(checkDkSuitability(course, [suitableMentor()], TODAY))).toEqual([
      ['dk.suitability.proposal', 'mentorProposal.opportunityGiven', undefined],
    ]);
  });

  it('points a close relation, answered or not, at the second mentor’s close-relation answer', () => {
    expect(at(secondMentor({}, { closeRelation: true }))).toEqual([
      ['dk.suitability.closeRelation', 'mentors.1.closeRelation', OTHER_ID],
    ]);
    expect(at(secondMentor({}, { closeRelation: undefined }))).toEqual([
      ['dk.suitability.closeRelationUnknown', 'mentors.1.closeRelation', OTHER_ID],
    ]);
  });

  it('points own-unit staff at the row, and an accepted exception at its justification', () => {
    const staff = { employment: { isStaff: true, unit: 'KiF Testby afdeling' } };
    expect(at(secondMentor(staff))).toEqual([['dk.suitability.ownUnit', 'mentors.1', OTHER_ID]]);
    expect(at(secondMentor(staff, { ownUnitExceptionJustification: 'Særligt kendskab.' }))).toEqual([
      ['dk.suitability.ownUnitException', 'mentors.1.ownUnitExceptionJustification', OTHER_ID],
    ]);
    expect(at(secondMentor({ employment: { isStaff: true, unit: ' ' } }))).toEqual([
      ['dk.suitability.ownUnitUnknown', 'mentors.1', OTHER_ID],
    ]);
  });

  it('points the age and record-check findings at the row', () => {
    expect(at(secondMentor({ birthDate: undefined }))).toEqual([['dk.suitability.birthDate', 'mentors.1', OTHER_ID]]);
    const unconsented = { writtenConsentDate: undefined, checkedOn: '2025-01-12', result: 'registered' as const };
    expect(at(secondMentor({ criminalRecordCheck: { ...unconsented, suitabilityReasoning: '' } }))).toEqual([
      ['dk.suitability.recordConsent', 'mentors.1', OTHER_ID],
      ['dk.suitability.registeredReasoning', 'mentors.1', OTHER_ID],
    ]);
  });

  it('names the mentors list when one mentor is judged on its own', () => {
    const findings = checkDkMentorSuitability(
      suitableMentor({ willingToDocument: false }),
      { ...eligibleDkCourse().mentors[0]!, closeRelation: true },
      eligibleDkCourse(),
      TODAY,
    );
    expect(at(findings)).toEqual([
      ['dk.suitability.document', 'mentors', MENTOR_ID],
      ['dk.suitability.closeRelation', 'mentors.closeRelation', MENTOR_ID],
    ]);
  });
  it('points an assignment without a mentor record at its row, naming the missing mentor', () => {
    const course = eligibleDkCourse();
    expect(at(checkDkSuitability(course, [suitableMentor({ id: OTHER_ID })], TODAY))).toEqual([
      ['dk.suitability.unknownMentor', 'mentors.0', MENTOR_ID],
    ]);
  });

  it('compares the person’s unit without its surrounding spaces', () => {
    const course = eligibleDkCourse({ personUnit: '  KiF Testby afdeling ' });
    const staff = suitableMentor({ employment: { isStaff: true, unit: 'kif testby afdeling' } });
    expect(at(checkDkSuitability(course, [staff], TODAY))).toEqual([
      ['dk.suitability.ownUnit', 'mentors.0', MENTOR_ID],
    ]);
  });
});

describe('DK § 6, stk. 1: a record check counts as made once it has a result or a date', () => {
  const withCheck = (check: Partial<Mentor['criminalRecordCheck']>) =>
    suitableMentor({ criminalRecordCheck: { suitabilityReasoning: '', ...check } });
  const ids = (mentor: Mentor) => checkDkSuitability(eligibleDkCourse(), [mentor], TODAY).map((f) => f.ruleId);

  it('asks only for the check while none is made and no consent is given', () => {
    expect(ids(withCheck({}))).toEqual(['dk.suitability.recordCheck']);
  });

  it('refuses a result recorded without consent, even with no date of the check', () => {
    expect(ids(withCheck({ result: 'not_registered' }))).toEqual(['dk.suitability.recordConsent']);
  });

  it('refuses a dated check without consent, even with no result yet', () => {
    expect(ids(withCheck({ checkedOn: '2025-01-12' }))).toEqual([
      'dk.suitability.recordConsent',
      'dk.suitability.recordCheck',
    ]);
  });
});
