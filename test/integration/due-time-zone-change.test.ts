// The machine's time zone changes while the vault is open (a laptop carried across a border, a setting
// changed): the home screen's days follow at once, as they do after a lock and unlock. The lists kept in
// memory were keyed without the zone and kept the old days until something was written (audit 6).
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('a time zone change while the vault is open', () => {
  it('moves the due list’s days at once, as a fresh unlock shows them', async () => {
    process.env.TZ = 'Europe/Oslo';
    const s = await apps.make('NO', '2026-03-01T20:00:00.000Z');
    const kase = await s.call('cases.create', {
      name: 'Ola Fiktiv Sonesen',
      caseReference: 'KOMPIS-960002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      arrivalDate: '2026-02-20',
      grading: GRADING,
    });
    const plan = await s.call('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() });
    s.setNow('2026-03-01T23:30:00.000Z'); // 00:30 on 2 March in Oslo, still 1 March in UTC
    await s.call('documents.finalise', { id: plan.document.id });
    s.setNow('2026-03-02T10:00:00.000Z');
    const copies = async () => ({
      view: (await s.call('due.view', { groupBy: 'status', limit: 25 })).items
        .filter((item) => item.filterKind === 'no_plan_copy')
        .map((item) => [item.dueDate, item.status]),
      list: (await s.call('due.list', {})).items
        .filter((item) => item.kind === 'no_plan_copy_kdi')
        .map((item) => [item.dueDate, item.status]),
    });
    const oslo = await copies();
    process.env.TZ = 'UTC';
    const open = await copies();
    s.app.session.lock();
    await s.app.session.unlock(PASSPHRASE);
    const reopened = await copies();
    expect(open).toEqual(reopened);
    expect(open).not.toEqual(oslo);
  });
});
