import type { Db } from '../connection';
import { writeMeta } from './meta-repo';

/** An audit_log row as the chain sees it (action is checked by the audit module, not here). */
export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  prevHash: string;
  hash: string;
}

const COLUMNS = `seq, at, actor, action, object_type AS objectType, object_id AS objectId,
  prev_hash AS prevHash, hash`;

/** The newest entry's sequence number and hash, which the next entry links to. */
export function lastAuditLink(db: Db): { seq: number; hash: string } | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
}

export function insertAuditRow(db: Db, row: AuditRow): void {
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor, action, object_type, object_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run([row.seq, row.at, row.actor, row.action, row.objectType, row.objectId, row.prevHash, row.hash]);
}

/** One entry by its sequence number (an index lookup, for the O(1) checks at unlock). */
export function auditRowAt(db: Db, seq: number): AuditRow | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE seq = ?`).get([seq]) as AuditRow | undefined;
}

/** The whole chain, oldest first. */
export function allAuditRows(db: Db): AuditRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM audit_log ORDER BY seq`).all() as unknown as AuditRow[];
}

/** The newest entries, for one object or all. */
export function latestAuditRows(db: Db, options: { objectId?: string; limit: number }): AuditRow[] {
  return db
    .prepare(`SELECT ${COLUMNS} FROM audit_log WHERE (? IS NULL OR object_id = ?) ORDER BY seq DESC LIMIT ?`)
    .all([options.objectId ?? null, options.objectId ?? null, options.limit]) as unknown as AuditRow[];
}

/** Whether the vault has an audit log yet (a vault made before its migration has none). */
export function hasAuditLog(db: Db): boolean {
  return Boolean(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'audit_log'", { pluck: true }).get());
}

/** The chain head the database records for itself, and where the keyed chain starts. */
export interface AuditHead {
  seq: number;
  mac: string;
  /**
   * Entries up to this sequence number were written before the keyed chain (migration 10); null in a
   * vault not yet migrated, where every entry is a legacy one.
   */
  legacySeq: number | null;
}

function metaValue(db: Db, key: string): string | undefined {
  const value = db.prepare('SELECT value FROM meta WHERE key = ?', { pluck: true }).get([key]);
  return typeof value === 'string' ? value : undefined;
}

export function readAuditHead(db: Db): AuditHead {
  const [seq, mac] = (metaValue(db, 'audit_head') ?? '0:').split(':');
  const legacy = metaValue(db, 'audit_legacy_seq');
  return { seq: Number(seq) || 0, mac: mac ?? '', legacySeq: legacy === undefined ? null : Number(legacy) || 0 };
}

export function writeAuditHead(db: Db, head: AuditHead & { legacySeq: number }): void {
  writeMeta(db, 'audit_head', `${head.seq}:${head.mac}`);
  writeMeta(db, 'audit_legacy_seq', String(head.legacySeq));
}

/**
 * The chain key kept inside the encrypted database once the data key has been rotated: the chain
 * started under a key derived from the first data key, and its entries must still verify.
 */
export function readStoredAuditKey(db: Db): Buffer | null {
  const hasMeta = db
    .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'", { pluck: true })
    .get();
  const value = hasMeta ? metaValue(db, 'audit_chain_key') : undefined;
  return value ? Buffer.from(value, 'hex') : null;
}

export function storeAuditKey(db: Db, key: Buffer): void {
  db.prepare("INSERT OR IGNORE INTO meta (key, value) VALUES ('audit_chain_key', ?)").run([key.toString('hex')]);
}
