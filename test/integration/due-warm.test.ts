import { setImmediate as immediate, setTimeout as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dueRowsReady } from '../../main/services/due-view-service';
import { localDate } from '../../main/services/service-context';
import { newDraft } from '../../shared/templates';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Issue 15: the due list is worked out right after unlock, while the window switches to the home
 * screen, so the screen's first due.view answers from memory. Real app, real vault, real router.
 */
const apps = serviceApps();
let s: ServiceApp;
const NOW = '2026-03-02T10:00:00.000Z';

const ready = () => {
  const { db, profile } = s.app.session.current();
  return dueRowsReady(db, profile, localDate(new Date(NOW)));
};

beforeAll(async () => {
  s = await apps.make('NO', NOW);
  const kase = await s.call('cases.create', {
    name: 'Varm Fiktivsen',
    caseReference: 'KOMPIS-150001',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: GRADING,
  });
  const plan = await s.call('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() });
  await s.call('documents.finalise', { id: plan.document.id });
  // Offered a future plan (NO pkt 10), so the plan's copies are the only item.
  const futurePlan = { ...newDraft('future_plan', { profile: 'NO', grading: GRADING }), offeredOn: '2026-03-01' };
  await s.call('documents.create', { caseId: kase.id, kind: 'future_plan', content: futurePlan });
});
afterAll(() => apps.cleanup());

describe('the due list after unlock', () => {
  it('is ready in memory before the home screen asks, and due.view answers with it', async () => {
    s.app.session.lock();
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(ready()).toBe(false);
    // Not before a timer: the unlock's answer leaves through the event loop's I/O turn first.
    await immediate();
    expect(ready()).toBe(false);
    await nextTurn(0);
    expect(ready()).toBe(true);
    const view = await s.call('due.view', {});
    // The finalised plan's copies to region and KDI, due together: one row.
    expect(view.items.map((item) => item.filterKind)).toEqual(['no_plan_copy']);
    expect(view.counts.overdue + view.counts.due + view.counts.upcoming).toBe(1);
  });

  it('is worked out again after a write, not served stale', async () => {
    await nextTurn(0);
    expect(ready()).toBe(true);
    const { id } = await s.call('cases.create', {
      name: 'Skriv Fiktivsen',
      caseReference: 'KOMPIS-150002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    expect(ready()).toBe(false);
    await s.call('cases.delete', { id, reason: 'Fiktiv test' });
    expect((await s.call('due.view', {})).items).toHaveLength(1);
  });

  it('keeps nothing and throws nothing when the vault is locked before the work starts', async () => {
    s.app.session.lock();
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    const first = s.app.session.current().db;
    s.app.session.lock();
    await nextTurn(0);
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(s.app.session.current().db).not.toBe(first);
    await nextTurn(0);
    expect(ready()).toBe(true);
    expect((await s.call('due.view', {})).items).toHaveLength(1);
  });
});
