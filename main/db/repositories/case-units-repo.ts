import { nordicOrderSql } from '../../../shared/domain/nordic-order';
import { namesOfUnit, oneNamePerUnit } from '../../../shared/domain/unit-name';
import type { Db } from '../connection';

/** Each unit name live cases carry, with how many carry it, in Norwegian and Danish order. */
function namesInUse(db: Db): { name: string; cases: number }[] {
  return db
    .prepare(
      `SELECT unit AS name, count(*) AS cases FROM cases INDEXED BY cases_unit_status WHERE deleted_at IS NULL
       GROUP BY unit ORDER BY ${nordicOrderSql('unit')}, unit`,
    )
    .all() as { name: string; cases: number }[];
}

/**
 * The units of live cases, for the filters of the case list and the home screen, in Norwegian and
 * Danish order: one name per unit however many spellings it is stored in (shared/domain/unit-name.ts).
 */
export function distinctCaseUnits(db: Db): string[] {
  return oneNamePerUnit(namesInUse(db));
}

/** The names live cases carry for the unit `name` (what a filter by that unit matches). */
export function storedNamesOfUnit(db: Db, name: string): string[] {
  return namesOfUnit(
    name,
    namesInUse(db).map((entry) => entry.name),
  );
}
