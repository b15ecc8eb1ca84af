// DK § 5, stk. 2 through the service: a course that names no unit of the person's own is judged by the
// unit its case names, so a staff mentor of that very department cannot be finalised (audit 8).
import { afterAll, describe, expect, it } from 'vitest';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());
const G = { level: 'TIL TJENESTEBRUG' } as const;

describe('a staff mentor on a course whose case names the mentor’s own department', () => {
  it('is refused at finalising (DK § 5, stk. 2), with the case’s unit read for the course’s blank one', async () => {
    const s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
    const { id: caseId } = await s.call('cases.create', {
      name: 'Søren Opdigtet',
      caseReference: 'KS-880002',
      unit: 'KiF Testby afdeling',
      status: 'samfunnsstraff',
      grading: G,
    });
    const { id: _id, ...mentor } = suitableMentor({ employment: { isStaff: true, unit: 'KiF Testby afdeling' } });
    const mentorId = (await s.call('mentors.save', { mentor, grading: G })).id;
    const base = eligibleDkCourse();
    const doc = await s.call('documents.create', {
      caseId,
      kind: 'mentor_course',
      content: eligibleDkCourse({
        personUnit: '',
        mentors: [{ ...base.mentors[0]!, mentorId }],
        grading: G,
      }),
    });
    const check = await s.call('documents.check', { id: doc.document.id });
    expect(check.findings.filter((f) => f.ruleId.startsWith('dk.suitability.ownUnit')).map((f) => f.severity)).toEqual([
      'blocking',
    ]);
    expect(check.canFinalise).toBe(false);
  });
});
