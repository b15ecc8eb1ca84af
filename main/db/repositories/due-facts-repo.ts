import type { Db } from '../connection';
import { inCase, type CaseScope, type CaseSpan } from './case-filter';
import { MENTOR_COURSE_SPANS, TRANSFERRED_ON } from './retention-repo';
import type { FinalisedConcernRow, FinalisedPlanRow } from './due-list-repo';

/**
 * The due list's reads over due_facts (migration 0011): the facts of each live document, written by
 * triggers in the transaction of every save, so nothing here opens a document. Cases are read through
 * the narrow cases_due index (reference and retention dates), never their personal data; `scope` names
 * the cases read (case-filter.ts).
 */

const LIVE_CASE = `JOIN cases c INDEXED BY cases_due ON c.id = f.case_id AND c.deleted_at IS NULL`;

export type StoredFactsRow = {
  documentId: string;
  caseId: string;
  caseReference: string;
  version: number;
  status: string;
  /** JSON of the version's dated content (see the migration). */
  facts: string | null;
};

/** Stored facts of the live documents of one kind ('meeting' or 'mentor_course') in live cases. */
export function storedFactRows(db: Db, kind: 'meeting' | 'mentor_course', scope: CaseScope): StoredFactsRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT f.document_id AS documentId, f.case_id AS caseId, c.reference AS caseReference,
         f.version AS version, f.status AS status, f.facts AS facts
       FROM due_facts f ${LIVE_CASE}
       WHERE f.kind = ? AND ${only.sql}`,
    )
    .all([kind, ...only.params]) as StoredFactsRow[];
}

/** Live follow-up plans with a finalised version, and the highest version region and KDI have (NO pkt 11). */
export function storedFinalisedPlans(db: Db, scope: CaseScope): FinalisedPlanRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT f.document_id AS documentId, f.case_id AS caseId, c.reference AS caseReference,
         f.last_final_version AS finalVersion, f.last_final_at AS finalisedAt, f.first_final_at AS firstFinalisedAt,
         f.region_sent AS regionSent, f.kdi_sent AS kdiSent,
         f.facts ->> '$.regionDueAt' AS regionDueAt, f.facts ->> '$.kdiDueAt' AS kdiDueAt
       FROM due_facts f ${LIVE_CASE}
       WHERE f.kind = 'follow_up_plan' AND f.last_final_version IS NOT NULL AND ${only.sql}`,
    )
    .all(only.params) as FinalisedPlanRow[];
}

/**
 * Live finalised concerns (NO pkt 5) with the day each arose, the newest day one of their case's
 * concern reports had gone to police, PST, region and KDI (NO pkt 6; migration 0024), and when each
 * found registration in Infoflyt needed (NO pkt 7; migration 0027), with the case's Infoflyt status from
 * the case's own facts.
 */
export function storedFinalisedConcerns(db: Db, scope: CaseScope): FinalisedConcernRow[] {
  const only = inCase(scope);
  return db
    .prepare(
      `SELECT f.document_id AS documentId, f.case_id AS caseId, c.reference AS caseReference,
         f.first_final_at AS finalisedAt, f.facts ->> '$.raisedOn' AS raisedOn,
         (SELECT MAX(r.facts ->> '$.sentOn') FROM due_facts r WHERE r.kind = 'concern_report' AND r.case_id = f.case_id)
           AS reportSentOn,
         f.facts ->> '$.infoflytNeededAt' AS infoflytNeededAt,
         k.facts ->> '$.infoflyt' AS infoflytStatus
       FROM due_facts f ${LIVE_CASE}
       LEFT JOIN due_facts k ON k.kind = 'case' AND k.case_id = f.case_id AND k.document_id = f.case_id
       WHERE f.kind = 'concern' AND f.first_final_at IS NOT NULL AND ${only.sql}`,
    )
    .all(only.params) as FinalisedConcernRow[];
}

export type ClosedCaseRow = {
  caseId: string;
  caseReference: string;
  status: string;
  expectedRelease: string | null;
  updatedAt: string;
  /** The day the case was marked released in Bro, when it was (case data). */
  closedOn: unknown;
  /** When the case was deleted; null for a live case. */
  deletedAt: string | null;
  /**
   * The case's mentor courses, deleted ones included (retention-repo.ts MENTOR_COURSE_SPANS): their
   * retention applies too, counted from their end. The purge reads them the same way, so the due list
   * and the purge agree on the day.
   */
  mentorCourses: unknown;
  /** The planned day of a transfer out whose package was made (retention-repo.ts TRANSFERRED_ON). */
  transferredOn: unknown;
};

const CLOSED_COLUMNS = `c.id AS caseId, c.reference AS caseReference, c.status AS status,
  c.expected_release AS expectedRelease, c.updated_at AS updatedAt, c.data ->> '$.closedOn' AS closedOn,
  c.deleted_at AS deletedAt, ${MENTOR_COURSE_SPANS} AS mentorCourses, ${TRANSFERRED_ON} AS transferredOn`;

/**
 * Cases whose retention may run (shared/rules/retention.ts caseClosedOn): live cases marked released,
 * live cases transferred to another unit (closed once the transfer is done, TRANSFERRED_ON), and every
 * deleted case, which stays in the file until it is purged.
 *
 * The transfers are read first (CROSS JOIN keeps that order): there are few, where the planner's own
 * choice walked every case through an index (20-30 ms of a first due list over 10 000 cases).
 */
