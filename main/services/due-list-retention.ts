import type { Profile } from '../../shared/domain';
import { addYears, caseClosedOn, longestPeriod, retentionKindsOf } from '../../shared/rules/retention';
import { dueStatus } from '../../shared/rules';
import type { Db } from '../db/connection';
import { closedCases } from '../db/repositories/due-facts-repo';
import { isDate } from './due-list-facts';
import type { DueListEntry, Window } from './due-list';
import { retentionSettings } from './retention-settings';
import { localDayOf } from '../../shared/domain';

/**
 * Issue 14 part 3: a closed case whose retention period has run out (or runs out within the horizon)
 * is listed once, on the day its period ends, so someone decides whether to purge it. The period is
 * the longest of the vault's settings (else the profile's defaults) for the kinds the case holds;
 * it runs from closing (caseClosedOn). A deleted case is listed too, as deleted (it is no longer shown
 * anywhere else): it runs from the day it was deleted, unless it was closed before.
 */
export function retentionDueItems(db: Db, w: Window, profile: Profile, caseId: string | null): DueListEntry[] {
  const settings = retentionSettings(db);
  return closedCases(db, caseId).flatMap((row) => {
    const period = longestPeriod(profile, retentionKindsOf(row.holdsMentorCourse ? ['mentor_course'] : []), settings);
    const closedOn = caseClosedOn({
      status: row.status,
      expectedRelease: isDate(row.expectedRelease) ? row.expectedRelease : null,
      updatedOn: localDayOf(row.updatedAt, w.timeZone),
      today: w.today,
      closedOn: isDate(row.closedOn) ? row.closedOn : null,
      deletedOn: row.deletedAt === null ? null : localDayOf(row.deletedAt, w.timeZone),
    });
    if (closedOn === null) return [];
    const dueDate = addYears(closedOn, period.years);
    if (dueDate > w.until) return [];
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
