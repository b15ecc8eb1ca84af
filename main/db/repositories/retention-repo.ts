import type { Db } from '../connection';

/**
 * The mentor courses of the case `c` as its retention reads them, deleted ones included (they stay in
 * the file until the purge): [variant, startDate, endDate, deletedAt] of each, from its current version
 * (main/services/case-retention.ts courseSpans), as a JSON array; '[]' for none. A column of a query
 * over `cases c`.
 */
export const MENTOR_COURSE_SPANS = `(SELECT json_group_array(json_array(v.content ->> '$.variant',
    v.content ->> '$.startDate', coalesce(v.content ->> '$.endDate', v.content ->> '$.end.endDate'), d.deleted_at))
  FROM documents d JOIN document_versions v ON v.document_id = d.id AND v.version = d.current_version
  WHERE d.case_id = c.id AND d.kind = 'mentor_course')`;

/**
 * The planned day of the case `c`'s transfer to another unit (NO pkt 8), once a handover package was
 * made for that unit after the transfer was recorded (as the due list counts it, transfer-repo.ts);
 * null otherwise. A column of a query over `cases c`.
 */
export const TRANSFERRED_ON = `(SELECT t.planned_date FROM case_transfers t WHERE t.case_id = c.id
  AND EXISTS (SELECT 1 FROM handover_packages p WHERE p.case_id = t.case_id AND p.created_at >= t.created_at
    AND p.manifest ->> '$.receivingUnit' = t.data ->> '$.receivingUnit'))`;

/** The organisation's own retention periods (migration 0011), per kind of record. */
export type RetentionRow = { kind: string; years: number; basis: string; updatedAt: string };

/** Every period set; none in a vault not yet migrated to 0011 (read-only inspection, `bro purge` dry run). */
export function listRetentionPeriods(db: Db): RetentionRow[] {
  const exists = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'retention_periods'", { pluck: true })
    .get();
  if (!exists) return [];
  return db
    .prepare('SELECT kind, years, basis, updated_at AS updatedAt FROM retention_periods ORDER BY kind')
    .all() as RetentionRow[];
}

export function setRetentionPeriod(db: Db, row: RetentionRow): void {
  db.prepare(
    `INSERT INTO retention_periods (kind, years, basis, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind) DO UPDATE SET years = excluded.years, basis = excluded.basis, updated_at = excluded.updated_at`,
  ).run([row.kind, row.years, row.basis, row.updatedAt]);
}

/** Back to the profile's default for this kind. */
export function clearRetentionPeriod(db: Db, kind: string): void {
  db.prepare('DELETE FROM retention_periods WHERE kind = ?').run([kind]);
}
