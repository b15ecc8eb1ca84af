import { describe, expect, it } from 'vitest';
import type { Mentor, Profile } from '../domain';
import { checkDkMentorSuitability, checkDkSuitability } from './dk-suitability';
import { canFinalise } from './finding';
import { findingsFor, RULE_SETS } from './index';
import { eligibleDkCourse, MENTOR_ID, ruleIds, suitableMentor } from './test-fixtures';

const TODAY = '2025-03-01';
const course = eligibleDkCourse();
const assignment = course.mentors[0]!;

function check(mentor = suitableMentor(), today = TODAY, a = assignment, c = course) {
  return checkDkMentorSuitability(mentor, a, c, today);
}

describe('DK § 5, stk. 1: mentor conditions', () => {
  it('accepts a suitable mentor', () => {
    expect(check()).toEqual([]);
  });

  it('accepts a mentor whose 18th birthday is today', () => {
    expect(check(suitableMentor({ birthDate: '2007-03-01' }), '2025-03-01')).toEqual([]);
  });

  it('refuses a mentor who turns 18 tomorrow, citing § 5, stk. 1, nr. 1', () => {
    const findings = check(suitableMentor({ birthDate: '2007-03-02' }), '2025-03-01');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'dk.suitability.age',
      severity: 'blocking',
      messageKey: 'rules.dk.mentorAge',
      params: { mentorId: MENTOR_ID, adultOn: '2025-03-02' },
    });
    expect(findings[0]?.citation).toEqual({ source: 'DK', paragraph: 5, stk: 1, nr: 1, text: 'DK § 5, stk. 1, nr. 1' });
  });

  it('treats someone born on 29 February as 18 from 1 March in a common year', () => {
    const leapling = suitableMentor({ birthDate: '2008-02-29' });
    expect(ruleIds(check(leapling, '2026-02-28'))).toEqual(['dk.suitability.age']);
    expect(check(leapling, '2026-03-01')).toEqual([]);
    expect(check(leapling, '2028-02-29')).toEqual([]);
  });

  it('judges the age on the day of appointment, not today', () => {
    const young = suitableMentor({ birthDate: '2007-03-02' });
    // Appointed the day before the 18th birthday: refused, even when checked long after.
    const early = { ...assignment, appointedOn: '2025-03-01' };
    expect(ruleIds(check(young, '2026-01-01', early))).toEqual(['dk.suitability.age']);
    // Appointed on the 18th birthday: fine, even when checked the day before it (a planned appointment).
    const onBirthday = { ...assignment, appointedOn: '2025-03-02' };
    expect(check(young, '2025-03-01', onBirthday)).toEqual([]);
  });

  it('needs a birth date to check the age', () => {
    const findings = check(suitableMentor({ birthDate: undefined }));
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['dk.suitability.birthDate', 'DK § 5, stk. 1, nr. 1'],
    ]);
  });

  it('requires Danish, willingness to cooperate and to document (nr. 2-4), unrecorded counting as not met', () => {
    const findings = check(
      suitableMentor({ understandsAndSpeaksDanish: false, willingToCooperate: undefined, willingToDocument: false }),
    );
    expect(findings.map((f) => f.citation.text)).toEqual([
      'DK § 5, stk. 1, nr. 2',
      'DK § 5, stk. 1, nr. 3',
      'DK § 5, stk. 1, nr. 4',
    ]);
  });
});

describe('DK § 5, stk. 2 and 3: staff and close relations', () => {
  it('lets staff from another unit be mentor', () => {
    expect(check(suitableMentor({ employment: { isStaff: true, unit: 'Fængsel Nordby' } }))).toEqual([]);
  });

  it('refuses staff of the department supervising the person, whatever the letter case', () => {
    const findings = check(suitableMentor({ employment: { isStaff: true, unit: ' kif testby AFDELING ' } }));
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.suitability.ownUnit', 'blocking', 'DK § 5, stk. 2'],
    ]);
  });

  it('accepts own-unit staff only with a recorded reason for departing from the starting point', () => {
    const mentor = suitableMentor({ employment: { isStaff: true, unit: 'KiF Testby afdeling' } });
    const findings = check(mentor, TODAY, { ...assignment, ownUnitExceptionJustification: 'Særlig kendskab …' });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['dk.suitability.ownUnitException', 'info']]);
  });

  it("warns when it cannot tell whether a staff mentor works in the person's unit", () => {
    const findings = check(suitableMentor({ employment: { isStaff: true, unit: '' } }));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['dk.suitability.ownUnitUnknown', 'warning']]);
  });

  it('never accepts a close relation (§ 5, stk. 3)', () => {
    const findings = check(suitableMentor(), TODAY, { ...assignment, closeRelation: true });
    expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.suitability.closeRelation', 'blocking', 'DK § 5, stk. 3'],
    ]);
  });

  it('requires the close-relation question to be answered', () => {
    const findings = check(suitableMentor(), TODAY, { ...assignment, closeRelation: undefined });
    expect(ruleIds(findings)).toEqual(['dk.suitability.closeRelationUnknown']);
  });
});

