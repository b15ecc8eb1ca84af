import type { Db } from '../db/connection';

/**
 * The due list's reads. Each is one statement over the whole vault (or one case) that joins live
 * cases, live documents and their current versions, and picks the few fields it needs out of the
 * JSON inside SQLite, so nothing is queried per case and no whole document crosses into JavaScript.
 * `caseId` null means the whole vault.
 */

const LIVE_CURRENT = `FROM documents d
  JOIN cases c ON c.id = d.case_id
  JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version`;
const LIVE = 'd.deleted_at IS NULL AND c.deleted_at IS NULL AND (? IS NULL OR d.case_id = ?)';

export type MeetingRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  meetingType: unknown;
  date: unknown;
  nextDate: unknown;
  /** Set on rows for an open action due by the given date; one row per such action. */
  actionId: unknown;
  deadline: unknown;
  actionStatus: unknown;
};

/**
 * One row per live meeting (its type, date and agreed next meeting), repeated once for each open or
 * in-progress action whose deadline is on or before `actionsUntil` (NO pkt 12).
 */
export function meetingRows(db: Db, actionsUntil: string, caseId: string | null): MeetingRow[] {
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference,
         v.content ->> '$.meetingType' AS meetingType, v.content ->> '$.date' AS date, v.content ->> '$.nextMeeting.date' AS nextDate,
         a.value ->> '$.id' AS actionId, a.value ->> '$.deadline' AS deadline, a.value ->> '$.status' AS actionStatus
       ${LIVE_CURRENT}
       LEFT JOIN json_each(v.content, '$.actions') a
         ON a.value ->> '$.status' IN ('open', 'in_progress') AND a.value ->> '$.deadline' <= ?
       WHERE d.kind = 'meeting' AND ${LIVE}`,
    )
    .all([actionsUntil, caseId, caseId]) as MeetingRow[];
}

export type DkCourseRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  variant: unknown;
  startDate: unknown;
  endDate: unknown;
  /** JSON array of dates. */
  meetingsHeld: string | null;
  /** JSON array of [period, receivedOn] pairs. */
  reports: string | null;
};

/** What DK § 13, stk. 3 and § 17 need of every live mentor course: start, end, meetings, reports. */
export function dkCourseRows(db: Db, caseId: string | null): DkCourseRow[] {
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference,
         v.content ->> '$.variant' AS variant, v.content ->> '$.startDate' AS startDate, v.content ->> '$.endDate' AS endDate,
         v.content -> '$.meetingsHeld' AS meetingsHeld,
         (SELECT json_group_array(json_array(r.value ->> '$.period', r.value ->> '$.receivedOn'))
            FROM json_each(v.content, '$.mentorReports') r) AS reports
       ${LIVE_CURRENT}
       WHERE d.kind = 'mentor_course' AND ${LIVE}`,
    )
    .all([caseId, caseId]) as DkCourseRow[];
}

export type FinalisedPlanRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  finalVersion: number;
  finalisedAt: string;
};

/** Every live follow-up plan with its newest finalised version (which may precede a newer draft). */
export function finalisedPlans(db: Db, caseId: string | null): FinalisedPlanRow[] {
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference, f.version AS finalVersion, f.created_at AS finalisedAt
       FROM documents d
       JOIN cases c ON c.id = d.case_id
       JOIN document_versions f ON f.document_id = d.id AND f.version = CASE WHEN d.status = 'final' THEN d.current_version
         ELSE (SELECT max(x.version) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final') END
       WHERE d.kind = 'follow_up_plan' AND ${LIVE}`,
    )
    .all([caseId, caseId]) as FinalisedPlanRow[];
}

export type LastSentRow = {
  documentId: string;
  recipient: string;
  version: number;
  sentOn: string;
};

/** For each live follow-up plan and each of the given recipients: the highest version sent, and when. */
export function lastPlanVersionsSent(db: Db, recipients: readonly string[], caseId: string | null): LastSentRow[] {
  const placeholders = recipients.map(() => '?').join(', ');
  // SQLite returns the bare column sent_on from the row that holds max(version).
  return db
    .prepare(
      `SELECT x.document_id AS documentId, x.recipient AS recipient, max(x.version) AS version, x.sent_on AS sentOn
       FROM distributions x
       JOIN documents d ON d.id = x.document_id
       JOIN cases c ON c.id = d.case_id
       WHERE d.kind = 'follow_up_plan' AND ${LIVE} AND x.recipient IN (${placeholders})
       GROUP BY x.document_id, x.recipient`,
    )
    .all([caseId, caseId, ...recipients]) as LastSentRow[];
}

export type ReleaseRow = {
  caseId: string;
  caseReference: string;
  expectedRelease: string;
};

/** Live cases still in custody whose expected release falls on or before `until`. */
export function casesReleasedBy(db: Db, until: string, caseId: string | null): ReleaseRow[] {
  return db
    .prepare(
      `SELECT c.id AS caseId, c.reference AS caseReference, c.expected_release AS expectedRelease
       FROM cases c
       WHERE c.deleted_at IS NULL AND c.status IN ('varetekt', 'fengsel') AND c.expected_release IS NOT NULL
         AND c.expected_release <= ? AND (? IS NULL OR c.id = ?)`,
    )
    .all([until, caseId, caseId]) as ReleaseRow[];
}
