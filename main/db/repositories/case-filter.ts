/**
 * A due read's case filter: none for the whole vault, else `column = ?`. One case's read then goes
 * through an index (due_facts_case, migration 0018); `? IS NULL OR column = ?` would make it walk the
 * whole table, which the kept due list does for every case written to since (due-list-store.ts).
 */
export function inCase(caseId: string | null, column = 'f.case_id'): { sql: string; params: string[] } {
  return caseId === null ? { sql: '1', params: [] } : { sql: `${column} = ?`, params: [caseId] };
}