describe('DK § 6: criminal-record check', () => {
  const withCheck = (criminalRecordCheck: Partial<ReturnType<typeof suitableMentor>['criminalRecordCheck']>) =>
    suitableMentor({ criminalRecordCheck: { ...suitableMentor().criminalRecordCheck, ...criminalRecordCheck } });

  it('requires the check', () => {
    const findings = check(withCheck({ checkedOn: undefined, result: undefined }));
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['dk.suitability.recordCheck', 'DK § 6, stk. 1'],
    ]);
  });

  it('refuses a check without written consent', () => {
    const findings = check(withCheck({ writtenConsentDate: undefined }));
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([
      ['dk.suitability.recordConsent', 'DK § 6, stk. 1'],
    ]);
  });

  it('refuses a check made before the consent was given, and accepts one on the same day', () => {
    expect(ruleIds(check(withCheck({ writtenConsentDate: '2025-01-12', checkedOn: '2025-01-11' })))).toEqual([
      'dk.suitability.recordBeforeConsent',
    ]);
    expect(check(withCheck({ writtenConsentDate: '2025-01-12', checkedOn: '2025-01-12' }))).toEqual([]);
  });

  it('appoints a registered person only with recorded reasons (§ 6, stk. 2)', () => {
    const blocked = check(withCheck({ result: 'registered' }));
    expect(blocked.map((f) => [f.ruleId, f.severity, f.citation.text])).toEqual([
      ['dk.suitability.registeredReasoning', 'blocking', 'DK § 6, stk. 2'],
    ]);
    const reasoned = check(
      withCheck({ result: 'registered', suitabilityReasoning: 'Gammel bødestraf, ikke relevant.' }),
    );
    expect(reasoned.map((f) => [f.ruleId, f.severity])).toEqual([['dk.suitability.registeredSuitable', 'info']]);
  });
});

describe('DK suitability for a whole course', () => {
  it('requires that the person could propose a mentor (§ 11)', () => {
    const findings = checkDkSuitability(
      eligibleDkCourse({ mentorProposal: { proposal: '' } }),
      [suitableMentor()],
      TODAY,
    );
    expect(findings.map((f) => [f.ruleId, f.citation.text])).toEqual([['dk.suitability.proposal', 'DK § 11, stk. 1']]);
  });

  it('cannot be finalised with an unsuitable mentor, and names the paragraph', () => {
    const findings = checkDkSuitability(eligibleDkCourse(), [suitableMentor({ willingToDocument: false })], TODAY);
    expect(canFinalise(findings)).toBe(false);
    expect(findings[0]).toMatchObject({ field: 'mentors.0', citation: { text: 'DK § 5, stk. 1, nr. 4' } });
  });

  it('blocks an assignment whose mentor record is missing', () => {
    expect(ruleIds(checkDkSuitability(eligibleDkCourse(), [], TODAY))).toEqual(['dk.suitability.unknownMentor']);
  });
});

describe('DK § 5, stk. 1, nr. 2-4 at their boundaries, in a DK vault', () => {
  /** The course as the app judges it, two weeks in (before its first § 17 report is due). */
  const judged = (mentor: Mentor, profile: Profile = 'DK') =>
    findingsFor('mentor_course', { profile, content: course, mentors: [mentor] }, '2025-02-15');
  const conditions = [
    ['dk.suitability.danish', 'understandsAndSpeaksDanish', 'DK § 5, stk. 1, nr. 2'],
    ['dk.suitability.cooperate', 'willingToCooperate', 'DK § 5, stk. 1, nr. 3'],
    ['dk.suitability.document', 'willingToDocument', 'DK § 5, stk. 1, nr. 4'],
  ] as const;

  it.each(conditions)('%s is run by DK vaults only', (id) => {
    expect((['NO', 'DK'] as const).filter((p) => RULE_SETS[p].some((r) => r.id === id))).toEqual(['DK']);
  });

  it.each(conditions)('%s: blocks unless %s is recorded as true, citing %s', (id, field, citation) => {
    for (const value of [false, undefined]) {
      const findings = judged(suitableMentor({ [field]: value }));
      expect(findings.map((f) => [f.ruleId, f.severity, f.citation.text, f.field, f.params.mentorId])).toEqual([
        [id, 'blocking', citation, 'mentors.0', MENTOR_ID],
      ]);
      expect(canFinalise(findings)).toBe(false);
    }
    expect(judged(suitableMentor({ [field]: true }))).toEqual([]);
  });

  it('none of them is run on a DK course in a NO vault', () => {
    const unwilling = suitableMentor({ understandsAndSpeaksDanish: false, willingToCooperate: false });
    expect(judged({ ...unwilling, willingToDocument: false }, 'NO').map((f) => f.ruleId)).toEqual(['profile.kind']);
  });
});
