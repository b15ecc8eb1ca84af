import { z } from 'zod';
import { AUDIT_ID_PATTERN } from '../../shared/domain/audit-id';
import type { Db } from '../db/connection';
import {
  insertAuditRow,
  lastAuditLink,
  latestAuditRows,
  readAuditHead,
  writeAuditHead,
} from '../db/repositories/audit-repo';
import { auditKeyOf, entryMac, GENESIS } from './audit-key';
import { pastKeyedMigration } from './audit-verify';

export { verifyAuditChain, type AuditChainReport, type AuditFinding } from './audit-verify';

/** What can be logged. The log holds ids and actions only: never a name, a text or a file name. */
export const AuditActionSchema = z.enum([
  'create',
  'update',
  'finalise',
  'export',
  'print',
  'import',
  'delete',
  'downgrade',
  'distribute',
  'unlock',
  'unlock_failed',
  'lock',
  'compartment_unlock',
  'backup',
  'restore',
  'recovery_unlock',
  'passphrase_changed',
  'key_shown',
  'key_rotated',
  'audit_alarm',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: AuditAction;
  objectType: string;
  objectId: string;
  prevHash: string;
  hash: string;
}

/**
 * Appends one entry chained to the previous by HMAC-SHA-256 under the chain key, and moves the head
 * (sequence number and MAC) kept in the database in the same transaction. Ids must look like ids,
 * which keeps free text (and so personal data) out of the log by construction.
 */
export function appendAudit(
  db: Db,
  entry: { at: string; actor: string; action: AuditAction; objectType: string; objectId: string },
): AuditEntry {
  for (const value of [entry.actor, entry.objectType, entry.objectId]) {
    if (!AUDIT_ID_PATTERN.test(value)) throw new RangeError('audit fields must be ids, not free text');
  }
  const key = auditKeyOf(db);
  const last = lastAuditLink(db);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const fields = { seq, ...entry };
  const hash = entryMac(key, prevHash, fields);
  db.transaction(() => {
    insertAuditRow(db, { ...fields, prevHash, hash });
    writeAuditHead(db, { seq, mac: hash, legacySeq: legacySeqFor(db, seq) });
  })();
  return { ...fields, prevHash, hash };
}

/**
 * The legacy mark the head keeps: the recorded one; before migration 10, every entry before this one.
 * A vault past it that lost its mark gets 0, not "all before this one": that would turn a chain
 * re-linked with SHA-256 into a valid legacy part, and its finding would go away at the next write.
 */
function legacySeqFor(db: Db, seq: number): number {
  const { legacySeq } = readAuditHead(db);
  if (legacySeq !== null) return legacySeq;
  return pastKeyedMigration(db) ? 0 : seq - 1;
}

export function listAudit(db: Db, options: { objectId?: string; limit?: number } = {}): AuditEntry[] {
  return latestAuditRows(db, { objectId: options.objectId, limit: options.limit ?? 200 }).map((row) => ({
    ...row,
    // Written only through appendAudit; an unknown action read back means the table was altered.
    action: AuditActionSchema.parse(row.action),
  }));
}
