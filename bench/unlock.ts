import { readKeyFile } from '../main/vault/key-file';
import type { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE, kdfFigures, withLockedVault } from './bench-vault';
import { benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/** Unlocks of each vault, in turn with the other's. */
const RUNS = 7;

/** One unlock (locked again after), and the full check's time after it. */
async function unlockOnce(session: VaultSession): Promise<{ unlock: number; check: number }> {
  const unlock = (await timeMs(() => session.unlock(BENCH_PASSPHRASE))).ms;
  const started = performance.now();
  const health = await session.settledHealth();
  const check = performance.now() - started;
  if (health?.state !== 'passed') throw new Error(`bench: the integrity check did not pass (${health?.state})`);
  session.lock();
  return { unlock, check };
}

/**
 * Unlock time (KDF + key unwrap + the O(1) open: key, schema version, audit head), median of 7, on an
 * empty vault and on a 10 000-case demo vault in the same run, the two unlocked in turn: the KDF is most
 * of an unlock and its time swings with what the machine does meanwhile, so both medians take their
 * samples from the same spells. Also the full integrity check (cipher_integrity_check, quick_check, the
 * audit chain) that runs after unlock in a worker, timed from unlock until its answer.
 * Goal: unlock_10k_ms within 1.5× of unlock_ms.
 */
export async function benchUnlock(): Promise<Record<string, unknown>> {
  const cases = Number(process.env.BRO_BENCH_UNLOCK_CASES ?? 10_000);
  const big = await benchVault({ profile: 'NO', cases, label: 'unlock' });
  try {
    big.session.lock();
    return await withLockedVault('bro-bench-unlock-', async (empty) => {
      const small: number[] = [];
      const large: { unlock: number; check: number }[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        // The first of each pair alternates, so neither vault always follows the other's check.
        const pair = run % 2 === 0 ? [empty, big.session] : [big.session, empty];
        for (const session of pair) {
          const times = await unlockOnce(session);
          if (session === empty) small.push(times.unlock);
          else large.push(times);
        }
      }
      const unlockMs = round(median(small));
      const unlock10kMs = round(median(large.map((t) => t.unlock)));
      return {
        unlock_ms: unlockMs,
        unlock_10k_ms: unlock10kMs,
        unlock_10k_ratio: round(unlock10kMs / unlockMs),
        unlock_runs: RUNS,
        integrity_check_10k_ms: round(median(large.map((t) => t.check))),
        unlock_bench_cases: cases,
        kdf_params: kdfFigures(readKeyFile(empty.files.keys).kdf),
      };
    });
  } finally {
    big.dispose();
  }
}
