import { verifyAuditChain, type AnchorView, type AuditChainReport } from '../audit/audit-verify';
import { fullIntegrityProblem, inReadTransaction, type Db } from '../db/connection';
import { hasAuditLog } from '../db/repositories/audit-repo';

/** The checks that read the whole file; which one failed names the damage. */
export type IntegrityProblem = 'cipher_integrity_check' | 'quick_check';

/** What the full check found: the file's pages and b-tree, then (on a sound file) the whole audit chain. */
export interface FullCheckReport {
  integrity: IntegrityProblem | 'ok';
  /** Absent when the file itself failed: the chain is not walked over damaged pages. */
  audit?: AuditChainReport;
}

/**
 * Every page's HMAC and the b-tree, then the audit chain recomputed from its first entry and held
 * against its head and the key file's anchor. O(size of the vault): it runs after unlock in a worker
 * (see vault-health.ts) and in `bro vault check`, never before the user sees the vault.
 */
export function fullCheck(db: Db, anchor?: AnchorView): FullCheckReport {
  let problem = fullIntegrityProblem(db);
  // cipher_integrity_check reads the file's pages directly, beside the app's connection; a page a
  // checkpoint is copying at that moment can read torn. Damage stays, so a failure must repeat.
  if (problem === 'cipher_integrity_check') problem = fullIntegrityProblem(db);
  if (problem) return { integrity: problem };
  if (!hasAuditLog(db)) return { integrity: 'ok', audit: { ok: true, entries: 0 } };
  // One read transaction: the chain and the head it is held against are read as of one moment, while
  // the app may be appending entries.
  return { integrity: 'ok', audit: inReadTransaction(db, () => verifyAuditChain(db, anchor)) };
}
