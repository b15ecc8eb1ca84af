import type { Db } from '../connection';

/** The home screen's due view: a few facts about the cases and meeting actions on the list. */

/**
 * Unit of every live case (one statement; the unit filter needs it for every row), from the index
 * that holds both (migration 0017): no case row, with its personal data, is read or decrypted for it.
 */
export function liveCaseUnits(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, unit FROM cases INDEXED BY cases_unit_status WHERE deleted_at IS NULL').all() as {
    id: string;
    unit: string;
  }[];
  return new Map(rows.map((row) => [row.id, row.unit]));
}

/** The person's name and the unit of each of these cases (only the page's cases: reading all would cost more). */
export function casesOnPage(db: Db, caseIds: readonly string[]): Map<string, { name: string; unit: string }> {
  if (caseIds.length === 0) return new Map();
  const rows = db
    .prepare(`SELECT id, data ->> '$.name' AS name, unit FROM cases WHERE id IN (SELECT value FROM json_each(?))`)
    .all([JSON.stringify([...new Set(caseIds)])]) as { id: string; name: unknown; unit: string }[];
  return new Map(rows.map((row) => [row.id, { name: typeof row.name === 'string' ? row.name : '', unit: row.unit }]));
}

export type ActionRow = {
  documentId: string;
  actionId: string;
  description: unknown;
  owner: unknown;
  ownerAgency: unknown;
};

export type AgencyRow = { documentId: string; actionId: unknown; agency: unknown };

/**
 * The agency owning each open meeting action that names one, by document and action, from the due
 * facts (migration 0021): one narrow read, where the actions' own text is in every meeting's content.
 */
export function openActionAgencies(db: Db): AgencyRow[] {
  return db
    .prepare(
      `SELECT f.document_id AS documentId, a.value ->> 0 AS actionId, a.value ->> 3 AS agency
       FROM due_facts f, json_each(f.facts, '$.actions') a
       WHERE f.kind = 'meeting' AND a.value ->> 3 IS NOT NULL`,
    )
    .all() as AgencyRow[];
}

/** The actions of the current version of these meeting documents. */
export function meetingActions(db: Db, documentIds: readonly string[]): ActionRow[] {
  if (documentIds.length === 0) return [];
  return db
    .prepare(
      `SELECT d.id AS documentId, a.value ->> '$.id' AS actionId, a.value ->> '$.description' AS description,
         a.value ->> '$.owner' AS owner, a.value ->> '$.ownerAgency' AS ownerAgency
       FROM documents d
       JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
       JOIN json_each(v.content, '$.actions') a
       WHERE d.id IN (SELECT value FROM json_each(?))`,
    )
    .all([JSON.stringify([...new Set(documentIds)])]) as ActionRow[];
}
