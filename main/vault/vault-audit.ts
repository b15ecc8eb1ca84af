import { appendAudit, type AuditAction } from '../audit/audit-log';
import { entryMac, fieldsOf } from '../audit/audit-key';
import type { AuditChainReport, AuditFinding } from '../audit/audit-verify';
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
 */
export function checkAuditHead(db: Db, anchor: KeyFile['auditAnchor']): AuditChainReport {
  if (!hasAuditLog(db)) return { ok: true, entries: 0 };
  const head = readAuditHead(db);
  const lastSeq = lastAuditLink(db)?.seq ?? 0;
  const last = lastSeq > 0 ? auditRowAt(db, lastSeq) : undefined;
  const legacySeq = head.legacySeq ?? Number.MAX_SAFE_INTEGER;
  const broken = (firstBrokenSeq: number, finding: AuditFinding): AuditChainReport => ({
    ok: false,
    entries: lastSeq,
    firstBrokenSeq,
    finding,
  });
  if (anchor && anchor.legacySeq !== legacySeq) return broken(Math.min(anchor.legacySeq, legacySeq) + 1, 'rewritten');
  if (last && last.seq > legacySeq && entryMac(auditKeyOf(db), last.prevHash, fieldsOf(last)) !== last.hash) {
    return broken(last.seq, 'rewritten');
  }
  if (head.seq > lastSeq || (head.seq > 0 && head.seq === lastSeq && head.mac !== last?.hash)) {
    return broken(lastSeq + 1, 'tailCut');
  }
  if (anchor && anchor.seq > lastSeq) return broken(lastSeq + 1, 'behindKeyFile');
  if (anchor && anchor.seq > 0 && auditRowAt(db, anchor.seq)?.hash !== anchor.mac) {
    return broken(anchor.seq, 'divergesFromKeyFile');
  }
  return { ok: true, entries: lastSeq };
}

/** Copies the database's chain head into the key file, so a later cut or rollback shows. */
export function writeAnchor(db: Db, keysPath: string, at: string): void {
  const head = readAuditHead(db);
  if (head.seq === 0 || head.legacySeq === null) return;
  updateKeyFile(keysPath, (keyFile) => ({
    ...keyFile,
    auditAnchor: { seq: head.seq, mac: head.mac, legacySeq: head.legacySeq ?? 0, at },
  }));
}

/** Appends one vault-level event and anchors it in the key file. */
export function recordVaultEvent(db: Db, keysPath: string, at: string, action: AuditAction, vaultId: string): void {
  appendAudit(db, { at, actor: localActorId(db), action, objectType: 'vault', objectId: vaultId });
  writeAnchor(db, keysPath, at);
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
 */
export function sealOpening(
  db: Db,
  files: VaultFiles,
  event: { at: string; action: AuditAction; vaultId: string },
): AuditFinding[] {
  const report = checkAuditHead(db, readKeyFile(files.keys).auditAnchor);
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
