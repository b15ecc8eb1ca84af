import type { IsoDate, Profile } from '../../shared/domain';
import { earlierDate, localDayOf } from '../../shared/domain';
import {
  caseClosedOn,
  retentionDue,
  type CourseSpan,
  type RetentionPeriod,
  type RetentionSettings,
} from '../../shared/rules/retention';
import { isDate, parseJsonArray } from './due-values';

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
  /** The planned day of a transfer out whose handover package was made (NO pkt 8). */
  transferredOn: unknown;
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
    transferredOn: isDate(row.transferredOn) ? row.transferredOn : null,
  });
}

/**
 * The case's mentor courses from their stored row (retention-repo.ts MENTOR_COURSE_SPANS): variant,
 * start, end and deletion of each, as [variant, startDate, endDate, deletedAt]; values that are not
 * what they should be count as absent.
 */
export function courseSpans(stored: unknown, timeZone?: string): CourseSpan[] {
  return parseJsonArray(typeof stored === 'string' ? stored : null).map((entry) => {
    const [variant, startDate, endDate, deletedAt]: unknown[] = Array.isArray(entry) ? entry : [];
    return {
      variant: typeof variant === 'string' ? variant : '',
      startDate: isDate(startDate) ? startDate : null,
      endDate: isDate(endDate) ? endDate : null,
      deletedOn:
        typeof deletedAt === 'string' && !Number.isNaN(Date.parse(deletedAt)) ? localDayOf(deletedAt, timeZone) : null,
    };
  });
}

/**
 * When the retention of a closed (or deleted) case runs out (shared/rules/retention.ts retentionDue):
 * null while it is open; `dueOn` null while one of its mentor courses runs.
 */
export function retentionOf(
  row: ClosingFacts & { mentorCourses: unknown },
  profile: Profile,
  settings: RetentionSettings,
  today: IsoDate,
  timeZone?: string,
): { closedOn: IsoDate; period: RetentionPeriod; dueOn: IsoDate | null } | null {
  const courses = courseSpans(row.mentorCourses, timeZone);
  // A deleted case's courses were followed no longer than the case: none of them runs on.
  const caseDeletedOn = row.deletedAt === null ? null : localDayOf(row.deletedAt, timeZone);
  return retentionDue({
    profile,
    closedOn: closingDay(row, today, timeZone),
    courses:
      caseDeletedOn === null
        ? courses
        : courses.map((c) => ({ ...c, deletedOn: earlierDate(c.deletedOn, caseDeletedOn) ?? null })),
    today,
    settings,
  });
}
