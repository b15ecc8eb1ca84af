import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, Mentor } from '../../../shared/domain';
import { MENTOR_ID, suitableMentor } from '../../../shared/rules/test-fixtures';
import { newDkMentorCourseDraft } from '../../../shared/templates/drafts';
import { mentorFindings, isSuitable } from './mentor-findings';

/** Suitable under DK § 5 and § 6, without the NO police certificate and confidentiality declaration yet. */
function mentor(overrides: Partial<Mentor> = {}): Mentor {
  return suitableMentor({ policeCertificate: {}, confidentialityDeclarationSignedOn: undefined, ...overrides });
}

const course: DkMentorCourseContent = {
  ...newDkMentorCourseDraft({ level: 'IKKE KLASSIFICERET' }),
  personUnit: 'KiF Testby',
  mentors: [
    {
      mentorId: MENTOR_ID,
      agreedWeeklyHours: 5,
      closeRelation: true,
      relationDescription: 'fætter',
      ownUnitExceptionJustification: '',
    },
  ],
};

const citations = (found: ReturnType<typeof mentorFindings>) => found.map((f) => f.finding.citation.text);

describe('mentor suitability in the register', () => {
  it('finds nothing wrong with a suitable DK mentor on no course', () => {
    const found = mentorFindings('DK', mentor(), [], '2026-03-01');
    expect(found).toEqual([]);
    expect(isSuitable(found)).toBe(true);
  });

  it('blocks a DK mentor who does not speak Danish, citing § 5, stk. 1, nr. 2', () => {
    const found = mentorFindings('DK', mentor({ understandsAndSpeaksDanish: false }), [], '2026-03-01');
    expect(citations(found)).toEqual(['DK § 5, stk. 1, nr. 2']);
    expect(isSuitable(found)).toBe(false);
  });

  it('blocks a mentor under 18 under § 5, stk. 1, nr. 1', () => {
    const found = mentorFindings('DK', mentor({ birthDate: '2010-06-01' }), [], '2026-03-01');
    expect(found.map((f) => f.finding.ruleId)).toEqual(['dk.suitability.age']);
  });

  it('names the course where the mentor is a close relation (§ 5, stk. 3)', () => {
    const found = mentorFindings('DK', mentor(), [{ id: 'c1', caseReference: 'KS-1', content: course }], '2026-03-01');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ courseId: 'c1', finding: { ruleId: 'dk.suitability.closeRelation' } });
    expect(citations(found)).toEqual(['DK § 5, stk. 3']);
  });

  it('asks for reasons when the criminal register shows an entry (§ 6)', () => {
    const registered = mentor({
      criminalRecordCheck: {
        writtenConsentDate: '2026-01-02',
        checkedOn: '2026-01-05',
        result: 'registered',
        suitabilityReasoning: '',
      },
    });
    expect(mentorFindings('DK', registered, [], '2026-03-01').map((f) => f.finding.ruleId)).toEqual([
      'dk.suitability.registeredReasoning',
    ]);
  });

  it('warns when the weekly hours pass the half-time limit (§ 15)', () => {
    const found = mentorFindings('DK', mentor(), [], '2026-03-01', 20);
    expect(found.map((f) => [f.finding.severity, f.finding.citation.text])).toEqual([['warning', 'DK § 15']]);
    expect(isSuitable(found)).toBe(true);
  });

  it('asks a NO mentor for a comprehensive police certificate and a confidentiality declaration', () => {
    const found = mentorFindings('NO', mentor(), [], '2026-03-01');
    expect(citations(found)).toEqual(['NO pkt 13.2', 'NO pkt 13.5']);
    const complete = mentor({
      policeCertificate: { presentedOn: '2026-01-03', comprehensive: true },
      confidentialityDeclarationSignedOn: '2026-01-04',
    });
    expect(mentorFindings('NO', complete, [], '2026-03-01')).toEqual([]);
  });
});
