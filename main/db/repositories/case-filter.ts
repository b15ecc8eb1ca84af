/**
 * Which cases a due read covers: null the whole vault, a string one case, a span the cases whose ids
 * sort from `from` (inclusive) up to `before` (exclusive), an end left open when null. Keeping the due
 * list works out each day's list a span at a time (due-list-keep.ts), so no step holds the window long.
 */
export type CaseScope = string | null | CaseSpan;

export interface CaseSpan {
  from: string | null;
  before: string | null;
}

/**
 * A due read's case filter for `scope` on `column`. One case's read, or a span's, goes through an
 * index (due_facts_case, migration 0018, or the table's key); `? IS NULL OR column = ?` would make it
 * walk the whole table, which the kept due list does for every case written to since (due-list-store.ts).
 */
export function inCase(scope: CaseScope, column = 'f.case_id'): { sql: string; params: string[] } {
  if (scope === null) return { sql: '1', params: [] };
  if (typeof scope === 'string') return { sql: `${column} = ?`, params: [scope] };
  const bounds = [
    ...(scope.from === null ? [] : [{ sql: `${column} >= ?`, param: scope.from }]),
    ...(scope.before === null ? [] : [{ sql: `${column} < ?`, param: scope.before }]),
  ];
  if (bounds.length === 0) return { sql: '1', params: [] };
  return { sql: bounds.map((bound) => bound.sql).join(' AND '), params: bounds.map((bound) => bound.param) };
}
