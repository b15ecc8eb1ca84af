import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KdfParams } from '../main/vault/kdf';
import { VaultSession } from '../main/vault/vault-session';

/** The passphrase of every benchmark vault (fictional, and strong enough for the passphrase policy). */
export const BENCH_PASSPHRASE = 'Benchmark-passord-som-er-langt-2026';

/**
 * Runs `measure` on a new, locked vault with the production KDF in a temp folder named by `prefix`;
 * the folder is removed afterwards, also when `measure` throws.
 */
export async function withLockedVault<T>(prefix: string, measure: (session: VaultSession) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const session = new VaultSession({ dir });
    await session.create('NO', BENCH_PASSPHRASE);
    session.lock();
    return await measure(session);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The KDF parameters as the benchmarks report them, with the memory one scrypt derivation needs. */
export function kdfFigures(kdf: KdfParams): Record<string, unknown> {
  return {
    algorithm: kdf.algorithm,
    N: 2 ** kdf.logN,
    r: kdf.r,
    p: kdf.p,
    memory_mib: (128 * 2 ** kdf.logN * kdf.r) / 2 ** 20,
  };
}
