import { DueListSchema } from '../shared/ipc/due';
import { computeDueList } from '../main/services/due-list';
import { keepDueListWhenChecked } from '../main/services/due-list-keep';
import { DAYS_AHEAD, lastDueListOrigin } from '../main/services/due-list-store';
import { storedFactsSource } from '../main/services/due-facts-stored';
import { storedList } from '../main/db/repositories/due-list-store-repo';
import { decodeRuns } from '../main/services/due-list-kept-codec';
import { withStatementTime } from './statement-time';
import type { ServiceDeps } from '../main/services/service-context';
import { addDays } from '../shared/domain';
import { updateCase, getCase } from '../main/db/repositories/cases-repo';
import { caseHandlers } from '../main/services/case-service';
import { dueHandlers } from '../main/services/due-service';
import { dueViewHandlers } from '../main/services/due-view-service';
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
  await session.settledHealth();
  await new Promise((resolve) => setImmediate(resolve));
}

/** `measure` right after each of three fresh unlocks: the median time (a figure less at the mercy of GC). */
async function afterUnlocks<T>(session: VaultSession, measure: () => T): Promise<{ ms: number; value: T }> {
  const runs: { ms: number; value: T }[] = [];
  for (let run = 0; run < 3; run += 1) {
    await reopen(session);
    runs.push(await timeMs(measure));
  }
  const ms = median(runs.map((r) => r.ms));
  return { ms, value: runs[0]!.value };
}

/**
 * Keeping as the app does it once an unlock's integrity check has passed (due-list-keep.ts): after a
 * fresh unlock, each step run and timed in turn (the window waits for one at most).
 */
async function keepingSteps(session: VaultSession, deps: ServiceDeps): Promise<number[]> {
  const steps: (() => void)[] = [];
  const stopKeeping = keepDueListWhenChecked(deps, (run) => steps.push(run));
  await reopen(session);
  const stepMs: number[] = [];
  for (let step = steps.shift(); step; step = steps.shift()) stepMs.push((await timeMs(step)).ms);
  stopKeeping();
  return stepMs;
}

/** The calls the home screen makes before its first due items show, validated as the router does. */
function homeCalls(deps: ServiceDeps) {
  const due = DueListSchema.parse(dueHandlers(deps)['due.list']({ limitPerStatus: HOME_DUE_PAGE }));
  const count = caseHandlers(deps)['cases.list']({ limit: 1 });
  return { due, count };
}

/**
 * The home screen's "mine" (what the prison service owns) first after each of three unlocks, once the
 * screen's own due view is there: the median time of that one call.
 */
