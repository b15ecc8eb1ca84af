import { appendAudit, type AuditAction } from '../audit/audit-log';
import { verifyAuditChain, type AuditChainReport, type AuditFinding } from '../audit/audit-verify';
import type { Db } from '../db/connection';
import { readAuditHead } from '../db/repositories/audit-repo';
import { localActorId } from '../services/actor';
import { readKeyFile, updateKeyFile, type KeyFile } from './key-file';
import { clearThrottle, unreportedFailures } from './unlock-throttle';
import type { VaultFiles } from './vault-files';

/** The audit chain held against the anchor in the key file. */
export function checkAgainstKeyFile(db: Db, keyFile: KeyFile): AuditChainReport {
  return verifyAuditChain(db, keyFile.auditAnchor);
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
 * After a right secret: checks the chain against the key file, writes the failed attempts that came
 * before (one entry per failure, at its own time), the event itself and an alarm entry for anything
 * the check found, then anchors the new head. The failures leave the throttle file only once they
 * are in the log.
 */
export function sealOpening(
  db: Db,
  files: VaultFiles,
  event: { at: string; action: AuditAction; vaultId: string },
): AuditFinding[] {
  const report = checkAgainstKeyFile(db, readKeyFile(files.keys));
  const findings = report.ok ? [] : [report.finding];
  const failures = unreportedFailures(files.throttle);
  const missingTimes = failures.count - failures.times.length;
  db.transaction(() => {
    const actor = localActorId(db);
    const log = (action: AuditAction, at: string, objectType = 'vault', objectId = event.vaultId) =>
      appendAudit(db, { at, actor, action, objectType, objectId });
    for (let i = 0; i < failures.count; i += 1) {
      log('unlock_failed', failures.times[i - missingTimes] ?? failures.times[0] ?? event.at);
    }
    for (const finding of findings) log('audit_alarm', event.at, 'audit', finding);
    log(event.action, event.at);
  })();
  clearThrottle(files.throttle);
  writeAnchor(db, files.keys, event.at);
  return findings;
}
