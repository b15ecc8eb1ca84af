import { generateDemo } from '../main/demo/generate-demo';
import { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE } from './bench-vault';
import { BENCH_TODAY, benchVault } from './demo-vault';
import { mainRssMb, RSS_RUNTIME } from './rss';
import { searchEntries as entries, searchFigures } from './search';
import { vaultSizeFigures } from './size';

/**
 * One vault grown in two steps, measured on the way: at `cases` (10 000) its size per case and the
 * main process's memory after the home screen; then topped up to 100 000 search entries for the
 * search figures per query sort and the memory again.
 */
export async function benchScale(options: { cases?: number; entries?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? Number(process.env.BRO_BENCH_CASES ?? 10_000);
  const target = options.entries ?? Math.round(cases * 10);
  const vault = await benchVault({ profile: 'NO', cases, label: 'scale' });
  const { session } = vault;
  try {
    const size = vaultSizeFigures(vault.db, session.files.database, cases);
    session.lock();
    const rss10k = await mainRssMb(session.files.dir);
    // Without the after-unlock integrity check: its worker would read the whole file while the
    // searches are timed (the memory figures keep it, as the app runs it).
    const quiet = new VaultSession({ dir: session.files.dir, healthCheck: false });
    await quiet.unlock(BENCH_PASSPHRASE);
    const db = quiet.current().db;
    let written = cases;
    while (entries(db) < target) {
      generateDemo(db, { profile: 'NO', today: BENCH_TODAY, cases: 500, firstIndex: written });
      written += 500;
      process.stderr.write(`bench: scale: ${entries(db)} of ${target} search entries\n`);
    }
    const search = searchFigures(db);
    quiet.lock();
    const rss100k = await mainRssMb(session.files.dir);
    return {
      ...size,
      main_rss_10k_mb: rss10k?.rssMb ?? null,
      main_rss_100k_entries_mb: rss100k?.rssMb ?? null,
      main_rss_peak_10k_mb: rss10k?.peakMb ?? null,
      main_rss_peak_100k_entries_mb: rss100k?.peakMb ?? null,
      // The same child: a fresh process's unlock and its home screen's first calls (no list kept).
      fresh_process_unlock_10k_ms: rss10k?.unlockMs ?? null,
      fresh_process_home_10k_ms: rss10k?.homeMs ?? null,
      main_rss_runtime: RSS_RUNTIME,
      ...search,
      scale_fill_s: vault.fillSeconds,
    };
  } finally {
    vault.dispose();
  }
}
