// A case transferred to another unit (NO pkt 8), its handover package made for that unit, is followed up
// at the sending unit no longer once the planned day has passed: its retention runs from that day. It
// was kept for ever without a word (audit 7). A transfer whose package was never made stays open (its
// overdue handover item says so). Fictional people only.
import { afterEach, describe, expect, it } from 'vitest';
import { retentionItems } from '../support/retention-items';
import { serviceApps } from '../support/service-app';
import { handoverSaver, seedSender, TRANSFER } from './handover-fixtures';

const apps = serviceApps();
afterEach(() => apps.cleanup());

describe('retention of a case transferred out', () => {
  it('runs from the planned day once the package was made, and not before', async () => {
    const a = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
    const sent = await seedSender(a, 'KOMPIS-TRF-1');
    const unsent = await seedSender(a, 'KOMPIS-TRF-2');
    for (const { caseId } of [sent, unsent]) await a.call('transfer.save', { caseId, transfer: TRANSFER });
    const choices = [{ documentId: sent.sent.id, include: true, reason: 'Gjeldende plan' }];
    expect((await handoverSaver(a)({ caseId: sent.caseId, choices })).output.saved).toBe(true);
    // Before the planned day the person is still here.
    expect((await a.call('cases.purgePreview', { caseId: sent.caseId })).closedOn).toBeNull();

    a.setNow('2031-03-21T10:00:00.000Z');
    expect(await a.call('cases.purgePreview', { caseId: sent.caseId })).toMatchObject({
      closedOn: TRANSFER.plannedDate,
      dueOn: '2031-03-20',
      due: true,
    });
    expect(await retentionItems(a, '2031-03-21')).toEqual([['KOMPIS-TRF-1', '2031-03-20']]);
    // No package made: not closed here, and not purged as if it were.
    expect((await a.call('cases.purgePreview', { caseId: unsent.caseId })).closedOn).toBeNull();
    expect(
      await a.fail('cases.purge', {
        caseId: unsent.caseId,
        confirmReference: 'KOMPIS-TRF-2',
        reason: 'retention_expired',
      }),
    ).toMatchObject({ messageKey: 'purge.error.caseOpen' });
  });
});
