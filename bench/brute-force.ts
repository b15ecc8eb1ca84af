import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey } from '../main/vault/kdf';
import { readKeyFile, wrapAad } from '../main/vault/key-file';
import { unwrapKey } from '../main/vault/key-wrap';
import { VaultSession } from '../main/vault/vault-session';
import { median, round, timeMs } from './stats';

const PASSPHRASE = 'Benchmark-passord-som-er-langt-2026';

/**
 * What an attacker holding the vault files gets per core: each guess is one scrypt derivation with
 * the key file's parameters plus one AES-GCM unwrap attempt. Measured with wrong guesses, one at a
 * time (one core); the throttle file plays no part offline, so it is not counted.
 */
export async function benchBruteForce(options: { guesses?: number } = {}): Promise<Record<string, unknown>> {
  const guesses = options.guesses ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-brute-'));
  try {
    const session = new VaultSession({ dir });
    await session.create('NO', PASSPHRASE);
    session.lock();
    const keyFile = readKeyFile(session.files.keys);
    const aad = wrapAad(keyFile.vaultId, 'passphrase');
    const times: number[] = [];
    for (let i = 0; i < guesses; i += 1) {
      const { ms, value } = await timeMs(async () => {
        const kek = await deriveKey(`gjett-${i}-${PASSPHRASE}`, keyFile.kdf);
        const key = unwrapKey(kek, keyFile.wraps.passphrase, aad);
        kek.fill(0);
        return key;
      });
      if (value !== null) throw new Error('a wrong guess unwrapped the key');
      times.push(ms);
    }
    // The fastest guess is what an attacker with an idle core gets; the median shows the noise.
    const fastest = Math.min(...times);
    const { kdf } = keyFile;
    return {
      guesses_per_s: round(1000 / fastest, 2),
      ms_per_guess: { fastest: round(fastest), median: round(median(times)) },
      kdf: {
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
