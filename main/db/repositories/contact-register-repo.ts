import type { Db } from '../connection';

/** The register as it stands: each live entry at its current version, and when it last changed. */
export interface ContactRegisterState {
  entries: { id: string; version: number }[];
  /** Latest save or deletion of any entry (ISO timestamp), or null when there has never been one. */
  lastChangeAt: string | null;
}

/**
 * The latest save or deletion of any entry. Live and deleted entries are read apart, each through its
 * own index (migration 0020), instead of walking every document.
 */
export const REGISTER_LAST_CHANGE_SQL = `SELECT max(at) FROM (
  SELECT max(updated_at) AS at FROM documents WHERE kind = 'contact_entry' AND deleted_at IS NULL
  UNION ALL
  SELECT max(max(updated_at, deleted_at)) FROM documents WHERE kind = 'contact_entry' AND deleted_at IS NOT NULL)`;

export function contactRegisterState(db: Db): ContactRegisterState {
  const entries = db
    .prepare(
      `SELECT id, current_version AS version FROM documents
       WHERE kind = 'contact_entry' AND deleted_at IS NULL ORDER BY id`,
    )
    .all() as { id: string; version: number }[];
  const lastChangeAt = db.prepare(REGISTER_LAST_CHANGE_SQL, { pluck: true }).get() as string | null;
  return { entries, lastChangeAt };
}

export interface ContactRegisterSendRow {
  id: string;
  sentOn: string;
  format: string;
  registerDigest: string;
  recordedAt: string;
}

export function insertContactRegisterSend(db: Db, row: ContactRegisterSendRow): void {
  db.prepare(
    `INSERT INTO contact_register_sends (id, sent_on, format, register_digest, recorded_at)
     VALUES (?, ?, ?, ?, ?)`,
  ).run([row.id, row.sentOn, row.format, row.registerDigest, row.recordedAt]);
}

/** The most recently recorded sending to KDI, or undefined when none is recorded. */
export function lastContactRegisterSend(db: Db): ContactRegisterSendRow | undefined {
  return db
    .prepare(
      `SELECT id, sent_on AS sentOn, format, register_digest AS registerDigest, recorded_at AS recordedAt
       FROM contact_register_sends ORDER BY recorded_at DESC, rowid DESC LIMIT 1`,
    )
    .get() as ContactRegisterSendRow | undefined;
}
