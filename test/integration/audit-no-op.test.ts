// Saving what is already stored is no change (audit 9): a case saved as it is, a retention period or the
// DK § 15 limit set to what they are, write nothing and log nothing, as documents, records and
// templates already did. A real change is logged once. Fictional people only.
import { afterAll, describe, expect, it } from 'vitest';
import { caseWithCourse, conversationInput, MENTOR_SCHEME_PASSPHRASE } from '../support/compartment-fixtures';
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

  it('leaves a conversation record saved as it is sealed unlogged, with no earlier wording added', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-NOOP-2');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const saved = await s.call('conversations.save', conversationInput(courseId));
    const before = await entries(s, saved.id);
    const again = await s.call('conversations.save', { ...conversationInput(courseId), id: saved.id });
    expect(again).toEqual(saved);
    expect(await entries(s, saved.id)).toBe(before);
    await s.call('conversations.save', { ...conversationInput(courseId, 'Samtale om arbeid'), id: saved.id });
    expect(await entries(s, saved.id)).toBe(before + 1);
  });

  it('dates the compartment’s creation and unlock when the key is derived, not when the call began', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const creating = s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    // The clock moves while the key is derived.
    s.setNow('2026-03-02T10:00:07.000Z');
    await creating;
    await s.call('compartment.lock', {});
    s.setNow('2026-03-02T11:00:00.000Z');
    const unlocking = s.call('compartment.unlock', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    s.setNow('2026-03-02T11:00:05.000Z');
    await unlocking;
    const logged = (await s.call('audit.list', { objectId: 'mentor-scheme' })).entries.map((e) => [e.action, e.at]);
    expect(logged).toEqual(
      expect.arrayContaining([
        ['create', '2026-03-02T10:00:07.000Z'],
        ['compartment_unlock', '2026-03-02T11:00:05.000Z'],
      ]),
    );
  });
});
