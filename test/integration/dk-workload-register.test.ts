// DK § 15 in the mentor register (audit 8): "den enkelte mentors arbejdsopgaver ikke overstiger, hvad der
// svarer til en halvtidsstilling" is the work at a time. Two 15-hour courses one after the other showed
// 30 hours in the register and the mentor's page, with a false § 15 warning, while the course check
// rightly found none. The register now shows the busiest time from today on. Fictional people only.
import { afterAll, describe, expect, it } from 'vitest';
import type { DkMentorAssignment } from '../../shared/domain';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());
const G = { level: 'TIL TJENESTEBRUG' } as const;

const assignment = (mentorId: string, agreedWeeklyHours: number): DkMentorAssignment => ({
  mentorId,
  agreedWeeklyHours,
  closeRelation: false,
  relationDescription: '',
  ownUnitExceptionJustification: '',
});

describe('a mentor’s weekly hours in the register (DK § 15)', () => {
  it('do not add up courses that follow one another, and do add courses that run together', async () => {
    const s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
    const { id: caseId } = await s.call('cases.create', {
      name: 'Søren Opdigtet',
      caseReference: 'KS-880001',
      unit: 'KiF Testby afdeling',
      status: 'samfunnsstraff',
      grading: G,
    });
    const { id: _id, ...mentor } = suitableMentor();
    const mentorId = (await s.call('mentors.save', { mentor, grading: G })).id;
    const course = (startDate: string, endDate: string | undefined, hours: number) =>
      s.call('documents.create', {
        caseId,
        kind: 'mentor_course',
        content: eligibleDkCourse({
          startDate,
          ...(endDate ? { endDate, endReason: 'purpose_achieved' } : {}),
          mentors: [assignment(mentorId, hours)],
          grading: G,
        }),
      });
    await course('2026-01-05', '2026-04-30', 15);
    await course('2026-06-01', undefined, 15);
    expect((await s.call('mentors.get', { id: mentorId })).weeklyHours).toBe(15);
    expect((await s.call('mentors.list', {})).mentors.find((m) => m.id === mentorId)?.weeklyHours).toBe(15);
    // A third course overlapping the second: 15 + 5 at the busiest time.
    await course('2026-09-01', undefined, 5);
    expect((await s.call('mentors.get', { id: mentorId })).weeklyHours).toBe(20);
  });
});
