import { existsSync } from 'node:fs';
import { forgetAuditKey, keyAuditLog } from '../audit/audit-key';
import { makeQueryOnly, openEncrypted, type Db } from '../db/connection';
import { storageFailureOf } from '../db/storage-errors';
import { AppError } from '../ipc/app-error';
import { fullCheck } from './integrity-check';
import { IntegrityJobSchema, type IntegrityMessage } from './integrity-job';

/**
 * What the integrity worker does with its job (integrity-worker.ts is only the thread's entry): opens
 * its own read-only connection to vault.db with the data key it was lent and runs fullCheck. Kept
 * apart from the thread so tests run it in-process, where every branch is measured.
 * Throws on a job that is not one (the worker then exits, and the session reads that as "worker").
 */
export function runIntegrityJob(data: unknown): IntegrityMessage {
  const job = IntegrityJobSchema.parse(data);
  // The key lives in memory shared with the vault session, which overwrites it when it locks.
  const key = Buffer.from(job.key);
  // Locked before this thread got here: the session has overwritten the key. Opening with it would
  // only touch the file (and create its -shm) of a vault that is no longer open.
  if (key.every((byte) => byte === 0)) return { failure: 'cancelled' };
  // Opening a path with no file would create an empty database there, and it would pass.
  if (!existsSync(job.path)) return { failure: 'missing' };
  let db: Db | null = null;
  try {
    // Stryker disable next-line StringLiteral: openEncrypted runs its full check only for 'full'; any other value opens as 'quick' does
    db = openEncrypted(job.path, key, 'quick');
    makeQueryOnly(db);
    keyAuditLog(db, key, job.vaultId);
    key.fill(0);
    return { report: fullCheck(db, job.anchor) };
  } catch (error) {
    // A key the file refuses (page 1 damaged) is damage; any other fault means the check did not run,
    // named as the opening named it (a busy or unreadable file arrives as an AppError with its failure).
    const refused = error instanceof AppError && error.code === 'vault_corrupt';
    const named = error instanceof AppError ? error.params?.failure : undefined;
    return { failure: refused ? 'damaged' : typeof named === 'string' ? named : (storageFailureOf(error) ?? 'error') };
  } finally {
    key.fill(0);
    // Stryker disable next-line ConditionalExpression: forgetAuditKey ignores null, and the chain key of this function's own connection is reachable from nowhere else
    if (db) forgetAuditKey(db);
    db?.close();
  }
}
