import type { Db } from '../db/connection';
import { dueFactsMismatches, rebuildDueFacts, type DueFactsMismatch } from '../db/repositories/due-facts-repo';

/**
 * Whether the stored due facts agree with the documents (issue 15 item 2): an insider who edits the
 * file could hide a due item by changing a fact. Every live document's facts are worked out again from
 * its versions and compared. The full check after unlock and `bro vault check` hold them the same way
 * (main/vault/integrity-check.ts), and the app mends what they find (main/vault/vault-repairs.ts).
 */
export function checkDueFacts(db: Db): { ok: boolean; mismatches: DueFactsMismatch[] } {
  const mismatches = dueFactsMismatches(db);
  return { ok: mismatches.length === 0, mismatches };
}

/** Writes the facts again from the documents, in one transaction; returns what disagreed before. */
export function repairDueFacts(db: Db): DueFactsMismatch[] {
  const before = dueFactsMismatches(db);
  if (before.length > 0) rebuildDueFacts(db);
  return before;
}
