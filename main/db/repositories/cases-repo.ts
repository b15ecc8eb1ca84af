import { randomUUID } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json';
import type { Db } from '../connection';
import { nordicOrderSql } from '../../../shared/domain/nordic-order';
import { candidatePattern, referenceKey, referencesIn } from './reference-key';
import { indexDocumentVersion, indexObject, unindexObject } from './search-repo';

export interface CaseColumns {
  reference: string;
  unit: string;
  status: string;
  grading: string;
  expectedRelease: string | null;
}

export interface CaseRecord extends CaseColumns {
  id: string;
  data: unknown;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deleteReason: string | null;
}

type CaseRow = {
  id: string;
  reference: string;
  data: string;
  unit: string;
  status: string;
  grading: string;
  expected_release: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  delete_reason: string | null;
};

const toCase = (row: CaseRow): CaseRecord => ({
  id: row.id,
  reference: row.reference,
  data: JSON.parse(row.data) as unknown,
  unit: row.unit,
  status: row.status,
  grading: row.grading,
  expectedRelease: row.expected_release,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  deletedAt: row.deleted_at,
  deleteReason: row.delete_reason,
});

/**
 * Whether a live case other than `exceptId` has this reference, in any letter case or Unicode form:
 * "kompis-1" next to "KOMPIS-1" is the same person's case typed twice, and an import would not find it
 * to merge into.
 */
export function referenceTaken(db: Db, reference: string, exceptId?: string): boolean {
  const key = referenceKey(reference);
  const found = db
    .prepare(`SELECT reference FROM cases WHERE reference LIKE ? AND deleted_at IS NULL AND id IS NOT ?`, {
      pluck: true,
    })
    .all([candidatePattern(reference), exceptId ?? null]) as string[];
  return found.some((candidate) => referenceKey(candidate) === key);
}

