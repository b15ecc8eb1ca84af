import type { Db } from '../connection';
import { inCase, type CaseScope } from './case-filter';

/**
 * The due list's reads for the NO case events (issue 13, migration 0015), each twice: from the stored
 * facts (due_facts, what the app uses) and from the cases and documents themselves (the reference the
 * stored facts are tested against). Both give rows of the same shape, for the cases `scope` names (case-filter.ts).
 */

const STORED_LIVE_CASE = `JOIN cases c INDEXED BY cases_due ON c.id = f.case_id AND c.deleted_at IS NULL`;
const DOC_LIVE = `JOIN cases c ON c.id = d.case_id
  JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
  WHERE d.deleted_at IS NULL AND c.deleted_at IS NULL`;

export type CaseDueRow = {
  caseId: string;
  caseReference: string;
  status: string;
  expectedRelease: string | null;
  /** NO pkt 12: the arrival day (unchecked text). */
  arrivalDate: unknown;
  /** NO pkt 10: the day the case's own record puts it in the target group (migration 0026; unchecked text). */
  targetGroupSince: unknown;
};

/** As migration 0026's view reads it from a case row `c`: terror-related or vulnerable, from arrival. */
const TARGET_GROUP_SINCE = `CASE WHEN c.data ->> '$.targetGroup.reason' IN ('terror_related', 'vulnerable')
  THEN coalesce(c.data ->> '$.arrivalDate', substr(c.created_at, 1, 10)) END`;

export function storedCaseRows(db: Db, scope: CaseScope): CaseDueRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT c.id AS caseId, c.reference AS caseReference, c.status AS status, c.expected_release AS expectedRelease,
         f.facts ->> '$.arrivalDate' AS arrivalDate, f.facts ->> '$.targetGroupSince' AS targetGroupSince
       FROM due_facts f ${STORED_LIVE_CASE}
       WHERE f.kind = 'case' AND ${only.sql}`,
    )
    .all(only.params) as CaseDueRow[];
}

export function documentCaseRows(db: Db, scope: CaseScope): CaseDueRow[] {
  const only = inCase(scope, 'c.id');
  return db
    .prepare(
      `SELECT c.id AS caseId, c.reference AS caseReference, c.status AS status, c.expected_release AS expectedRelease,
         c.data ->> '$.arrivalDate' AS arrivalDate, ${TARGET_GROUP_SINCE} AS targetGroupSince
       FROM cases c
       WHERE c.deleted_at IS NULL AND ${only.sql}`,
    )
    .all(only.params) as CaseDueRow[];
}

export type NoCourseRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  version: number;
  outcome: unknown;
  startDate: unknown;
  endDate: unknown;
  /** JSON array of the cooperation meetings' dates (NO 13.4). */
  cooperation: string | null;
  municipalityContactedOn: unknown;
};

export function storedNoCourseRows(db: Db, scope: CaseScope): NoCourseRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT f.document_id AS documentId, f.case_id AS caseId, c.reference AS caseReference, f.version AS version,
         f.facts ->> '$.outcome' AS outcome, f.facts ->> '$.startDate' AS startDate, f.facts ->> '$.endDate' AS endDate,
         f.facts -> '$.cooperation' AS cooperation, f.facts ->> '$.municipalityContactedOn' AS municipalityContactedOn
       FROM due_facts f ${STORED_LIVE_CASE}
       WHERE f.kind = 'mentor_course' AND f.facts ->> '$.variant' = 'NO' AND ${only.sql}`,
    )
    .all(only.params) as NoCourseRow[];
}

export function documentNoCourseRows(db: Db, scope: CaseScope): NoCourseRow[] {
  const only = inCase(scope, 'd.case_id');
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference, d.current_version AS version,
         v.content ->> '$.kdiDecision.outcome' AS outcome, v.content ->> '$.startDate' AS startDate,
         v.content ->> '$.end.endDate' AS endDate,
         (SELECT json_group_array(m.value ->> '$.date') FROM json_each(v.content, '$.cooperationMeetings') m) AS cooperation,
         v.content ->> '$.municipalityHandover.contactedOn' AS municipalityContactedOn
       FROM documents d ${DOC_LIVE} AND d.kind = 'mentor_course' AND v.content ->> '$.variant' = 'NO' AND ${only.sql}`,
    )
    .all(only.params) as NoCourseRow[];
}

/**
 * NO pkt 9 and 10: the live cases that hold a live document of this kind. A visit routine counts once
 * it has been finalised ("det utarbeides rutiner … som distribueres"): a blank draft prepares nothing.
 * A future plan counts once one of its versions records the day it was offered (pkt 10, "tilbys"),
 * draft or not: an empty draft offered nothing (audit 9).
 */
export function storedCasesHolding(db: Db, kind: 'visit_routine' | 'future_plan', scope: CaseScope): string[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT DISTINCT f.case_id FROM due_facts f ${STORED_LIVE_CASE} WHERE f.kind = ? AND ${only.sql}
         AND (f.kind <> 'visit_routine' OR f.first_final_at IS NOT NULL)
         AND (f.kind <> 'future_plan' OR f.facts ->> '$.offeredOn' IS NOT NULL)
       ORDER BY 1`,
      { pluck: true },
    )
    .all([kind, ...only.params]) as string[];
}

export function documentCasesHolding(db: Db, kind: 'visit_routine' | 'future_plan', scope: CaseScope): string[] {
  const only = inCase(scope, 'd.case_id');
  return db
    .prepare(
      `SELECT DISTINCT d.case_id FROM documents d JOIN cases c ON c.id = d.case_id
       WHERE d.kind = ? AND d.deleted_at IS NULL AND c.deleted_at IS NULL AND ${only.sql}
         AND (d.kind <> 'visit_routine'
           OR EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.status = 'final'))
         AND (d.kind <> 'future_plan'
           OR EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.content ->> '$.offeredOn' IS NOT NULL))
       ORDER BY 1`,
      { pluck: true },
    )
    .all([kind, ...only.params]) as string[];
}

export type AgencyProblemRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  /** The day a problem not yet reported to KDI was noted (NO pkt 11). */
  notedOn: unknown;
};

export function storedAgencyProblems(db: Db, scope: CaseScope): AgencyProblemRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT f.document_id AS documentId, f.case_id AS caseId, c.reference AS caseReference, p.value AS notedOn
       FROM due_facts f ${STORED_LIVE_CASE}
       JOIN json_each(f.facts, '$.agencyProblems') p
       WHERE f.kind = 'follow_up_plan' AND ${only.sql}
       ORDER BY f.document_id, p.id`,
    )
    .all(only.params) as AgencyProblemRow[];
}

export function documentAgencyProblems(db: Db, scope: CaseScope): AgencyProblemRow[] {
  const only = inCase(scope, 'd.case_id');
  return db
    .prepare(
      `SELECT d.id AS documentId, d.case_id AS caseId, c.reference AS caseReference, p.value ->> '$.notedOn' AS notedOn
       FROM documents d
       JOIN cases c ON c.id = d.case_id
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       JOIN json_each(v.content, '$.agencyProblems') p
       WHERE d.kind = 'follow_up_plan' AND d.deleted_at IS NULL AND c.deleted_at IS NULL AND ${only.sql}
         AND p.value ->> '$.reportedToKdiOn' IS NULL
       ORDER BY d.id, p.id`,
    )
    .all(only.params) as AgencyProblemRow[];
}
