import { readKeyFile } from '../main/vault/key-file';
import { unwrapWithPassphrase } from '../main/vault/unwrap-data-key';
import { BENCH_PASSPHRASE, kdfFigures, withLockedVault } from './bench-vault';
import { median, round, timeMs } from './stats';

/**
 * What an attacker holding the vault files gets per core: each guess is one scrypt derivation with
 * the key file's parameters plus one AES-GCM unwrap attempt, exactly as unlock tries a passphrase.
 * Measured with wrong guesses, one at a time (one core); the throttle file plays no part offline,
 * so it is not counted.
 */
export async function benchBruteForce(options: { guesses?: number } = {}): Promise<Record<string, unknown>> {
  const guesses = options.guesses ?? 5;
  return withLockedVault('bro-bench-brute-', async (session) => {
    const keyFile = readKeyFile(session.files.keys);
    const times: number[] = [];
    for (let i = 0; i < guesses; i += 1) {
      const { ms, value } = await timeMs(() => unwrapWithPassphrase(keyFile, `gjett-${i}-${BENCH_PASSPHRASE}`));
      if (value !== null) throw new Error('a wrong guess unwrapped the key');
      times.push(ms);
    }
    // The fastest guess is what an attacker with an idle core gets; the median shows the noise.
    const fastest = Math.min(...times);
    return {
      guesses_per_s: round(1000 / fastest, 2),
      ms_per_guess: { fastest: round(fastest), median: round(median(times)) },
      kdf: kdfFigures(keyFile.kdf),
    };
  });
}
