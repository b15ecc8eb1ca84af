import type { Db } from '../connection';
import { inCase, type CaseScope } from './case-filter';

/**
 * The due list's reads. Each is one statement over the whole vault (or one case, or a list of
 * documents), never one per case; the few fields needed are picked out of the JSON inside SQLite, so
 * no whole document crosses into JavaScript. `scope` names the cases read (case-filter.ts).
 */

const LIVE = 'd.deleted_at IS NULL AND c.deleted_at IS NULL';

export type LiveDocumentRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  version: number;
};

/** Live documents of one kind in live cases, with their current version numbers (no content read). */
export function liveDocuments(db: Db, kind: string, scope: CaseScope): LiveDocumentRow[] {
  const only = inCase(scope, 'd.case_id');
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference, d.current_version AS version
       FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE d.kind = ? AND ${LIVE} AND ${only.sql}`,
    )
    .all([kind, ...only.params]) as LiveDocumentRow[];
}

/** Restricts a facts query to the given documents, or to every live document of the kind when null. */
function scope(ids: readonly string[] | null): { sql: string; params: string[] } {
  return ids === null
    ? { sql: 'd.deleted_at IS NULL', params: [] }
    : { sql: 'd.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] };
}

export type MeetingFactRow = {
  documentId: string;
  version: number;
  meetingType: unknown;
  date: unknown;
  /** A release meeting's release or transfer date. */
  releaseDate: unknown;
  /** JSON [date, release date] of the newest finalised minutes, when they are a release meeting's. */
  finalRelease: string | null;
  nextDate: unknown;
  /** Set on rows for an open or in-progress action with a deadline; one row per such action. */
  actionId: unknown;
  deadline: unknown;
  actionStatus: unknown;
};

/**
 * What NO pkt 12 needs of the current version of meetings: type, date, agreed next meeting, and one
 * row for each open or in-progress action with a deadline.
 */
export function meetingFactRows(db: Db, ids: readonly string[] | null): MeetingFactRow[] {
  const where = scope(ids);
  return db
    .prepare(
      `SELECT d.id AS documentId, d.current_version AS version,
         v.content ->> '$.meetingType' AS meetingType, v.content ->> '$.date' AS date, v.content ->> '$.nextMeeting.date' AS nextDate,
         v.content ->> '$.releaseDate' AS releaseDate,
         (SELECT CASE WHEN x.content ->> '$.meetingType' = 'release'
             THEN json_array(x.content ->> '$.date', x.content ->> '$.releaseDate') END
           FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final' ORDER BY x.version DESC LIMIT 1)
           AS finalRelease,
         a.value ->> '$.id' AS actionId, a.value ->> '$.deadline' AS deadline, a.value ->> '$.status' AS actionStatus
       FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       LEFT JOIN json_each(v.content, '$.actions') a
         ON a.value ->> '$.status' IN ('open', 'in_progress') AND a.value ->> '$.deadline' IS NOT NULL
       WHERE d.kind = 'meeting' AND ${where.sql}`,
    )
    .all(where.params) as MeetingFactRow[];
}

export type DkCourseFactRow = {
  documentId: string;
  version: number;
  variant: unknown;
  startDate: unknown;
  endDate: unknown;
  /** JSON array of dates. */
  meetingsHeld: string | null;
  /** JSON array of [period, receivedOn] pairs. */
  reports: string | null;
  /** DK § 13, stk. 2 and 4: the person responsible for the course. */
  responsible: unknown;
};

/** What DK § 13, stk. 3 and § 17 need of the current version of mentor courses. */
export function dkCourseFactRows(db: Db, ids: readonly string[] | null): DkCourseFactRow[] {
  const where = scope(ids);
  return db
    .prepare(
      `SELECT d.id AS documentId, d.current_version AS version,
         v.content ->> '$.variant' AS variant, v.content ->> '$.startDate' AS startDate, v.content ->> '$.endDate' AS endDate,
         v.content -> '$.meetingsHeld' AS meetingsHeld,
         (SELECT json_group_array(json_array(r.value ->> '$.period', r.value ->> '$.receivedOn'))
            FROM json_each(v.content, '$.mentorReports') r) AS reports,
         v.content ->> '$.responsiblePerson' AS responsible
       FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       WHERE d.kind = 'mentor_course' AND ${where.sql}`,
    )
    .all(where.params) as DkCourseFactRow[];
}

export type FinalisedPlanRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  finalVersion: number;
  finalisedAt: string;
  /** When the plan was first finalised (NO pkt 10: the person is in the target group from then). */
  firstFinalisedAt: string;
  /** JSON [version, sentOn] of the highest version sent to region / KDI, or null. */
  regionSent: string | null;
  kdiSent: string | null;
  /** When the oldest finalised version region / KDI has not had was finalised, or null if it has the newest. */
  regionDueAt: string | null;
  kdiDueAt: string | null;
};

const lastSent = (recipient: 'region' | 'kdi') =>
  `(SELECT json_array(x.version, x.sent_on) FROM distributions x
     WHERE x.document_id = d.id AND x.recipient = '${recipient}' ORDER BY x.version DESC LIMIT 1)`;

const unsentSince = (recipient: 'region' | 'kdi') =>
  `(SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
     AND x.version > coalesce((SELECT MAX(y.version) FROM distributions y WHERE y.document_id = d.id AND y.recipient = '${recipient}'), 0))`;

/**
 * Every live follow-up plan with its newest finalised version (which may precede a newer draft) and
 * the highest version region and KDI have received (NO pkt 11), found through the distributions index.
 * When the current version is final, documents.updated_at is its save time (saveVersion keeps it so),
 * which spares reading the plan's long content to reach the version's own created_at.
 */
export function finalisedPlans(db: Db, scope: CaseScope): FinalisedPlanRow[] {
  const only = inCase(scope, 'd.case_id');
  const newestFinal = (column: string) =>
    `(SELECT x.${column} FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final' ORDER BY x.version DESC LIMIT 1)`;
  return db
    .prepare(
      `SELECT * FROM (
         SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference,
           CASE WHEN d.status = 'final' THEN d.current_version ELSE ${newestFinal('version')} END AS finalVersion,
           CASE WHEN d.status = 'final' THEN d.updated_at ELSE ${newestFinal('created_at')} END AS finalisedAt,
           (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final')
             AS firstFinalisedAt,
           ${lastSent('region')} AS regionSent, ${lastSent('kdi')} AS kdiSent,
           ${unsentSince('region')} AS regionDueAt, ${unsentSince('kdi')} AS kdiDueAt
         FROM documents d
         JOIN cases c ON c.id = d.case_id
         WHERE d.kind = 'follow_up_plan' AND ${LIVE} AND ${only.sql})
       WHERE finalVersion IS NOT NULL`,
    )
    .all(only.params) as FinalisedPlanRow[];
}

export type ReleaseRow = {
  caseId: string;
  caseReference: string;
  expectedRelease: string;
};

/**
 * Live cases still in custody whose expected release falls on or before `until`. Through the narrow
 * cases_due index: the first due list after unlock would otherwise read (and decrypt) every case row.
 */
export function casesReleasedBy(db: Db, until: string, scope: CaseScope): ReleaseRow[] {
  const only = inCase(scope, 'c.id');
  return db
    .prepare(
      `SELECT c.id AS caseId, c.reference AS caseReference, c.expected_release AS expectedRelease
       FROM cases c INDEXED BY cases_due
       WHERE c.deleted_at IS NULL AND c.status IN ('varetekt', 'fengsel') AND c.expected_release IS NOT NULL
         AND c.expected_release <= ? AND ${only.sql}`,
    )
    .all([until, ...only.params]) as ReleaseRow[];
}

export type FinalisedConcernRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  /** When the concern was first finalised (UTC timestamp). */
  finalisedAt: string;
  /** The day the concern arose, as its newest final version records it, if it does. */
  raisedOn: string | null;
  /** The newest day by which one of the case's concern reports had gone to police, PST, region and KDI. */
  reportSentOn: string | null;
  /**
   * When a final version first found registration in Infoflyt needed (NO pkt 5 and 7), while its newest
   * final version still does (UTC timestamp); null otherwise.
   */
  infoflytNeededAt: string | null;
  /** The case's Infoflyt status as its record holds it (NO pkt 7; unchecked text). */
  infoflytStatus: unknown;
};

/** A concern's final version's NO pkt 5 position on Infoflyt registration, for version row `x`. */
const INFOFLYT_STANCE = "x.content ->> '$.positions.infoflytRegistration.stance'";

/** The day a concern report had gone to all four NO pkt 6 names (null while one has nothing), for `id`. */
const SENT_TO_ALL = (id: string) =>
  `max(${['politi', 'pst', 'region', 'kdi']
    .map((to) => `(SELECT MIN(x.sent_on) FROM distributions x WHERE x.document_id = ${id} AND x.recipient = '${to}')`)
    .join(', ')})`;

/**
 * Every live concern that has been finalised (NO pkt 5), with the time of its first final version, the
 * day it arose, when one of the case's concern reports had been sent as NO pkt 6 asks, and whether it
 * found registration in Infoflyt needed and the case records the request (NO pkt 7).
 */
export function finalisedConcerns(db: Db, scope: CaseScope): FinalisedConcernRow[] {
  const only = inCase(scope, 'd.case_id');
  return db
    .prepare(
      `SELECT * FROM (
         SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference,
           (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final') AS finalisedAt,
           (SELECT x.content ->> '$.raisedOn' FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
              ORDER BY x.version DESC LIMIT 1) AS raisedOn,
           (SELECT MAX(${SENT_TO_ALL('r.id')}) FROM documents r
              WHERE r.case_id = d.case_id AND r.kind = 'concern_report' AND r.deleted_at IS NULL) AS reportSentOn,
           CASE WHEN (SELECT ${INFOFLYT_STANCE} FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
               ORDER BY x.version DESC LIMIT 1) = 'needed'
             THEN (SELECT MIN(x.created_at) FROM document_versions x WHERE x.document_id = d.id AND x.status = 'final'
               AND ${INFOFLYT_STANCE} = 'needed') END AS infoflytNeededAt,
           c.data ->> '$.infoflyt.status' AS infoflytStatus
         FROM documents d
         JOIN cases c ON c.id = d.case_id
         WHERE d.kind = 'concern' AND ${LIVE} AND ${only.sql})
       WHERE finalisedAt IS NOT NULL`,
    )
    .all(only.params) as FinalisedConcernRow[];
}
