import { createHash, createHmac, hkdfSync } from 'node:crypto';
import type { Db } from '../db/connection';
import { readStoredAuditKey, type AuditRow } from '../db/repositories/audit-repo';
import { canonicalJson } from './canonical-json';

/**
 * The audit chain's MAC key: HKDF-SHA-256 of the vault's data key, bound to the vault id (after a key
 * rotation, the first one, kept inside the database). Past the legacy mark a link must be this MAC, so
 * a chain re-linked with plain SHA-256 (no key needed) is refused. The limit: whoever holds the raw data
 * key (`bro vault show-key`, or the passphrase and the key file) can derive this key and recompute every
 * MAC, the head and the key file's anchor (whose digest is unkeyed). Against that insider the chain
 * only makes an edit deliberate work rather than a line of SQL; it proves nothing on its own.
 * The key lives only beside its open connection and is overwritten when the vault locks.
 */
const AUDIT_KEY_INFO = 'bro audit chain v1';
const keys = new WeakMap<Db, Buffer>();
/** The backup manifest key of the connection's current data key (see main/backup/backup-manifest.ts). */
const backupKeys = new WeakMap<Db, Buffer>();
const BACKUP_KEY_INFO = 'bro backup manifest v1';

/** The HKDF salt of a vault's keys: its id as UTF-8. */
// Stryker disable next-line StringLiteral: Buffer.from(text, '') reads the text as UTF-8, as 'utf8' does
const saltOf = (vaultId: string): Buffer => Buffer.from(vaultId, 'utf8');

export function deriveAuditKey(dataKey: Buffer, vaultId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, saltOf(vaultId), AUDIT_KEY_INFO, 32));
}

/**
 * Attaches the chain key to an open connection; appendAudit refuses a connection without one. After a
 * data-key rotation the key the chain started with is kept inside the (encrypted) database.
 */
export function keyAuditLog(db: Db, dataKey: Buffer, vaultId: string): void {
  forgetAuditKey(db);
  keys.set(db, readStoredAuditKey(db) ?? deriveAuditKey(dataKey, vaultId));
  backupKeys.set(db, Buffer.from(hkdfSync('sha256', dataKey, saltOf(vaultId), BACKUP_KEY_INFO, 32)));
}

export function backupKeyOf(db: Db): Buffer {
  const key = backupKeys.get(db);
  if (!key) throw new Error('this connection has no backup key');
  return key;
}

export function forgetAuditKey(db: Db): void {
  keys.get(db)?.fill(0);
  keys.delete(db);
  backupKeys.get(db)?.fill(0);
  backupKeys.delete(db);
}

export function auditKeyOf(db: Db): Buffer {
  const key = keys.get(db);
  if (!key) throw new Error('the audit log of this connection has no chain key');
  return key;
}

/**
 * canonicalJson of an entry's fields, written out with the keys already in sorted order: the same
 * bytes, without sorting every key of every entry (verifying 100 000 entries is a hot loop).
 */
function fieldsJson(fields: AuditFields): string {
  const { action, actor, at, objectId, objectType, seq } = fields;
  return JSON.stringify({ action, actor, at, objectId, objectType, seq });
}

export function entryMac(key: Buffer, prevHash: string, fields: AuditFields): string {
  return createHmac('sha256', key).update(prevHash).update(fieldsJson(fields)).digest('hex');
}

export const GENESIS = '0'.repeat(64);

export type AuditFields = Omit<AuditRow, 'prevHash' | 'hash'>;

export function fieldsOf(row: AuditRow): AuditFields {
  const { seq, at, actor, action, objectType, objectId } = row;
  return { seq, at, actor, action, objectType, objectId };
}

/** The link of entries written before the keyed chain (up to migration 10): plain SHA-256. */
export function legacyHash(prevHash: string, fields: AuditFields): string {
  return createHash('sha256').update(prevHash).update(fieldsJson(fields)).digest('hex');
}

/** The two encodings must stay byte-identical, or every existing chain would break. */
export function sameAsCanonical(fields: AuditFields): boolean {
  return fieldsJson(fields) === canonicalJson(fields);
}