export function closedCases(db: Db, scope: CaseScope): ClosedCaseRow[] {
  const only = inCase(scope, 'c.id');
  return db
    .prepare(
      `SELECT ${CLOSED_COLUMNS} FROM cases c INDEXED BY cases_due
       WHERE c.deleted_at IS NULL AND c.status = 'loslatt' AND ${only.sql}
       UNION ALL
       SELECT ${CLOSED_COLUMNS} FROM case_transfers t CROSS JOIN cases c ON c.id = t.case_id
       WHERE c.deleted_at IS NULL AND c.status <> 'loslatt' AND ${only.sql}
       UNION ALL
       SELECT ${CLOSED_COLUMNS} FROM cases c INDEXED BY cases_deleted
       WHERE c.deleted_at IS NOT NULL AND ${only.sql}`,
    )
    .all([...only.params, ...only.params, ...only.params]) as ClosedCaseRow[];
}

/**
 * Spans of about `size` live cases each, in id order, that together hold every case id, live or not:
 * the first and last are open-ended (case-filter.ts). One span, both ends open, for a vault of `size`
 * cases or fewer.
 */
export function caseSpans(db: Db, size: number): CaseSpan[] {
  const ids = db
    .prepare('SELECT id FROM cases INDEXED BY cases_due WHERE deleted_at IS NULL ORDER BY id', { pluck: true })
    .all() as string[];
  const bounds = ids.filter((_, i) => i > 0 && i % size === 0);
  return [null, ...bounds].map((from, i) => ({ from, before: bounds[i] ?? null }));
}

/** Every deleted case still in the file, newest deletion first, with the reason it was deleted. */
export function deletedCaseRows(db: Db): (ClosedCaseRow & { deletedAt: string; reason: string | null })[] {
  return db
    .prepare(
      `SELECT ${CLOSED_COLUMNS}, c.delete_reason AS reason FROM cases c INDEXED BY cases_deleted
       WHERE c.deleted_at IS NOT NULL ORDER BY c.deleted_at DESC, c.id`,
    )
    .all() as (ClosedCaseRow & { deletedAt: string; reason: string | null })[];
}

/** The display name of each of these cases (the case list's `name`), by case id. */
export function caseNames(db: Db, caseIds: readonly string[]): Map<string, string> {
  if (caseIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, data ->> '$.name' AS name FROM cases WHERE id IN (SELECT value FROM json_each(?))`)
    .all([JSON.stringify([...new Set(caseIds)])]) as { id: string; name: unknown }[];
  return new Map(rows.flatMap((row) => (typeof row.name === 'string' ? [[row.id, row.name] as const] : [])));
}

export type DueFactsMismatch = { documentId: string; problem: 'missing' | 'differs' | 'extra' };

/**
 * Stored facts that disagree with the documents they were taken from (an edited or damaged file):
 * every live document's facts are worked out again from its versions and compared column by column.
 */
export function dueFactsMismatches(db: Db): DueFactsMismatch[] {
  const rows = db
    .prepare(
      `SELECT s.document_id AS documentId,
         CASE WHEN NOT EXISTS (SELECT 1 FROM due_facts f WHERE f.document_id = s.document_id) THEN 'missing' ELSE 'differs' END
           AS problem
       FROM (SELECT * FROM due_facts_source EXCEPT SELECT * FROM due_facts) s
       UNION ALL
       SELECT f.document_id, 'extra' FROM due_facts f
       WHERE NOT EXISTS (SELECT 1 FROM due_facts_source s WHERE s.document_id = f.document_id)
       ORDER BY 1`,
    )
    .all() as DueFactsMismatch[];
  return rows;
}

/** Writes every document's facts again from its versions (after a mismatch was found). */
export function rebuildDueFacts(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM due_facts').run();
    db.prepare('INSERT INTO due_facts SELECT * FROM due_facts_source').run();
  })();
}

/**
 * Writes the facts of these documents again from their versions, in one transaction: a row of a
 * document that is gone (or not live) is removed, a missing one written. The others stay as they are.
 */
export function rebuildDueFactsOf(db: Db, documentIds: readonly string[]): void {
  const ids = JSON.stringify(documentIds);
  db.transaction(() => {
    db.prepare('DELETE FROM due_facts WHERE document_id IN (SELECT value FROM json_each(?))').run([ids]);
    db.prepare(
      'INSERT INTO due_facts SELECT * FROM due_facts_source WHERE document_id IN (SELECT value FROM json_each(?))',
    ).run([ids]);
  })();
}

/** Whether the vault keeps due facts (migration 0011 on): the table and the view they are held against. */
export function hasDueFacts(db: Db): boolean {
  const both = "(type, name) IN (VALUES ('table', 'due_facts'), ('view', 'due_facts_source'))";
  return db.prepare(`SELECT count(*) FROM sqlite_master WHERE ${both}`, { pluck: true }).get() === 2;
}

/**
 * A value that changes whenever the vault may have changed: every row this connection has written
 * (total_changes, triggers' rows included through their statements) and every commit by another
 * connection (data_version). Equal values mean nothing the due list reads has changed.
 */
export function changeMark(db: Db): string {
  const written = db.prepare('SELECT total_changes()', { pluck: true }).get() as number;
  const others = db.pragma('data_version', { simple: true }) as number;
  return `${written}:${others}`;
}
