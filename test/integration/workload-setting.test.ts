import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../main/audit/audit-log';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

/**
 * DK § 15's half-time limit is a vault setting (DOMAIN.md: configurable, default 18.5 h): read and
 * changed through the settings channels, refused out of range without a change, used by the rules
 * when a course is checked, and logged in the audit log.
 */

const apps = serviceApps();
let s: ServiceApp;
const GRADING = { level: 'TIL TJENESTEBRUG' } as const;

async function courseWithHours(hours: number) {
  const { id: _id, ...mentor } = suitableMentor();
  const mentorId = (await s.call('mentors.save', { mentor, grading: GRADING })).id;
  const kase = await s.call('cases.create', {
    name: 'Jens Opdigtet',
    caseReference: `KS-70000${hours}`,
    unit: 'KiF Testby afdeling',
    status: 'samfunnsstraff',
    grading: GRADING,
  });
  const assignment = {
    mentorId,
    agreedWeeklyHours: hours,
    closeRelation: false,
    relationDescription: '',
    ownUnitExceptionJustification: '',
  };
  const content = eligibleDkCourse({ mentors: [assignment], grading: GRADING });
  return s.call('documents.create', { caseId: kase.id, kind: 'mentor_course', content });
}

const workloadFindings = async (id: string) =>
  (await s.call('documents.check', { id })).findings.filter((f) => f.ruleId === 'dk.workload.halfTime');

beforeAll(async () => {
  s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
});
afterAll(() => apps.cleanup());

describe('DK § 15 limit as a vault setting', () => {
  it('starts at the default 18.5 with its basis marked as Bro practice reading § 15', async () => {
    expect(await s.call('settings.workloadLimit', {})).toMatchObject({
      hours: 18.5,
      source: 'default',
      defaultHours: 18.5,
      citation: { source: 'local', localPractice: { reading: 'DK § 15' } },
      updatedAt: null,
    });
  });

  it('judges a course by the vault limit: 10 hours pass at 18.5 and warn once the limit is 8', async () => {
    const doc = await courseWithHours(10);
    expect(await workloadFindings(doc.document.id)).toEqual([]);
    const set = await s.call('settings.setWorkloadLimit', { hours: 8 });
    expect(set).toMatchObject({ hours: 8, source: 'vault', updatedAt: '2026-03-02T10:00:00.000Z' });
    const [finding, ...rest] = await workloadFindings(doc.document.id);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      severity: 'warning',
      params: { hours: 10, limit: 8 },
      citation: { text: 'DK § 15' },
    });
    // The limit itself is not a breach: 10 hours at a limit of 10.
    await s.call('settings.setWorkloadLimit', { hours: 10 });
    expect(await workloadFindings(doc.document.id)).toEqual([]);
    expect((await s.call('settings.setWorkloadLimit', { hours: null })).source).toBe('default');
  });

  it.each([0.5, 37.5, 18.555, Number.NaN])('refuses a limit of %s and changes nothing', async (hours) => {
    await s.call('settings.setWorkloadLimit', { hours: 20 });
    const before = s.rows();
    const error = await s.fail('settings.setWorkloadLimit', { hours });
    expect(error.code).toBe('invalid_input');
    expect(s.rows()).toEqual(before);
    expect((await s.call('settings.workloadLimit', {})).hours).toBe(20);
  });

  it('logs each change in the audit log by name, never the value', async () => {
    await s.call('settings.setWorkloadLimit', { hours: 12.25 });
    const entries = listAudit(s.app.session.current().db).filter((e) => e.objectType === 'setting');
    expect(entries.at(-1)).toMatchObject({ action: 'update', objectId: 'dk_workload_limit' });
  });
});
