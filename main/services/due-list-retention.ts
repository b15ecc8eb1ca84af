import type { CaseScope } from '../db/repositories/case-filter';
import type { Profile } from '../../shared/domain';
import { dueStatus } from '../../shared/rules';
import type { Db } from '../db/connection';
import { closedCases } from '../db/repositories/due-facts-repo';
import type { DueListEntry, Window } from './due-list';
import { retentionSettings } from './retention-settings';
import { retentionOf } from './case-retention';

/**
 * Issue 14 part 3: a closed case whose retention period has run out (or runs out within the horizon)
 * is listed once, on the day its period ends, so someone decides whether to purge it. The period is
 * the longest of the vault's settings (else the profile's defaults) for the kinds the case holds;
 * it runs from closing (caseClosedOn). A deleted case is listed too, as deleted (it is no longer shown
 * anywhere else): it runs from the day it was deleted, unless it was closed before.
 */
export function retentionDueItems(db: Db, w: Window, profile: Profile, scope: CaseScope): DueListEntry[] {
  const settings = retentionSettings(db);
  return closedCases(db, scope).flatMap((row) => {
    const retention = retentionOf(row, profile, settings, w.today, w.timeZone);
    // Open, or held by a running mentor course (whose own items are listed meanwhile).
    if (retention === null || retention.dueOn === null || retention.dueOn > w.until) return [];
    const { closedOn, period, dueOn: dueDate } = retention;
    return [
      {
        kind: row.deletedAt === null ? 'retention_expired' : 'retention_expired_deleted',
        dueDate,
        status: dueStatus(dueDate, w.today),
        citation: period.citation,
        messageKey: row.deletedAt === null ? 'retention.due.expired' : 'retention.due.deletedExpired',
        params: { closedOn, years: period.years, dueDate },
        period: undefined,
        caseId: row.caseId,
        caseReference: row.caseReference,
        documentId: undefined,
        documentKind: undefined,
        actionId: undefined,
      },
    ];
  });
}
