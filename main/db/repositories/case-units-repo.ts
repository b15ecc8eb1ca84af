import { nordicOrderSql } from '../../../shared/domain/nordic-order';
import type { Db } from '../connection';

/** The distinct units of live cases, for the case list's filter, in Norwegian and Danish order. */
export function distinctCaseUnits(db: Db): string[] {
  return db
    .prepare(
      `SELECT DISTINCT unit FROM cases INDEXED BY cases_unit_status WHERE deleted_at IS NULL
       ORDER BY ${nordicOrderSql('unit')}, unit`,
      { pluck: true },
    )
    .all() as string[];
}
