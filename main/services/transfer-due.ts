import type { CaseScope } from '../db/repositories/case-filter';
import type { IsoDate } from '../../shared/domain';
import { TransferSchema } from '../../shared/domain/transfer';
import { transferDueItems, type TransferDueItem } from '../../shared/rules/transfer-due';
import type { Db } from '../db/connection';
import { transfersForDueList } from '../db/repositories/transfer-repo';

/** A transfer's due item with its place, shaped like the due list's other entries. */
export type TransferDueEntry = TransferDueItem & {
  caseId: string;
  caseReference: string;
  documentId?: undefined;
  documentKind?: undefined;
  actionId?: undefined;
};

/**
 * The due items of every recorded transfer (NO pkt 8 and 12) of live cases, or of one case: overdue,
 * due today, or upcoming until `until`. A stored transfer that no longer parses is skipped, not fatal.
 */
export function transferDueEntries(db: Db, scope: CaseScope, today: IsoDate, until: IsoDate): TransferDueEntry[] {
  return transfersForDueList(db, scope).flatMap((row) => {
    const transfer = TransferSchema.safeParse(row.data);
    if (!transfer.success) return [];
    return transferDueItems({ transfer: transfer.data, packageSentOn: row.packageSentOn }, today)
      .filter((item) => item.status !== 'upcoming' || item.dueDate <= until)
      .map((item) => ({
        ...item,
        params: { ...item.params, dueDate: item.dueDate },
        caseId: row.caseId,
        caseReference: row.caseReference,
      }));
  });
}
