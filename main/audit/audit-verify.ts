import type { Db } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { allAuditRows, readAuditHead, type AuditHead, type AuditRow } from '../db/repositories/audit-repo';
import { auditKeyOf, entryMac, fieldsOf, GENESIS, legacyHash } from './audit-key';

/** What a check of the chain can find, each named by a catalog key `security.audit.<finding>`. */
export type AuditFinding =
  /**
   * An entry's content, order or link does not match its MAC (or, before migration 10, its hash); or
   * the mark where the keyed part starts is gone, so no entry can be told from a recomputed SHA-256 one.
   */
  | 'rewritten'
  /** Entries after the head the database recorded for itself are gone. */
  | 'tailCut'
  /** vault.db holds fewer entries than its key file saw: rolled back, or cut together with its head. */
  | 'behindKeyFile'
  /** The entry the key file anchored has another MAC: the chain was rebuilt. */
  | 'divergesFromKeyFile'
  /** The key file holds no anchor for a vault past migration 10, which always has one: it was edited. */
  | 'anchorMissing';

export type AuditChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; firstBrokenSeq: number; finding: AuditFinding };

/** What the key file (or a backup) recorded of the chain. */
export interface AnchorView {
  seq: number;
  mac: string;
  legacySeq: number;
}

/** The migration that made the chain keyed, wrote the legacy mark and started the key file's anchor. */
export const KEYED_CHAIN_SCHEMA = 10;

/**
 * Whether the vault is past migration 10. From then on the legacy mark is always there (the migration
 * wrote it, nothing removes it, and no SHA-256 entry is ever written after it) and, from creation or
 * from the first unlock after that migration, the key file holds an anchor.
 */
export function pastKeyedMigration(db: Db): boolean {
  return schemaVersion(db) >= KEYED_CHAIN_SCHEMA;
}

/**
 * Where the SHA-256 part of the chain ends: the recorded mark; every entry before migration 10; null
 * when a vault past it has lost its mark. Reading that as "all legacy" would accept a chain anyone
 * with SQL re-linked, so it is a finding.
 */
export function legacyMarkOf(db: Db, head: AuditHead): number | null {
  if (head.legacySeq !== null) return head.legacySeq;
  return pastKeyedMigration(db) ? null : Number.MAX_SAFE_INTEGER;
}

function brokenRow(db: Db, rows: AuditRow[], legacySeq: number): number | null {
  const key = auditKeyOf(db);
  let prevHash = GENESIS;
  let expectedSeq = 1;
  for (const row of rows) {
    const fields = fieldsOf(row);
    const link = row.seq <= legacySeq ? legacyHash(prevHash, fields) : entryMac(key, prevHash, fields);
    if (row.seq !== expectedSeq || row.prevHash !== prevHash || link !== row.hash) return row.seq;
    prevHash = row.hash;
    expectedSeq += 1;
  }
  return null;
}

/**
 * Recomputes the chain from the start (SHA-256 up to the legacy mark, HMAC after it), then holds its
 * end against the head the database recorded and the anchor from the key file. The database may be
 * ahead of its key file (a crash after a commit, before the anchor was written) but never behind it
 * or beside it. `anchor` is the key file's: absent, it is a finding on a vault past migration 10.
 */
export function verifyAuditChain(db: Db, anchor?: AnchorView): AuditChainReport {
  const rows = allAuditRows(db);
  const entries = rows.length;
  const head = readAuditHead(db);
  const legacySeq = legacyMarkOf(db, head);
  if (legacySeq === null) return { ok: false, entries, firstBrokenSeq: 1, finding: 'rewritten' };
  if (anchor && anchor.legacySeq !== legacySeq) {
    return { ok: false, entries, firstBrokenSeq: Math.min(anchor.legacySeq, legacySeq) + 1, finding: 'rewritten' };
  }
  const broken = brokenRow(db, rows, legacySeq);
  if (broken !== null) return { ok: false, entries, firstBrokenSeq: broken, finding: 'rewritten' };
  const last = rows.at(-1);
  const lastSeq = last?.seq ?? 0;
  // Stryker disable next-line OptionalChaining: head.seq > 0 and head.seq === lastSeq mean there is a last entry
  if (head.seq > lastSeq || (head.seq > 0 && head.seq === lastSeq && head.mac !== last?.hash)) {
    return { ok: false, entries, firstBrokenSeq: lastSeq + 1, finding: 'tailCut' };
  }
  if (!anchor) {
    return pastKeyedMigration(db)
      ? { ok: false, entries, firstBrokenSeq: 1, finding: 'anchorMissing' }
      : { ok: true, entries };
  }
  if (anchor.seq > lastSeq) {
    return { ok: false, entries, firstBrokenSeq: lastSeq + 1, finding: 'behindKeyFile' };
  }
  // Stryker disable next-line OptionalChaining: the rows run 1..lastSeq without a gap (brokenRow) and anchor.seq <= lastSeq here
  if (anchor.seq > 0 && rows[anchor.seq - 1]?.hash !== anchor.mac) {
    return { ok: false, entries, firstBrokenSeq: anchor.seq, finding: 'divergesFromKeyFile' };
  }
  return { ok: true, entries };
}
