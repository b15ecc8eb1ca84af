import type { Db } from '../connection';

/** The distinct units of live cases, for the case list's filter. */
export function distinctCaseUnits(db: Db): string[] {
  return db
    .prepare(
      'SELECT DISTINCT unit FROM cases INDEXED BY cases_unit_status WHERE deleted_at IS NULL ORDER BY unit COLLATE NOCASE',
      { pluck: true },
    )
    .all() as string[];
}
