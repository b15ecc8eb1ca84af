import { createMemoryPrefsStore } from '../main/prefs/conf-prefs-store';
import { createApp } from '../main/services/registry';
import { BENCH_PASSPHRASE } from './bench-vault';

/**
 * Run by bench/rss.ts in its own process: the real services over a bench vault, unlocked, then the
 * calls the home screen makes and one search, as the app's main process would. Prints the resident
 * set size (MB) as JSON on stdout, with the peak over the process's life (maxRSS), and how long the
 * unlock and then the home screen's calls took in this fresh process (unlockMs, homeMs: its code not
 * yet compiled, as at the app's first unlock after it starts). bench/rss.ts runs it
 * bundled, under plain node, as the app's main code ships (not under tsx, whose compiler alone adds
 * tens of megabytes); the integrity check's worker runs in it as in the app.
 */
const vaultDir = process.argv[2];
if (!vaultDir) throw new Error('usage: rss-child.ts VAULT_DIR');
const app = createApp({ vaultDir, prefs: createMemoryPrefsStore() });
try {
  const call = async (channel: string, input: unknown) => {
    const result = await app.router.invoke(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value;
  };
  const pressed = performance.now();
  await call('vault.unlock', { passphrase: BENCH_PASSPHRASE });
  const answered = performance.now();
  // The home screen's calls, as home-screen.tsx makes them on a NO vault.
  await Promise.all([
    call('due.view', { groupBy: 'status', limit: 25 }),
    call('cases.list', { limit: 1 }),
    call('contacts.registerStatus', {}),
  ]);
  const homeMs = performance.now() - answered;
  await call('due.list', { limitPerStatus: 25 });
  await call('search.query', { text: 'bekymring', limit: 50 });
  await call('search.query', { text: 'KOMPIS', limit: 50 });
  const rssMb = process.memoryUsage().rss / 2 ** 20;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ rssMb, peakMb, unlockMs: answered - pressed, homeMs })}\n`);
} finally {
  app.dispose();
}
