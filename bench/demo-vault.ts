import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../shared/domain';
import type { Db } from '../main/db/connection';
import { generateDemo } from '../main/demo/generate-demo';
import { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE } from './bench-vault';

/** A fixed day, so runs on different days measure the same vault. */
export const BENCH_TODAY = '2026-03-15';

export interface BenchVault {
  db: Db;
  /** The session holding it open (to lock and unlock it again, as bench/unlock.ts does). */
  session: VaultSession;
  /** Seconds it took to fill the vault. */
  fillSeconds: number;
  dispose(): void;
}

/**
 * A temporary vault filled by the demo generator, the same way `bro demo --cases N` fills one.
 * `until` keeps adding cases (in runs of `step`) until it returns true, e.g. for a number of
 * search-index entries.
 */
export async function benchVault(options: {
  profile: Profile;
  cases: number;
  until?: (db: Db) => boolean;
  step?: number;
  label: string;
}): Promise<BenchVault> {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-demo-'));
  const session = new VaultSession({ dir });
  await session.create(options.profile, BENCH_PASSPHRASE);
  const { db } = session.current();
  const started = performance.now();
  const progress = (done: number, total: number) => {
    if (done % 2000 === 0 || done === total)
      process.stderr.write(`bench: ${options.label}: ${done} of ${total} cases\n`);
  };
  let written = 0;
  let run = options.cases;
  while (run > 0) {
    const first = written;
    generateDemo(db, {
      profile: options.profile,
      today: BENCH_TODAY,
      cases: run,
      firstIndex: first,
      onProgress: (done) => progress(first + done, first + run),
    });
    written += run;
    run = options.until && !options.until(db) ? (options.step ?? 500) : 0;
  }
  return {
    db,
    session,
    fillSeconds: Math.round((performance.now() - started) / 100) / 10,
    dispose() {
      session.lock();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
