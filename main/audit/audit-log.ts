import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/connection';
import {
  allAuditRows,
  insertAuditRow,
  lastAuditLink,
  latestAuditRows,
  type AuditRow,
} from '../db/repositories/audit-repo';
import { canonicalJson } from './canonical-json';

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

const GENESIS = '0'.repeat(64);
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,80}$/;

function entryHash(prevHash: string, fields: Omit<AuditRow, 'prevHash' | 'hash'>): string {
  return createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
}

/**
 * Appends one entry chained to the previous by SHA-256. Ids must look like ids, which keeps free text
 * (and so personal data) out of the log by construction.
 */
export function appendAudit(
  db: Db,
  entry: { at: string; actor: string; action: AuditAction; objectType: string; objectId: string },
): AuditEntry {
  for (const value of [entry.actor, entry.objectType, entry.objectId]) {
    if (!ID_PATTERN.test(value)) throw new RangeError('audit fields must be ids, not free text');
  }
  const last = lastAuditLink(db);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS;
  const fields = { seq, ...entry };
  const hash = entryHash(prevHash, fields);
  insertAuditRow(db, { ...fields, prevHash, hash });
  return { ...fields, prevHash, hash };
}

export type AuditChainReport = { ok: true; entries: number } | { ok: false; entries: number; firstBrokenSeq: number };

/** Recomputes the chain from the start; reports the first entry whose link or content does not match. */
export function verifyAuditChain(db: Db): AuditChainReport {
  const rows = allAuditRows(db);
  let prevHash = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    const fields = {
      seq: row.seq,
      at: row.at,
      actor: row.actor,
      action: row.action,
      objectType: row.objectType,
      objectId: row.objectId,
    };
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || entryHash(prevHash, fields) !== row.hash) {
      return { ok: false, entries: rows.length, firstBrokenSeq: row.seq };
    }
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return { ok: true, entries: rows.length };
}

export function listAudit(db: Db, options: { objectId?: string; limit?: number } = {}): AuditEntry[] {
  return latestAuditRows(db, { objectId: options.objectId, limit: options.limit ?? 200 }).map((row) => ({
    ...row,
    // Written only through appendAudit; an unknown action read back means the table was altered.
    action: AuditActionSchema.parse(row.action),
  }));
}