export function insertCase(
  db: Db,
  input: CaseColumns & { id?: string; data: unknown; at: string; searchText: string },
): CaseRecord {
  const id = input.id ?? randomUUID();
  db.prepare(
    `INSERT INTO cases (id, reference, data, unit, status, grading, expected_release, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    id,
    input.reference,
    canonicalJson(input.data),
    input.unit,
    input.status,
    input.grading,
    input.expectedRelease,
    input.at,
    input.at,
  ]);
  indexObject(db, { objectType: 'case', objectId: id, caseId: id, title: input.reference, body: input.searchText });
  return getCase(db, id) as CaseRecord;
}

/**
 * A case's live documents are found and titled in search by its reference: after a change, by the new
 * one only (the old one may be taken by another person's case). Each is indexed again from its current
 * version, as a save does.
 */
function retitleDocuments(db: Db, caseId: string, reference: string): void {
  const docs = db
    .prepare(
      `SELECT d.id, d.current_version AS version, v.content FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       WHERE d.case_id = ? AND d.deleted_at IS NULL`,
    )
    .all([caseId]) as { id: string; version: number; content: string }[];
  for (const doc of docs)
    indexDocumentVersion(db, {
      documentId: doc.id,
      caseId,
      title: reference,
      content: doc.content,
      version: doc.version,
    });
}

export function updateCase(
  db: Db,
  id: string,
  input: CaseColumns & { data: unknown; at: string; searchText: string },
): CaseRecord {
  const before = getCase(db, id)?.reference;
  db.prepare(
    `UPDATE cases SET reference = ?, data = ?, unit = ?, status = ?, grading = ?, expected_release = ?, updated_at = ?
     WHERE id = ? AND deleted_at IS NULL`,
  ).run([
    input.reference,
    canonicalJson(input.data),
    input.unit,
    input.status,
    input.grading,
    input.expectedRelease,
    input.at,
    id,
  ]);
  indexObject(db, { objectType: 'case', objectId: id, caseId: id, title: input.reference, body: input.searchText });
  if (before !== undefined && before !== input.reference) retitleDocuments(db, id, input.reference);
  return getCase(db, id) as CaseRecord;
}

export function getCase(db: Db, id: string): CaseRecord | null {
  const row = db.prepare('SELECT * FROM cases WHERE id = ?').get([id]) as CaseRow | undefined;
  return row ? toCase(row) : null;
}

/**
 * The live case with this reference: the one written exactly so, else one that differs only in letter
 * case or Unicode form (an import's "KOMPIS-1" finds the local "kompis-1" to offer as a merge, not a
 * second case), else the one that had it before it took a reference of its own here (a package sent
 * under the reference the case came with finds it, rather than making a second case for the person).
 */
export function findCaseByReference(db: Db, reference: string): CaseRecord | null {
  const key = referenceKey(reference);
  const pattern = candidatePattern(reference);
  const same = (
    db
      .prepare(
        `SELECT * FROM cases WHERE reference LIKE ? AND deleted_at IS NULL
       ORDER BY reference = ? DESC, id`,
      )
      .all([pattern, reference]) as CaseRow[]
  ).find((row) => referenceKey(row.reference) === key);
  const before =
    same ??
    (
      db
        .prepare(
          `SELECT *, c.data -> '$.formerReferences' AS former FROM cases c WHERE c.deleted_at IS NULL
             AND EXISTS (SELECT 1 FROM json_each(c.data, '$.formerReferences') f WHERE f.value LIKE ?)
           ORDER BY c.updated_at DESC, c.id`,
        )
        .all([pattern]) as (CaseRow & { former: unknown })[]
    ).find((row) => referencesIn(row.former).some((former) => referenceKey(former) === key));
  return before ? toCase(before) : null;
}

/** The references cases here hold, their own or ones they had before, by key (reference-key.ts). */
export interface HeldReferences {
  /** Of live cases. */
  live: ReadonlySet<string>;
  /** Of deleted cases, still in the file until purged. */
  deleted: ReadonlySet<string>;
}

/**
 * Every reference a case here holds, in one read of the cases (for lists of documents filed by
 * reference); with `only`, just the cases that may hold that one (for one document).
 */
export function heldReferences(db: Db, only?: string): HeldReferences {
  const pattern = only === undefined ? null : candidatePattern(only);
  const rows = db
    .prepare(
      `SELECT c.reference, c.data -> '$.formerReferences' AS former, c.deleted_at IS NULL AS live FROM cases c
       WHERE ? IS NULL OR c.reference LIKE ?
         OR EXISTS (SELECT 1 FROM json_each(c.data, '$.formerReferences') f WHERE f.value LIKE ?)`,
    )
    .all([pattern, pattern, pattern]) as { reference: string; former: unknown; live: number }[];
  const live = new Set<string>();
  const deleted = new Set<string>();
  for (const row of rows)
    for (const reference of [row.reference, ...referencesIn(row.former)])
      (row.live === 1 ? live : deleted).add(referenceKey(reference));
  return { live, deleted };
}

export interface CaseListFilter {
  query?: string;
  /** The stored names of the unit chosen (case-units-repo.ts storedNamesOfUnit): a case carrying any of them. */
  units?: readonly string[];
  status?: string;
  grading?: string;
  sort?: 'reference' | 'updated' | 'release';
  limit?: number;
  offset?: number;
}

const ORDER = {
  // Norwegian and Danish order (migration 0028's index, so read in order, not sorted).
  reference: `${nordicOrderSql('c.reference')} ASC, c.reference ASC`,
  updated: 'c.updated_at DESC',
  release: "COALESCE(c.expected_release, '9999-12-31') ASC",
} as const;

/** The SQL of one page of live cases and of their count, with its parameters (the plans are tested). */
export function casePageQueries(
  filter: CaseListFilter,
  ftsMatch: string | null,
): { count: string; page: string; params: (string | null)[]; pageParams: (string | number | null)[] } {
  const where = `c.deleted_at IS NULL AND (? IS NULL OR c.unit IN (SELECT value FROM json_each(?))) AND (? IS NULL OR c.status = ?) AND (? IS NULL OR c.grading = ?)
    AND (? IS NULL OR c.id IN (SELECT case_id FROM search_index WHERE search_index MATCH ?))`;
  const units = filter.units ? JSON.stringify(filter.units) : null;
  const params = [
    units,
    units,
    filter.status ?? null,
    filter.status ?? null,
    filter.grading ?? null,
    filter.grading ?? null,
    ftsMatch,
    ftsMatch,
  ];
  return {
    count: `SELECT count(*) AS n FROM cases c WHERE ${where}`,
    page: `SELECT c.* FROM cases c WHERE ${where} ORDER BY ${ORDER[filter.sort ?? 'reference']}, c.id LIMIT ? OFFSET ?`,
    params,
    pageParams: [...params, filter.limit ?? 100, filter.offset ?? 0],
  };
}

/** One page of live cases with the total count, filtered in SQL; `query` goes through the FTS index. */
export function listCases(
  db: Db,
  filter: CaseListFilter,
  ftsMatch: string | null,
): { total: number; rows: CaseRecord[] } {
  const queries = casePageQueries(filter, ftsMatch);
  const total = db.prepare(queries.count, { pluck: true }).get(queries.params) as number;
  const rows = db.prepare(queries.page).all(queries.pageParams) as CaseRow[];
  return { total, rows: rows.map(toCase) };
}

export function softDeleteCase(db: Db, id: string, reason: string, at: string): void {
  db.prepare(
    'UPDATE cases SET deleted_at = ?, delete_reason = ?, updated_at = ? WHERE id = ? AND deleted_at IS NULL',
  ).run([at, reason, at, id]);
  unindexObject(db, id);
}

/** Every grading in use by a live case or a live vault-level record, for the banner's "highest grading". */
export function liveGradings(db: Db): string[] {
  // One index seek per distinct level (there are a handful), not a scan of every live row.
  const next = (table: 'cases' | 'documents', after: string): string | null =>
    db
      .prepare(`SELECT min(grading) FROM ${table} WHERE deleted_at IS NULL AND grading > ?`, { pluck: true })
      .get([after]) as string | null;
  const levels = new Set<string>();
  for (const table of ['cases', 'documents'] as const) {
    for (let level = next(table, ''); level !== null; level = next(table, level)) levels.add(level);
  }
  return [...levels];
}

/**
 * The gradings of what the deleted-case and deleted-record lists show (deleted cases, mentor records and
 * register entries not yet purged): still in the vault and on screen, so the banner counts them.
 */
export function deletedListedGradings(db: Db): string[] {
  return db
    .prepare(
      `SELECT grading FROM cases INDEXED BY cases_deleted WHERE deleted_at IS NOT NULL
       UNION
       SELECT grading FROM documents INDEXED BY documents_kind_deleted
       WHERE deleted_at IS NOT NULL AND kind IN ('mentor', 'contact_entry')`,
      { pluck: true },
    )
    .all() as string[];
}

/**
 * Every grading stored on a case, document or document version, deleted ones and versions saved before
 * a downgrade included (all of it goes into a backup).
 */
export function storedGradings(db: Db): string[] {
  return db
    .prepare(
      'SELECT grading FROM cases UNION SELECT grading FROM documents UNION SELECT grading FROM document_versions',
      {
        pluck: true,
      },
    )
    .all() as string[];
}

/** Every case ever stored, deleted ones included. */
export function countAllCases(db: Db): number {
  return Number(db.prepare('SELECT count(*) FROM cases', { pluck: true }).get());
}
