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
 * it runs from closing (caseClosedOn).
 */
export function retentionDueItems(db: Db, w: Window, profile: Profile, caseId: string | null): DueListEntry[] {
  const settings = retentionSettings(db);
  return closedCases(db, caseId).flatMap((row) => {
    const period = longestPeriod(profile, retentionKindsOf(row.holdsMentorCourse ? ['mentor_course'] : []), settings);
    const closedOn = caseClosedOn({
      status: 'loslatt',
      expectedRelease: isDate(row.expectedRelease) ? row.expectedRelease : null,
      updatedOn: localDayOf(row.updatedAt, w.timeZone),
      today: w.today,
      closedOn: isDate(row.closedOn) ? row.closedOn : null,
    });
    if (closedOn === null) return [];
    const dueDate = addYears(closedOn, period.years);
    if (dueDate > w.until) return [];
    return [
      {
        kind: 'retention_expired',
        dueDate,
        status: dueStatus(dueDate, w.today),
        citation: period.citation,
        messageKey: 'retention.due.expired',
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
