import type { IsoDate } from '../domain/common';
import { addDays } from '../domain/iso-date';
import type { Transfer, TransferDueKind } from '../domain/transfer';
import { CITATIONS } from './citations';
import { dueStatus, type DueItem } from './due-items';

/** A transfer's due item: like the rules' own, with a transfer kind. */
export type TransferDueItem = Omit<DueItem, 'kind'> & { kind: TransferDueKind };

export interface TransferDueFacts {
  transfer: Transfer;
  /** The day the last handover package for this case was made, if any. */
  packageSentOn: IsoDate | null;
}

function item(kind: TransferDueKind, dueDate: IsoDate, today: IsoDate, messageKey: string, transfer: Transfer) {
  const citation =
    kind === 'no_transfer_meeting'
      ? CITATIONS.no12
      : kind === 'no_transfer_package'
        ? CITATIONS.localHandoverPackageLead
        : CITATIONS.no8;
  const params = { receivingUnit: transfer.receivingUnit, plannedDate: transfer.plannedDate };
  return { kind, dueDate, status: dueStatus(dueDate, today), citation, messageKey, params } satisfies TransferDueItem;
}

/**
 * What a transfer still needs, with its provision as data:
 * - NO pkt 8: contact with the receiving unit's radicalisation contact "bør etableres før" the transfer
 *   is decided: due by the decision date (the planned date while none is set) until contact is made;
 * - NO pkt 8: the information passed on ("videreformidle informasjon") before the person moves: the
 *   handover package is due the day before the planned date until one is made (the day is Bro's: pkt 8
 *   gives none, so the item carries the local-practice marker);
 * - NO pkt 12: "nødvendig med møter dersom den domfelte flytter til andre enheter": a meeting is due on
 *   the planned date until one is recorded.
 */
export function transferDueItems(facts: TransferDueFacts, today: IsoDate): TransferDueItem[] {
  const { transfer } = facts;
  const items: TransferDueItem[] = [];
  if (!transfer.contactMadeOn)
    items.push(
      item(
        'no_transfer_contact',
        transfer.decisionDate ?? transfer.plannedDate,
        today,
        'handover.due.contact',
        transfer,
      ),
    );
  if (facts.packageSentOn === null)
    items.push(item('no_transfer_package', addDays(transfer.plannedDate, -1), today, 'handover.due.package', transfer));
  if (!transfer.meetingOn)
    items.push(item('no_transfer_meeting', transfer.plannedDate, today, 'handover.due.meeting', transfer));
  return items;
}
