import { appendAudit, type AuditAction } from '../audit/audit-log';
import { entryMac, fieldsOf, GENESIS } from '../audit/audit-key';
import { legacyMarkOf, pastKeyedMigration, type AuditChainReport, type AuditFinding } from '../audit/audit-verify';
import { isWritable, type Db } from '../db/connection';
import { auditRowAt, hasAuditLog, lastAuditLink, readAuditHead } from '../db/repositories/audit-repo';
import { auditKeyOf, forgetAuditKey } from '../audit/audit-key';
import { localActorId } from '../services/actor';
import { keyFileExists, readKeyFile, updateKeyFile, type KeyFile } from './key-file';
import { clearThrottle, unreportedAttempts } from './unlock-throttle';
import type { VaultFiles } from './vault-files';

/**
 * The O(1) part of the audit check, run at every unlock: the chain's last entry (its own MAC), the
 * head the database records and the anchor in the key file, each read by index. A cut tail, a
 * rolled-back or rebuilt chain shows here; an entry rewritten further back is found by the full walk
 * (verifyAuditChain), which runs after unlock in the integrity worker and in `bro vault check`.
 * `anchorExpected`: the vault was past migration 10 before this opening, so its key file must hold an
 * anchor; only a vault this opening has just migrated (a version 1 key file) may come without one.
 */
export function checkAuditHead(
  db: Db,
  anchor: KeyFile['auditAnchor'],
  anchorExpected = pastKeyedMigration(db),
): AuditChainReport {
  if (!hasAuditLog(db)) return { ok: true, entries: 0 };
  const head = readAuditHead(db);
  const lastSeq = lastAuditLink(db)?.seq ?? 0;
  const last = lastSeq > 0 ? auditRowAt(db, lastSeq) : undefined;
  const legacySeq = legacyMarkOf(db, head);
  const broken = (firstBrokenSeq: number, finding: AuditFinding): AuditChainReport => ({
    ok: false,
    entries: lastSeq,
    firstBrokenSeq,
    finding,
  });
  if (legacySeq === null) return broken(1, 'rewritten');
  if (anchor && anchor.legacySeq !== legacySeq) return broken(Math.min(anchor.legacySeq, legacySeq) + 1, 'rewritten');
  if (last && last.seq > legacySeq && entryMac(auditKeyOf(db), last.prevHash, fieldsOf(last)) !== last.hash) {
    return broken(last.seq, 'rewritten');
  }
  if (head.seq > lastSeq || (head.seq > 0 && head.seq === lastSeq && head.mac !== last?.hash)) {
    return broken(lastSeq + 1, 'tailCut');
  }
  if (!anchor) return anchorExpected ? broken(1, 'anchorMissing') : { ok: true, entries: lastSeq };
  if (anchor.seq > lastSeq) return broken(lastSeq + 1, 'behindKeyFile');
  if (anchor.seq > 0 && auditRowAt(db, anchor.seq)?.hash !== anchor.mac) {
    return broken(anchor.seq, 'divergesFromKeyFile');
  }
  return { ok: true, entries: lastSeq };
}

/**
 * Copies the database's chain head into the key file, so a later cut or rollback shows; an empty
 * chain too (sequence 0), so a key file of a keyed vault is never without an anchor.
 */
export function writeAnchor(db: Db, keysPath: string, at: string): void {
  const anchor = currentAnchor(db, at);
  if (anchor) updateKeyFile(keysPath, (keyFile) => ({ ...keyFile, auditAnchor: anchor }));
}

/**
 * Logs a vault-level event, then writes the key file `change` makes, anchored at that entry, as the last
 * step of the entry's transaction: a log that cannot be written (a full disk, another program's lock)
 * leaves the key file as it was, and a key file that cannot be written takes the entry back.
 */
export function recordVaultChange(
  db: Db,
  event: { at: string; action: AuditAction; vaultId: string },
  change: (anchor: KeyFile['auditAnchor']) => void,
): void {
  db.transaction(() => {
    appendAudit(db, {
      at: event.at,
      actor: localActorId(db),
      action: event.action,
      objectType: 'vault',
      objectId: event.vaultId,
    });
    change(currentAnchor(db, event.at));
  })();
}

/** The key file's anchor for the chain as this connection sees it now (its own open transaction included). */
function currentAnchor(db: Db, at: string): KeyFile['auditAnchor'] {
  const { seq, mac, legacySeq } = readAuditHead(db);
  return legacySeq === null ? undefined : { seq, mac: seq === 0 ? GENESIS : mac, legacySeq, at };
}

/**
 * Logs what a later check (the integrity worker's walk of the chain) found, and anchors it; on a
 * connection that takes no more writes (a damaged file) the finding is only shown.
 */
export function recordAuditAlarm(db: Db, keysPath: string, at: string, finding: AuditFinding): void {
  if (!isWritable(db)) return;
  appendAudit(db, { at, actor: localActorId(db), action: 'audit_alarm', objectType: 'audit', objectId: finding });
  writeAnchor(db, keysPath, at);
}

/**
 * After a right secret: checks the chain's head against the key file (O(1), see checkAuditHead),
 * writes the failed attempts that came before (one entry per attempt, at its own time, naming the
 * entry point and the reason's class), the event itself and an alarm entry for anything the check
 * found, then anchors the new head. The attempts leave the attempts file only once they are in the log.
 * `anchorExpected`: the vault was past migration 10 before this opening (see checkAuditHead).
 */
export function sealOpening(
  db: Db,
  files: VaultFiles,
  event: { at: string; action: AuditAction; vaultId: string },
  anchorExpected: boolean,
): AuditFinding[] {
  const report = checkAuditHead(db, readKeyFile(files.keys).auditAnchor, anchorExpected);
  const findings = report.ok ? [] : [report.finding];
  const attempts = unreportedAttempts(files.throttle);
  db.transaction(() => {
    const actor = localActorId(db);
    const log = (action: AuditAction, at: string, objectType: string, objectId: string) =>
      appendAudit(db, { at, actor, action, objectType, objectId });
    for (const attempt of attempts) log('unlock_failed', attempt.at, 'vault', `${attempt.via}:${attempt.reason}`);
    for (const finding of findings) log('audit_alarm', event.at, 'audit', finding);
    log(event.action, event.at, 'vault', event.vaultId);
  })();
  clearThrottle(files.throttle);
  writeAnchor(db, files.keys, event.at);
  return findings;
}

/**
 * Closes a vault's connection at lock: anchors the audit head in the key file (locking must not fail:
 * the anchor is rewritten at the next unlock), forgets the chain key, overwrites the data key.
 */
export function closeAnchored(db: Db, keysPath: string, at: string, dataKey: Buffer): void {
  try {
    if (hasAuditLog(db) && keyFileExists(keysPath)) writeAnchor(db, keysPath, at);
  } catch {
    // The anchor is written again at the next unlock.
  } finally {
    forgetAuditKey(db);
    try {
      db.close();
    } finally {
      dataKey.fill(0);
    }
  }
}
