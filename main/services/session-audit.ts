import { appendAudit } from '../audit/audit-log';
import type { VaultSession } from '../vault/vault-session';
import { localActorId } from './actor';

/** Records each unlock, and the failed attempts before it, in the audit log once the vault is open. */
export function auditUnlocks(session: VaultSession, now: () => Date): () => void {
  return session.onChange((event) => {
    if (event.type !== 'unlocked') return;
    const { db, vaultId, failedAttemptsBefore } = event.vault;
    const actor = localActorId(db);
    const at = now().toISOString();
    db.transaction(() => {
      for (let i = 0; i < failedAttemptsBefore; i += 1) {
        appendAudit(db, { at, actor, action: 'unlock_failed', objectType: 'vault', objectId: vaultId });
      }
      appendAudit(db, { at, actor, action: 'unlock', objectType: 'vault', objectId: vaultId });
    })();
  });
}