async function mineFirst(session: VaultSession, deps: ServiceDeps): Promise<number> {
  const view = dueViewHandlers(deps)['due.view'];
  const runs: number[] = [];
  for (let run = 0; run < 3; run += 1) {
    await reopen(session);
    view({ limit: HOME_DUE_PAGE, groupBy: 'status' });
    runs.push((await timeMs(() => view({ limit: HOME_DUE_PAGE, groupBy: 'status', mine: true }))).ms);
  }
  return median(runs);
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
 * - due_list_fresh_warm_ms: median of 3 whole-vault lists worked out afresh (not the one just made)
 *   once the code is warm: the part of due_list_first_ms that is the work itself;
 *   due_list_fresh_reads_ms, the time of it spent in SQLite's statements (the facts read out of the vault).
 * These first figures are those of an unlock with no list kept in the vault (a first unlock, or none
 * in the last DAYS_AHEAD days). Then the list is kept (as the app does once the integrity check
 * passes, due-list-keep.ts: today and the next days, in short steps, a span of cases or a range of
 * entries each, due_list_keep_step_max_ms the longest) and measured again on the next unlocks: *_kept_ms read it the same day, *_later_day_ms on
 * the last kept day (a Friday's list on the Monday), due_list_first_after_write_ms after one case was
 * written to (that case is worked out afresh and merged in). due_list_first_kept_ms and
 * due_list_first_later_day_ms are medians of three unlocks each. due_list_keep_next_day_step_ms: keeping
 * on the next day, when only the day after the kept ones is worked out (and written), after the check
 * below. due_list_keep_check_step_ms: the longest of the steps each pass starts with when a list is kept
 * for today, the list it gives compared with the list worked out from the facts (a same-day unlock,
 * nothing changed). due_list_keep_changed_step_ms: the longest step keeping the case written to into
 * the kept list (check included); due_list_first_after_100_writes_ms and due_list_keep_100_changed_step_ms:
 * the same after 100 cases were written to (worked out afresh as a set when the list is read, up to MAX_CHANGED_CASES).
 * due_view_mine_first_ms: the home screen's "mine", first after an unlock (see mineFirst).
 */
export async function benchDueList(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? 10_000;
  const vault = await benchVault({ profile: 'NO', cases, label: 'due list' });
  const deps = { session: vault.session, now: () => new Date(`${BENCH_TODAY}T10:00:00.000Z`) };
  try {
    await reopen(vault.session);
    const home = await timeMs(() => homeCalls(deps));
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
    // The list worked out afresh again with the code warm: what a first list costs without the JIT's
    // first runs (due_list_first_ms has them), so the reason that goal is missed is measured apart.
    // Its reads timed apart: the part no work on the rules can take away while the facts are read as stored.
    const freshWarm: number[] = [];
    const freshReads: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      const fresh = () => computeDueList(db(), { profile: 'NO', today: BENCH_TODAY, source: storedFactsSource });
      const { ms, value } = await timeMs(() => withStatementTime(db(), fresh));
      freshWarm.push(ms);
      freshReads.push(value.statementMs);
    }
    // As the app: the list is kept once the integrity check of an unlock has passed, for today and the
    // next days, in short steps; each step is timed (the window waits for one at most).
    const stepMs = await keepingSteps(vault.session, deps);
    // The next unlock the same day, nothing changed: only the kept list checked against the facts.
    const checkMs = await keepingSteps(vault.session, deps);
    const keptList = storedList(db());
    const kept = {
      runs: keptList ? (decodeRuns(keptList.entries)?.length ?? 0) : 0,
      bytes: keptList?.entries.length ?? 0,
    };
    await reopen(vault.session);
    const homeKept = await timeMs(() => homeCalls(deps));
    const homeOrigin = lastDueListOrigin(db());
    const firstKept = await afterUnlocks(vault.session, () =>
      computeDueList(db(), { profile: 'NO', today: BENCH_TODAY }),
    );
    const keptOrigin = lastDueListOrigin(db());
    const mineMs = await mineFirst(vault.session, deps);
    // The first unlock of a later day (a Friday's list read on the Monday): the home screen's calls.
    const later = addDays(BENCH_TODAY, DAYS_AHEAD);
    await reopen(vault.session);
    const homeLater = await timeMs(() => homeCalls({ ...deps, now: () => new Date(`${later}T10:00:00.000Z`) }));
    const homeLaterOrigin = lastDueListOrigin(db());
    const firstLater = await afterUnlocks(vault.session, () => computeDueList(db(), { profile: 'NO', today: later }));
    const laterOrigin = lastDueListOrigin(db());
    const fresh = computeDueList(db(), { profile: 'NO', today: later, source: storedFactsSource });
    const written = first.value.find((item) => getCase(db(), item.caseId));
    const kase = written ? getCase(db(), written.caseId) : null;
    if (kase) updateCase(db(), kase.id, { ...kase, at: `${BENCH_TODAY}T11:00:00.000Z`, searchText: kase.reference });
    await reopen(vault.session);
    const afterWrite = await timeMs(() => computeDueList(db(), { profile: 'NO', today: BENCH_TODAY }));
    const afterWriteOrigin = lastDueListOrigin(db());
    // The written case kept afresh into the kept list (the longest step timed), then 100 cases written
    // (a day's work, an import): the first list after, and keeping them.
    const changedMs = await keepingSteps(vault.session, deps);
    const hundred = [...new Set(first.value.map((item) => item.caseId))].slice(0, 100);
    for (const id of hundred) {
      const one = getCase(db(), id);
      if (one) updateCase(db(), id, { ...one, at: `${BENCH_TODAY}T12:00:00.000Z`, searchText: one.reference });
    }
    await reopen(vault.session);
    const afterHundred = await timeMs(() => computeDueList(db(), { profile: 'NO', today: BENCH_TODAY }));
    const afterHundredOrigin = lastDueListOrigin(db());
    const hundredMs = await keepingSteps(vault.session, deps);
    // The next day: only the day after the kept ones.
    const nextDay = addDays(BENCH_TODAY, 1);
    const nextDayMs = await keepingSteps(vault.session, { ...deps, now: () => new Date(`${nextDay}T10:00:00.000Z`) });
    const newDay = addDays(nextDay, DAYS_AHEAD);
    const newDayList = computeDueList(db(), { profile: 'NO', today: newDay });
    const newDayOrigin = lastDueListOrigin(db());
    if (
      JSON.stringify(newDayList) !==
      JSON.stringify(computeDueList(db(), { profile: 'NO', today: newDay, source: storedFactsSource }))
    )
      throw new Error('the kept list of the day added differs from the list worked out for it');
    const origins = [
      homeOrigin,
      keptOrigin,
      homeLaterOrigin,
      laterOrigin,
      afterWriteOrigin,
      afterHundredOrigin,
      newDayOrigin,
    ];
    if (origins.some((origin) => origin !== 'store')) throw new Error(`the kept due list was not read (${origins})`);
    const lengths = [afterWrite, firstKept, afterHundred].map((list) => list.value.length);
    if (lengths.some((length) => length !== first.value.length))
      throw new Error('the kept due list differs in length from the list worked out');
    if (JSON.stringify(firstLater.value) !== JSON.stringify(fresh))
      throw new Error('the kept list of a later day differs from the list worked out for it');
    return {
      home_10k_due_list_ipc_ms: round(home.ms),
      home_10k_due_list_ipc_kept_ms: round(homeKept.ms),
      due_list_first_kept_ms: round(firstKept.ms),
      due_list_first_after_write_ms: round(afterWrite.ms),
      due_list_first_later_day_ms: round(firstLater.ms),
      due_view_mine_first_ms: round(mineMs),
      home_10k_due_list_ipc_later_day_ms: round(homeLater.ms),
      due_list_keep_step_max_ms: round(Math.max(...stepMs)),
      due_list_keep_step_ms: stepMs.map((ms) => round(ms)),
      due_list_keep_steps: stepMs.length,
      due_list_keep_check_step_ms: round(Math.max(...checkMs)),
      due_list_keep_next_day_step_ms: nextDayMs.map((ms) => round(ms)),
      due_list_keep_changed_step_ms: round(Math.max(...changedMs)),
      due_list_first_after_100_writes_ms: round(afterHundred.ms),
      due_list_keep_100_changed_step_ms: round(Math.max(...hundredMs)),
      due_list_kept_runs: kept.runs,
      due_list_kept_bytes_per_case: round(kept.bytes / cases),
      home_due_items: home.value.due.items.length,
      due_list_first_ms: round(first.ms),
      due_list_fresh_warm_ms: round(median(freshWarm)),
      due_list_fresh_reads_ms: round(median(freshReads)),
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
