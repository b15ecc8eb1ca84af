import { readKeyFile } from '../main/vault/key-file';
import type { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE, kdfFigures, withLockedVault } from './bench-vault';
import { benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/** Median unlock time over `runs` unlocks (each locked again after), and the full check's time after each. */
async function unlockTimes(session: VaultSession, runs: number): Promise<{ unlock: number; check: number }> {
  const unlocks: number[] = [];
  const checks: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    unlocks.push((await timeMs(() => session.unlock(BENCH_PASSPHRASE))).ms);
    const started = performance.now();
    const health = await session.settledHealth();
    checks.push(performance.now() - started);
    if (health?.state !== 'passed') throw new Error(`bench: the integrity check did not pass (${health?.state})`);
    session.lock();
  }
  return { unlock: round(median(unlocks)), check: round(median(checks)) };
}

/**
 * Unlock time (KDF + key unwrap + the O(1) open: key, schema version, audit head), median of 5, on an
 * empty vault and on a 10 000-case demo vault in the same run; and the full integrity check
 * (cipher_integrity_check, quick_check, the audit chain) that runs after unlock in a worker, timed
 * from unlock until its answer. Goal: unlock_10k_ms within 1.5× of unlock_ms.
 */
export async function benchUnlock(): Promise<Record<string, unknown>> {
  const empty = await withLockedVault('bro-bench-unlock-', async (session) => ({
    times: await unlockTimes(session, 5),
    kdf: readKeyFile(session.files.keys).kdf,
  }));
  const cases = Number(process.env.BRO_BENCH_UNLOCK_CASES ?? 10_000);
  const big = await benchVault({ profile: 'NO', cases, label: 'unlock' });
  try {
    big.session.lock();
    const times = await unlockTimes(big.session, 5);
    return {
      unlock_ms: empty.times.unlock,
      unlock_10k_ms: times.unlock,
      unlock_10k_ratio: round(times.unlock / empty.times.unlock),
      integrity_check_10k_ms: times.check,
      unlock_bench_cases: cases,
      kdf_params: kdfFigures(empty.kdf),
    };
  } finally {
    big.dispose();
  }
}
