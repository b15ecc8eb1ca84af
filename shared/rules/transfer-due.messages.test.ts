// What the due list says about a transfer: each item's message, the unit and date it names, and the
// provision it cites (NO pkt 8 for contact and package, pkt 12 for the meeting).
import { describe, expect, it } from 'vitest';
import { TransferSchema } from '../domain/transfer';
import { CITATIONS } from './citations';
import { transferDueItems } from './transfer-due';

const transfer = TransferSchema.parse({
  kind: 'other_unit',
  receivingUnit: 'Nordby fengsel',
  plannedDate: '2026-03-20',
});

describe('transfer due items as the due list shows them', () => {
  it('names the receiving unit and the planned date, with each item’s message and citation', () => {
    const params = { receivingUnit: 'Nordby fengsel', plannedDate: '2026-03-20' };
    expect(transferDueItems({ transfer, packageSentOn: null }, '2026-03-19')).toEqual([
      {
        kind: 'no_transfer_contact',
        dueDate: '2026-03-20',
        status: 'upcoming',
        citation: CITATIONS.no8,
        messageKey: 'handover.due.contact',
        params,
      },
      {
        kind: 'no_transfer_package',
        dueDate: '2026-03-19',
        status: 'due',
        // Pkt 8 gives no deadline: the day before is Bro's reading, marked as such (audit 9).
        citation: CITATIONS.localHandoverPackageLead,
        messageKey: 'handover.due.package',
        params,
      },
      {
        kind: 'no_transfer_meeting',
        dueDate: '2026-03-20',
        status: 'upcoming',
        citation: CITATIONS.no12,
        messageKey: 'handover.due.meeting',
        params,
      },
    ]);
  });
});
