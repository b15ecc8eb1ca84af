// Saving what is already stored is no change (audit 9): a case saved as it is, a retention period or the
// DK § 15 limit set to what they are, write nothing and log nothing, as documents, records and
// templates already did. A real change is logged once. Fictional people only.
import { afterAll, describe, expect, it } from 'vitest';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
afterAll(() => apps.cleanup());

const entries = async (s: ServiceApp, objectId?: string) =>
  (await s.call('audit.list', objectId ? { objectId } : {})).entries.length;

describe('a save that changes nothing', () => {
  it('leaves a case, its day and the audit log as they were; a real change is logged', async () => {
    const s = await apps.make('NO');
    const kase = await s.call('cases.create', {
      name: 'Åse Fiktiv',
      caseReference: 'KOMPIS-NOOP-1',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'UGRADERT' },
    });
    const { id, effectiveGrading: _e, createdAt: _c, updatedAt, ...fields } = kase;
    const before = await entries(s, id);
    const same = await s.call('cases.update', { ...fields, id, expectedUpdatedAt: updatedAt });
    expect(same.updatedAt).toBe(updatedAt);
    expect(await entries(s, id)).toBe(before);
    await s.call('cases.update', { ...fields, id, unit: 'Nordby fengsel', expectedUpdatedAt: updatedAt });
    expect(await entries(s, id)).toBe(before + 1);
  });

  it('leaves a retention period or the workload limit set to what it is unlogged', async () => {
    const s = await apps.make('DK');
    const start = await entries(s);
    await s.call('retention.update', { kind: 'case', years: null });
    await s.call('settings.setWorkloadLimit', { hours: null });
    expect(await entries(s)).toBe(start);
    await s.call('retention.update', { kind: 'case', years: 7, basis: 'Arkivplan' });
    await s.call('settings.setWorkloadLimit', { hours: 15 });
    expect(await entries(s)).toBe(start + 2);
    await s.call('retention.update', { kind: 'case', years: 7, basis: ' Arkivplan ' });
    await s.call('settings.setWorkloadLimit', { hours: 15 });
    expect(await entries(s)).toBe(start + 2);
  });
});
