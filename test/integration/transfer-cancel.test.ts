// A transfer that will not take place, or was recorded by mistake, can be called off (NO pkt 8): before,
// nothing took a transfer off a case, so its due items stayed for ever and the case was closed at this
// unit on the planned day once a package had been made. Fictional people only.
import { afterEach, describe, expect, it } from 'vitest';
import { retentionItems } from '../support/retention-items';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { handoverSaver, seedSender, TRANSFER } from './handover-fixtures';

const apps = serviceApps();
afterEach(() => apps.cleanup());

const transferItems = async (s: ServiceApp, caseId: string) =>
  (await s.call('due.list', { caseId })).items.filter((item) => item.kind.startsWith('no_transfer_')).length;

/** The transfer's audit entries, oldest first, as the audit screen lists them. */
const auditOf = async (s: ServiceApp, caseId: string) =>
  (await s.call('audit.list', { objectId: caseId })).entries
    .filter((entry) => entry.objectType === 'case_transfer')
    .map((entry) => entry.action)
    .reverse();

describe('calling off a transfer', () => {
  it('takes the transfer and its due items off the case, logs it, and keeps the packages made', async () => {
    const a = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
    const { caseId, sent } = await seedSender(a, 'KOMPIS-TRF-9');
    await a.call('transfer.save', { caseId, transfer: TRANSFER });
    const choices = [{ documentId: sent.id, include: true, reason: 'Gjeldende plan' }];
    expect((await handoverSaver(a)({ caseId, choices })).output.saved).toBe(true);
    expect(await transferItems(a, caseId)).toBeGreaterThan(0);

    expect(await a.call('transfer.cancel', { caseId })).toEqual({ cancelled: true });
    const view = await a.call('transfer.get', { caseId });
    expect(view.transfer).toBeNull();
    expect(view.packages).toHaveLength(1);
    expect(await transferItems(a, caseId)).toBe(0);
    expect(await auditOf(a, caseId)).toEqual(['create', 'delete']);

    // Long after the planned day the case is still open here: the package made does not close it.
    a.setNow('2031-03-21T10:00:00.000Z');
    expect((await a.call('cases.purgePreview', { caseId })).closedOn).toBeNull();
    expect(await retentionItems(a, '2031-03-21')).toEqual([]);
  });

  it('refuses a case with no transfer, changing nothing', async () => {
    const a = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const { caseId } = await seedSender(a, 'KOMPIS-TRF-10');
    const before = a.rows();
    expect(await a.fail('transfer.cancel', { caseId })).toMatchObject({
      code: 'invalid_input',
      messageKey: 'handover.error.noTransferToCancel',
    });
    expect(a.rows()).toEqual(before);
  });

  it('refuses a deleted case', async () => {
    const a = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const { caseId } = await seedSender(a, 'KOMPIS-TRF-11');
    await a.call('transfer.save', { caseId, transfer: TRANSFER });
    await a.call('cases.delete', { id: caseId, reason: 'Registrert ved en feil' });
    const before = a.rows();
    expect(await a.fail('transfer.cancel', { caseId })).toMatchObject({ code: 'not_found' });
    expect(a.rows()).toEqual(before);
  });
});
