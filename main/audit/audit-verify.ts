import type { Db } from '../db/connection';
import { allAuditRows, readAuditHead, type AuditRow } from '../db/repositories/audit-repo';
import { auditKeyOf, entryMac, fieldsOf, GENESIS, legacyHash } from './audit-key';

/** What a check of the chain can find, each named by a catalog key `security.audit.<finding>`. */
export type AuditFinding =
  /** An entry's content, order or link does not match its MAC (or, before migration 10, its hash). */
  | 'rewritten'
  /** Entries after the head the database recorded for itself are gone. */
  | 'tailCut'
  /** vault.db holds fewer entries than its key file saw: rolled back, or cut together with its head. */
  | 'behindKeyFile'
  /** The entry the key file anchored has another MAC: the chain was rebuilt. */
  | 'divergesFromKeyFile';

export type AuditChainReport =
  { ok: true; entries: number } | { ok: false; entries: number; firstBrokenSeq: number; finding: AuditFinding };

/** What the key file (or a backup) recorded of the chain. */
export interface AnchorView {
  seq: number;
  mac: string;
  legacySeq: number;
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
 * end against the head the database recorded and, when given, the anchor from the key file. The
 * database may be ahead of its key file (a crash after a commit, before the anchor was written) but
 * never behind it or beside it.
 */
export function verifyAuditChain(db: Db, anchor?: AnchorView): AuditChainReport {
  const rows = allAuditRows(db);
  const entries = rows.length;
  const head = readAuditHead(db);
  const legacySeq = head.legacySeq ?? Number.MAX_SAFE_INTEGER;
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
  if (anchor && anchor.seq > lastSeq) {
    return { ok: false, entries, firstBrokenSeq: lastSeq + 1, finding: 'behindKeyFile' };
  }
  // Stryker disable next-line OptionalChaining: the rows run 1..lastSeq without a gap (brokenRow) and anchor.seq <= lastSeq here
  if (anchor && anchor.seq > 0 && rows[anchor.seq - 1]?.hash !== anchor.mac) {
    return { ok: false, entries, firstBrokenSeq: anchor.seq, finding: 'divergesFromKeyFile' };
  }
  return { ok: true, entries };
}
