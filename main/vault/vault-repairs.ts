import { appendAudit } from '../audit/audit-log';
import { isWritable, type Db } from '../db/connection';
import { rebuildDueFacts, rebuildDueFactsOf } from '../db/repositories/due-facts-repo';
import { localActorId } from '../services/actor';
import type { DueFactsReport } from './integrity-check';
import { writeAnchor } from './vault-audit';

/**
 * What Bro found edited in an open vault and put right from the vault's own sources, as the integrity
 * check or the due list's keeper found it: the stored due facts (worked out again from the documents)
 * and the kept due list (kept again from the facts). Each hid due items until put right, so each is
 * shown (catalog keys security.repair.<repair>) and logged as an alarm, as audit findings are.
 */
export type VaultRepair = 'dueFacts' | 'keptDueList';

/** What the alarm entry names: the object and, for the facts, how many documents disagreed. */
const LOGGED_AS: Record<VaultRepair, { objectType: string; objectId: (count: number) => string }> = {
  dueFacts: { objectType: 'due_facts', objectId: (count) => `mismatch:${count}` },
  keptDueList: { objectType: 'due_list', objectId: () => 'kept:mismatch' },
};

function logRepair(db: Db, at: string, repair: VaultRepair, count = 0): void {
  const { objectType, objectId } = LOGGED_AS[repair];
  appendAudit(db, { at, actor: localActorId(db), action: 'audit_alarm', objectType, objectId: objectId(count) });
}

/** Logs the repair as an alarm (ids and a count only) and anchors the new head in the key file. */
export function recordRepair(db: Db, keysPath: string, at: string, repair: VaultRepair): void {
  if (!isWritable(db)) return;
  logRepair(db, at, repair);
  writeAnchor(db, keysPath, at);
}

/**
 * Works the facts the check found disagreeing out again from the documents (every document's when it
 * named only the first of them), with the alarm in the same transaction. False on a vault whose writes
 * are refused: nothing is written to a file not known to be sound.
 */
export function mendDueFacts(db: Db, keysPath: string, at: string, report: DueFactsReport): boolean {
  if (!isWritable(db)) return false;
  db.transaction(() => {
    if (report.mismatches > report.documents.length) rebuildDueFacts(db);
    else rebuildDueFactsOf(db, report.documents);
    logRepair(db, at, 'dueFacts', report.mismatches);
  })();
  writeAnchor(db, keysPath, at);
  return true;
}
