import type { IsoDate, Profile } from '../../shared/domain';
import { localDayOf } from '../../shared/domain';
import {
  addYears,
  caseClosedOn,
  longestPeriod,
  retentionKindsOf,
  type RetentionPeriod,
  type RetentionSettings,
} from '../../shared/rules/retention';
import { isDate } from './due-values';

/**
 * A stored case's retention, counted the same way wherever it is shown: the due list, the deleted cases
 * and the purge. Closing and deleting count by the local day (`timeZone`, the machine's own by default).
 */

/** What a case row holds of its closing (values read from the vault are checked here, once). */
export interface ClosingFacts {
  status: string;
  expectedRelease: unknown;
  updatedAt: string;
  /** The day it was marked released in Bro (case data). */
  closedOn: unknown;
  deletedAt: string | null;
}

/** When the case's retention starts (shared/rules/retention.ts caseClosedOn); null while it is open. */
export function closingDay(row: ClosingFacts, today: IsoDate, timeZone?: string): IsoDate | null {
  return caseClosedOn({
    status: row.status,
    expectedRelease: isDate(row.expectedRelease) ? row.expectedRelease : null,
    updatedOn: localDayOf(row.updatedAt, timeZone),
    today,
    closedOn: isDate(row.closedOn) ? row.closedOn : null,
    deletedOn: row.deletedAt === null ? null : localDayOf(row.deletedAt, timeZone),
  });
}

/**
 * When the retention of a closed (or deleted) case runs out: the longest period of the kinds it holds,
 * from its closing day; null while it is open.
 */
export function retentionOf(
  row: ClosingFacts & { holdsMentorCourse: number },
  profile: Profile,
  settings: RetentionSettings,
  today: IsoDate,
  timeZone?: string,
): { closedOn: IsoDate; period: RetentionPeriod; dueOn: IsoDate } | null {
  const closedOn = closingDay(row, today, timeZone);
  if (closedOn === null) return null;
  const period = longestPeriod(profile, retentionKindsOf(row.holdsMentorCourse ? ['mentor_course'] : []), settings);
  return { closedOn, period, dueOn: addYears(closedOn, period.years) };
}
