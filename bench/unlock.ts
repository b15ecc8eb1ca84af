import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readKeyFile } from '../main/vault/key-file';
import { VaultSession } from '../main/vault/vault-session';
import { median, round, timeMs } from './stats';

const PASSPHRASE = 'Benchmark-passord-som-er-langt-2026';

/** Unlock time (KDF + key unwrap + SQLCipher open + integrity checks), median of 5, with the KDF in use. */
export async function benchUnlock(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-unlock-'));
  try {
    const session = new VaultSession({ dir });
    await session.create('NO', PASSPHRASE);
    session.lock();
    const times: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      times.push((await timeMs(() => session.unlock(PASSPHRASE))).ms);
      session.lock();
    }
    const { kdf } = readKeyFile(session.files.keys);
    return {
      unlock_ms: round(median(times)),
      kdf_params: {
        algorithm: kdf.algorithm,
        N: 2 ** kdf.logN,
        r: kdf.r,
        p: kdf.p,
        memory_mib: (128 * 2 ** kdf.logN * kdf.r) / 2 ** 20,
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
