import { DueListSchema } from '../shared/ipc/due';
import { computeDueList } from '../main/services/due-list';
import { caseHandlers } from '../main/services/case-service';
import { dueHandlers } from '../main/services/due-service';
import type { VaultSession } from '../main/vault/vault-session';
import { BENCH_PASSPHRASE } from './bench-vault';
import { BENCH_TODAY, benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/** Items per status the home screen asks for first (renderer/features/home, HOME_DUE_PAGE). */
const HOME_DUE_PAGE = 25;

/**
 * A fresh unlock, so the first call finds no page and no fact in memory, as after the user unlocks.
 * The full integrity check runs in a worker after unlock (issue 15 item 1); it is let finish first,
 * so these figures measure the due list and not the two sharing two cores.
 */
async function reopen(session: VaultSession): Promise<void> {
  session.lock();
  await session.unlock(BENCH_PASSPHRASE);
  await (session as { settledHealth?: () => Promise<unknown> }).settledHealth?.();
}

/**
 * The due list over a 10 000-case NO vault made by the demo generator (meetings with actions,
 * follow-up plans with distribution logs, release dates, concerns, closed cases), read from the
 * stored due facts (migration 0011):
 * - home_10k_due_list_ipc_ms: the calls the home screen makes before its first due items show
 *   (due.list with the first 25 per status, validated as the router does, and cases.list for the
 *   count), first after an unlock. The browser figure, home_10k_due_list_ms, is bench/case-list.ts.
 * - due_list_first_ms: the whole-vault list, first after an unlock;
 * - due_list_warm_ms (and due_list_ms, the same): median of 5 repeated whole-vault lists.
 */
export async function benchDueList(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? 10_000;
  const vault = await benchVault({ profile: 'NO', cases, label: 'due list' });
  const deps = { session: vault.session, now: () => new Date(`${BENCH_TODAY}T10:00:00.000Z`) };
  try {
    await reopen(vault.session);
    const home = await timeMs(() => {
      const due = DueListSchema.parse(dueHandlers(deps)['due.list']({ limitPerStatus: HOME_DUE_PAGE }));
      const count = caseHandlers(deps)['cases.list']({ limit: 1 });
      return { due, count };
    });
    await reopen(vault.session);
    const db = () => vault.session.current().db;
    const first = await timeMs(() => computeDueList(db(), { profile: 'NO', today: BENCH_TODAY }));
    const times: number[] = [];
    // CPU time of this process too: on a shared machine it varies far less than the wall clock.
    const cpu: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const before = process.cpuUsage();
      const { ms } = await timeMs(() => computeDueList(db(), { profile: 'NO', today: BENCH_TODAY }));
      const used = process.cpuUsage(before);
      times.push(ms);
      cpu.push((used.user + used.system) / 1000);
    }
    return {
      home_10k_due_list_ipc_ms: round(home.ms),
      home_due_items: home.value.due.items.length,
      due_list_first_ms: round(first.ms),
      due_list_warm_ms: round(median(times)),
      due_list_ms: round(median(times)),
      due_list_cpu_ms: round(median(cpu)),
      due_list_cases: cases,
      due_list_items: first.value.length,
      due_list_fill_s: vault.fillSeconds,
    };
  } finally {
    vault.dispose();
  }
}
