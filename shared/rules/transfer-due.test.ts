import { describe, expect, it } from 'vitest';
import { TransferSchema } from '../domain/transfer';
import { transferDueItems } from './transfer-due';

const transfer = TransferSchema.parse({
  kind: 'other_unit',
  receivingUnit: 'Nordby fengsel',
  plannedDate: '2026-03-20',
});
const kinds = (items: ReturnType<typeof transferDueItems>) =>
  items.map((item) => [item.kind, item.dueDate, item.status]);

describe('transfer due items (NO pkt 8, 12)', () => {
  it('asks for contact by the planned date while no decision date is set, the package the day before, the meeting on the day', () => {
    expect(kinds(transferDueItems({ transfer, packageSentOn: null }, '2026-03-19'))).toEqual([
      ['no_transfer_contact', '2026-03-20', 'upcoming'],
      ['no_transfer_package', '2026-03-19', 'due'],
      ['no_transfer_meeting', '2026-03-20', 'upcoming'],
    ]);
  });

  it('asks for contact by the decision date ("bør etableres før" the transfer is decided)', () => {
    const items = transferDueItems(
      { transfer: { ...transfer, decisionDate: '2026-03-10' }, packageSentOn: null },
      '2026-03-11',
    );
    expect(items[0]).toMatchObject({ kind: 'no_transfer_contact', dueDate: '2026-03-10', status: 'overdue' });
    expect(items[0]?.citation.text).toBe('NO pkt 8');
  });

  it('clears each item by its own fact: contact made, package sent, meeting held', () => {
    const done = { ...transfer, contactMadeOn: '2026-03-01', meetingOn: '2026-03-20' };
    expect(transferDueItems({ transfer: done, packageSentOn: '2026-03-18' }, '2026-03-25')).toEqual([]);
    expect(kinds(transferDueItems({ transfer: done, packageSentOn: null }, '2026-03-25'))).toEqual([
      ['no_transfer_package', '2026-03-19', 'overdue'],
    ]);
  });

  it('cites NO pkt 12 for the meeting when the person moves', () => {
    const meeting = transferDueItems({ transfer, packageSentOn: null }, '2026-03-01').find(
      (i) => i.kind === 'no_transfer_meeting',
    );
    expect(meeting?.citation.text).toBe('NO pkt 12');
  });
});
