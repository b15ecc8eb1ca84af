import { computeDueList } from '../main/services/due-list';
import { BENCH_TODAY, benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/**
 * The due list over a 10 000-case NO vault made by the demo generator (meetings with actions,
 * follow-up plans with distribution logs, release dates): median of 5 runs of the whole-vault list.
 */
export async function benchDueList(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? 10_000;
  const vault = await benchVault({ profile: 'NO', cases, label: 'due list' });
  try {
    const times: number[] = [];
    let items = 0;
    for (let i = 0; i < 5; i += 1) {
      const { ms, value } = await timeMs(() => computeDueList(vault.db, { profile: 'NO', today: BENCH_TODAY }));
      times.push(ms);
      items = value.length;
    }
    return { due_list_ms: round(median(times)), due_list_cases: cases, due_list_items: items, due_list_fill_s: vault.fillSeconds };
  } finally {
    vault.dispose();
  }
}
