import { verifyAuditChain, type AnchorView, type AuditChainReport } from '../audit/audit-verify';
import { fullIntegrityProblem, inReadTransaction, type Db } from '../db/connection';
import { hasAuditLog } from '../db/repositories/audit-repo';
import { dueFactsMismatches, hasDueFacts } from '../db/repositories/due-facts-repo';

/** The checks that read the whole file; which one failed names the damage. */
export type IntegrityProblem = 'cipher_integrity_check' | 'quick_check';

/**
 * Stored due facts held against the documents they are taken from (issue 15 item 2): how many
 * documents disagree, and the first MAX_NAMED_DOCUMENTS of them by id (ids only, never content).
 */
export interface DueFactsReport {
  mismatches: number;
  documents: string[];
}

/** Named in a report; more than this and the app works every document's facts out again. */
export const MAX_NAMED_DOCUMENTS = 200;

/** What the full check found: the file's pages and b-tree, then (on a sound file) the whole audit chain. */
export interface FullCheckReport {
  integrity: IntegrityProblem | 'ok';
  /** Absent when the file itself failed: the chain is not walked over damaged pages. */
  audit?: AuditChainReport;
  /** Absent when the file failed, or the vault keeps no due facts (before migration 0011). */
  dueFacts?: DueFactsReport;
}

/**
 * Every page's HMAC and the b-tree, then the audit chain recomputed from its first entry and held
 * against its head and the key file's anchor, then every live document's due facts worked out again
 * from its versions and held against the stored ones (someone who edits the file with the passphrase
 * could hide a due item by changing a fact; the due list reads only the facts). O(size of the vault):
 * it runs after unlock in a worker (see vault-health.ts) and in `bro vault check`, never before the
 * user sees the vault.
 */
export function fullCheck(db: Db, anchor?: AnchorView): FullCheckReport {
  let problem = fullIntegrityProblem(db);
  // cipher_integrity_check reads the file's pages directly, beside the app's connection; a page a
  // checkpoint is copying at that moment can read torn. Damage stays, so a failure must repeat.
  if (problem === 'cipher_integrity_check') problem = fullIntegrityProblem(db);
  if (problem) return { integrity: problem };
  // One read transaction: the chain and the head it is held against are read as of one moment, while
  // the app may be appending entries.
  const audit: AuditChainReport = hasAuditLog(db)
    ? inReadTransaction(db, () => verifyAuditChain(db, anchor))
    : { ok: true, entries: 0 };
  return { integrity: 'ok', audit, ...(hasDueFacts(db) ? { dueFacts: dueFactsReport(db) } : {}) };
}

/** The due facts held against the documents, as of one moment (the app may be saving meanwhile). */
function dueFactsReport(db: Db): DueFactsReport {
  const mismatches = inReadTransaction(db, () => dueFactsMismatches(db));
  const documents = mismatches.slice(0, MAX_NAMED_DOCUMENTS).map((m) => m.documentId);
  return { mismatches: mismatches.length, documents };
}
