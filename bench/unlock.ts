import { dueFactsMismatches } from '../main/db/repositories/due-facts-repo';
import { readKeyFile } from '../main/vault/key-file';
import type { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE, kdfFigures, withLockedVault } from './bench-vault';
import { benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/** The due facts held against the documents (the full check's last part), alone, median of three. */
async function dueFactsCheckMs(session: VaultSession): Promise<number> {
  await session.unlock(BENCH_PASSPHRASE);
  await session.settledHealth();
  const { db } = session.current();
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    const { ms, value } = await timeMs(() => dueFactsMismatches(db));
    if (value.length > 0) throw new Error(`bench: ${value.length} due facts disagree with the documents`);
    runs.push(ms);
  }
  session.lock();
  return median(runs);
}

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
 * audit chain, the due facts against the documents) that runs after unlock in a worker, timed from
 * unlock until its answer, and its due facts part alone (due_facts_check_10k_ms, on the main connection).
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
      const factsMs = await dueFactsCheckMs(big.session);
      const unlockMs = round(median(small));
      const unlock10kMs = round(median(large.map((t) => t.unlock)));
      return {
        unlock_ms: unlockMs,
        unlock_10k_ms: unlock10kMs,
        unlock_10k_ratio: round(unlock10kMs / unlockMs),
        unlock_runs: RUNS,
        integrity_check_10k_ms: round(median(large.map((t) => t.check))),
        due_facts_check_10k_ms: round(factsMs),
        unlock_bench_cases: cases,
        kdf_params: kdfFigures(readKeyFile(empty.files.keys).kdf),
      };
    });
  } finally {
    big.dispose();
  }
}
