/**
 * Which cases a due read covers: null the whole vault, a string one case, a span the cases whose ids
 * sort from `from` (inclusive) up to `before` (exclusive), an end left open when null, a set those
 * cases. Keeping the due list works out each day's list a span at a time (due-list-keep.ts), so no step
 * holds the window long; the cases written to since it was kept are worked out as one set.
 */
export type CaseScope = string | null | CaseSpan | CaseSet;

export interface CaseSpan {
  from: string | null;
  before: string | null;
}

export interface CaseSet {
  cases: readonly string[];
}

/**
 * A due read's case filter for `scope` on `column`. One case's read, a span's or a set's, goes through an
 * index (due_facts_case, migration 0018, or the table's key); `? IS NULL OR column = ?` would make it
 * walk the whole table, which the kept due list does for every case written to since (due-list-store.ts).
 */
export function inCase(scope: CaseScope, column = 'f.case_id'): { sql: string; params: string[] } {
  if (scope === null) return { sql: '1', params: [] };
  if (typeof scope === 'string') return { sql: `${column} = ?`, params: [scope] };
  if ('cases' in scope)
    return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(scope.cases)] };
  const bounds = [
    ...(scope.from === null ? [] : [{ sql: `${column} >= ?`, param: scope.from }]),
    ...(scope.before === null ? [] : [{ sql: `${column} < ?`, param: scope.before }]),
  ];
  if (bounds.length === 0) return { sql: '1', params: [] };
  return { sql: bounds.map((bound) => bound.sql).join(' AND '), params: bounds.map((bound) => bound.param) };
}
