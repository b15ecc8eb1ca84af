import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, verifyAuditChain } from '../main/audit/audit-log';
import { generateDemo } from '../main/demo/generate-demo';
import { readKeyFile } from '../main/vault/key-file';
import { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE } from './bench-vault';
import { BENCH_TODAY } from './demo-vault';

const NEW_PASSPHRASE = 'Et nytt benchmark-passord etter byttet 2027';
const FAST_KDF = { logN: 10, r: 8, p: 1 };

async function inTempVault<T>(
  prefix: string,
  kdfCost: { logN: number; r: number; p: number } | undefined,
  measure: (session: VaultSession) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const session = new VaultSession({ dir, kdfCost });
    await session.create('NO', BENCH_PASSPHRASE);
    try {
      return await measure(session);
    } finally {
      session.lock();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `bro vault rotate-key` on a vault of 10 000 demo cases: export, check, two KDFs, swap. */
async function rotateKey10k(): Promise<Record<string, unknown>> {
  return inTempVault('bro-bench-rotate-', undefined, async (session) => {
    const fill = (done: number) => done % 2000 === 0 && process.stderr.write(`bench: rotate: ${done} cases\n`);
    generateDemo(session.current().db, { profile: 'NO', today: BENCH_TODAY, cases: 10_000, onProgress: fill });
    const started = performance.now();
    await session.rotateKey(BENCH_PASSPHRASE, NEW_PASSPHRASE);
    const ms = Math.round(performance.now() - started);
    return {
      rotate_key_10k_ms: ms,
      rotate_key_10k_db_mib: Math.round(statSync(session.files.database).size / 2 ** 20),
    };
  });
}

/** Recomputing the whole chain of 100 000 audit entries and holding it against the key file. */
async function auditVerify100k(): Promise<Record<string, unknown>> {
  return inTempVault('bro-bench-audit-', FAST_KDF, async (session) => {
    const { db } = session.current();
    const at = new Date().toISOString();
    db.transaction(() => {
      for (let i = 0; i < 100_000; i += 1)
        appendAudit(db, { at, actor: 'user-bench', action: 'update', objectType: 'document', objectId: `doc-${i}` });
    })();
    session.lock();
    await session.unlock(BENCH_PASSPHRASE);
    const started = performance.now();
    const report = verifyAuditChain(session.current().db, readKeyFile(session.files.keys).auditAnchor);
    const ms = Math.round(performance.now() - started);
    if (!report.ok) throw new Error('benchmark audit chain does not verify');
    return { audit_verify_100k_ms: ms, audit_verify_entries: report.entries };
  });
}

export async function benchVaultKeys(): Promise<Record<string, unknown>> {
  return { ...(await auditVerify100k()), ...(await rotateKey10k()) };
}
