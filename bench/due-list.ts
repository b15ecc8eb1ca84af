import { computeDueList } from '../main/services/due-list';
import { BENCH_TODAY, benchVault } from './demo-vault';
import { median, round, timeMs } from './stats';

/**
 * The due list over a 10 000-case NO vault made by the demo generator (meetings with actions,
 * follow-up plans with distribution logs, release dates): median of 5 runs of the whole-vault list.
 * The first run also reads every meeting's facts; later runs reuse them (versions never change), so
 * the first run is reported on its own as well.
 */
export async function benchDueList(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? 10_000;
  const vault = await benchVault({ profile: 'NO', cases, label: 'due list' });
  try {
    const times: number[] = [];
    // CPU time of this process too: on a shared machine it varies far less than the wall clock.
    const cpu: number[] = [];
    let items = 0;
    for (let i = 0; i < 5; i += 1) {
      const before = process.cpuUsage();
      const { ms, value } = await timeMs(() => computeDueList(vault.db, { profile: 'NO', today: BENCH_TODAY }));
      const used = process.cpuUsage(before);
      times.push(ms);
      cpu.push((used.user + used.system) / 1000);
      items = value.length;
    }
    return {
      due_list_ms: round(median(times)),
      due_list_first_ms: round(times[0] ?? 0),
      due_list_cpu_ms: round(median(cpu)),
      due_list_cases: cases,
      due_list_items: items,
      due_list_fill_s: vault.fillSeconds,
    };
  } finally {
    vault.dispose();
  }
}
