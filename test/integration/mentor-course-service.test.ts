import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DkMentorAssignment, Mentor } from '../../shared/domain';
import { eligibleDkCourse, offeredNoCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;

const DK_GRADING = { level: 'TIL TJENESTEBRUG' } as const;

async function saveMentor(overrides: Partial<Mentor> = {}): Promise<string> {
  const { id: _id, ...mentor } = suitableMentor(overrides);
  return (await s.call('mentors.save', { mentor, grading: DK_GRADING })).id;
}

function assignment(mentorId: string, overrides: Partial<DkMentorAssignment> = {}): DkMentorAssignment {
  return {
    mentorId,
    agreedWeeklyHours: 4,
    closeRelation: false,
    relationDescription: '',
    ownUnitExceptionJustification: '',
    ...overrides,
  };
}

async function course(mentors: DkMentorAssignment[]) {
  return s.call('documents.create', {
    caseId,
    kind: 'mentor_course',
    content: eligibleDkCourse({ mentors, grading: DK_GRADING }),
  });
}

beforeAll(async () => {
  s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
  caseId = (
    await s.call('cases.create', {
      name: 'Jens Opdigtet',
      caseReference: 'KS-500001',
      unit: 'KiF Testby afdeling',
      status: 'samfunnsstraff',
      grading: DK_GRADING,
    })
  ).id;
});
afterAll(() => apps.cleanup());

describe('DK mentor courses', () => {
  it('finalises a course with a suitable mentor; overdue reports are warnings only', async () => {
    const doc = await course([assignment(await saveMentor())]);
    const check = await s.call('documents.check', { id: doc.document.id });
    expect(check.canFinalise).toBe(true);
    expect(check.findings.some((f) => f.citation.text === 'DK § 17, stk. 1, nr. 1')).toBe(true);
    expect((await s.call('documents.finalise', { id: doc.document.id })).document.status).toBe('final');
  });

  it('refuses to finalise a course whose mentor is 17, naming DK § 5, stk. 1, nr. 1', async () => {
    const doc = await course([assignment(await saveMentor({ birthDate: '2008-06-01' }))]);
    const error = await s.fail('documents.finalise', { id: doc.document.id });
    expect(error).toMatchObject({
      code: 'rule_blocked',
      params: { citations: 'DK § 5, stk. 1, nr. 1', count: 1 },
      fields: ['mentors.0'],
    });
  });

  it('refuses to finalise a course whose mentor is a close relation, naming DK § 5, stk. 3', async () => {
    const doc = await course([assignment(await saveMentor(), { closeRelation: true, relationDescription: 'Onkel' })]);
    const error = await s.fail('documents.finalise', { id: doc.document.id });
    expect(error).toMatchObject({ code: 'rule_blocked', params: { citations: 'DK § 5, stk. 3' } });
  });

  it('refuses a mentor who is not in the vault, and a deleted one', async () => {
    const mentorId = await saveMentor();
    await s.call('mentors.delete', { id: mentorId, reason: 'Trukket sig' });
    const doc = await course([assignment(mentorId)]);
    const error = await s.fail('documents.finalise', { id: doc.document.id });
    // Not the age limit (nr. 1): without the record none of § 5's conditions can be checked.
    expect(error.params?.citations).toBe('DK § 5, stk. 1');
    expect((await s.call('documents.check', { id: doc.document.id })).findings.map((f) => f.ruleId)).toContain(
      'dk.suitability.unknownMentor',
    );
  });

  it("sums a mentor's hours over all active courses and warns past half-time (DK § 15)", async () => {
    const mentorId = await saveMentor();
    const first = await course([assignment(mentorId, { agreedWeeklyHours: 10 })]);
    const second = await course([assignment(mentorId, { agreedWeeklyHours: 8.5 })]);
    const ok = await s.call('documents.check', { id: second.document.id });
    expect(ok.findings.filter((f) => f.citation.text === 'DK § 15')).toEqual([]);
    await s.call('documents.save', {
      id: second.document.id,
      content: eligibleDkCourse({ mentors: [assignment(mentorId, { agreedWeeklyHours: 8.6 })], grading: DK_GRADING }),
    });
    const over = await s.call('documents.check', { id: second.document.id });
    expect(over.findings.filter((f) => f.citation.text === 'DK § 15')).toMatchObject([
      { severity: 'warning', params: { mentorId, hours: 18.6 } },
    ]);
    expect(over.canFinalise).toBe(true);
    const mentor = await s.call('mentors.get', { id: mentorId });
    expect(mentor.weeklyHours).toBe(18.6);
    expect(mentor.courseIds.sort()).toEqual([first.document.id, second.document.id].sort());
  });

  it('refuses a Norwegian course variant in a Danish vault', async () => {
    const error = await s.fail('documents.create', {
      caseId,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: DK_GRADING }),
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.profile_mismatch',
      fields: ['content.variant'],
    });
  });

  it('refuses every NO-only kind in a Danish vault with a clear message, and creates nothing', async () => {
    const before = await s.call('documents.list', { caseId });
    for (const kind of [
      'observation',
      'concern',
      'concern_report',
      'follow_up_plan',
      'future_plan',
      'meeting',
      'visit_routine',
    ] as const) {
      const error = await s.fail('documents.create', { caseId, kind });
      expect(error, kind).toMatchObject({
        code: 'invalid_input',
        messageKey: 'rules.profile.kindNotOffered',
        params: { kind, profile: 'DK' },
      });
    }
    expect(await s.call('documents.list', { caseId })).toEqual(before);
  });

  it("judges an inmate's course (DK § 3) by the release date on the case, not the course's copy", async () => {
    const inmate = (
      await s.call('cases.create', {
        name: 'Mette Opdigtet',
        caseReference: 'KS-500002',
        unit: 'Fængsel Testby',
        status: 'fengsel',
        expectedReleaseDate: '2026-12-01',
        grading: DK_GRADING,
      })
    ).id;
    const content = eligibleDkCourse({
      basis: 'inmate_release_preparation',
      underSupervision: false,
      startDate: '2026-04-01',
      // The course's own copy says 1 June, which would allow a start on 1 March.
      inmate: {
        partOfReleasePreparation: true,
        expectedReleaseDate: '2026-06-01',
        continuesAfterRelease: true,
        noContinuationJustification: '',
      },
      mentors: [assignment(await saveMentor())],
      grading: DK_GRADING,
    });
    const doc = await s.call('documents.create', { caseId: inmate, kind: 'mentor_course', content });
    const check = await s.call('documents.check', { id: doc.document.id });
    expect(check.findings.find((f) => f.ruleId === 'dk.eligibility.threeMonths')).toMatchObject({
      params: { earliest: '2026-09-01', start: '2026-04-01' },
    });
    expect(check.canFinalise).toBe(false);
  });

  it('starts an empty mentor course in the Danish variant', async () => {
    const doc = await s.call('documents.create', { caseId, kind: 'mentor_course' });
    expect(doc.data).toMatchObject({ kind: 'mentor_course', content: { variant: 'DK', grading: DK_GRADING } });
  });
});
