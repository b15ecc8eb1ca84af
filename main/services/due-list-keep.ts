import type { IsoDate, Profile } from '../../shared/domain';
import type { Db } from '../db/connection';
import { changeMark } from '../db/repositories/due-facts-repo';
import { computeDueList, type DueListEntry } from './due-list';
import { storedFactsSource } from './due-facts-stored';
import { CitationIndex } from './due-list-packing';
import { DueRuns } from './due-list-runs';
import {
  daysToKeep,
  keepPlan,
  keptListCovers,
  keptListHolds,
  keptToExtend,
  runsExtending,
  storeDueRuns,
  storeExtendedRuns,
} from './due-list-store';
import { context, type ServiceDeps } from './service-context';

/**
 * Issue 15: keeps the whole-vault due list in the vault (due-list-store.ts), for today and the next
 * days, once the open vault's full integrity check has passed, so a later unlock on one of those days
 * reads it instead of working it out again. Not before the pass: nothing is written on its own to a
 * file not yet known to be sound. Each pass first compares the list the kept one gives for today with
 * the list worked out from the facts, and drops a kept list that differs (an edited file). On a later
 * day with nothing changed, only the days after the kept ones are worked out (usually one), and the
 * kept runs go on.
 *
 * On the main thread like every query, one day's list per step, each step scheduled after the last
 * (setImmediate), so a call from the window waits for one step at most. Nothing is kept if the vault
 * was written to between the first step and the last: the lists would mix two states. Then keeping
 * starts again a minute later (a few times, while the same vault is open), or at the next pass.
 * Returns the function that stops listening.
 */
export function keepDueListWhenChecked(
  deps: ServiceDeps,
  schedule: (run: () => void) => void = (run) => void setImmediate(run),
  later: (run: () => void) => void = (run) => void setTimeout(run, RETRY_MS).unref(),
): () => void {
  return deps.session.onChange((event) => {
    if (event.type !== 'checked' || event.health.state !== 'passed') return;
    const checked = event.vault.db;
    const attempt = (left: number) => {
      schedule(() => keepInSteps(deps, checked, schedule, () => left > 0 && later(() => attempt(left - 1))));
    };
    attempt(RETRIES);
  });
}

/** Keeping abandoned because the vault was written to: started again this much later, this many times. */
const RETRY_MS = 60_000;
const RETRIES = 5;

function keepInSteps(deps: ServiceDeps, checked: Db, schedule: (run: () => void) => void, retry: () => void): void {
  const start = openVault(deps, checked);
  if (!start) return;
  const options = { profile: start.profile, today: start.today };
  if (!keptListCovers(checked, options)) return keepFrom(deps, checked, options, changeMark(checked), schedule, retry);
  // A kept list covers today: first, in a step of its own, the list it gives against the list worked
  // out from the facts (keptListHolds drops one that differs, and the list is then kept whole afresh).
  // A write between this step and the last of keeping still abandons keeping, as between any two.
  let mark = changeMark(checked);
  schedule(() => {
    if (!openVault(deps, checked)) return;
    try {
      const fresh = (caseId?: string) =>
        computeDueList(checked, { ...options, source: storedFactsSource, ...(caseId === undefined ? {} : { caseId }) });
      // A kept list that differs was edited: shown and logged (an alarm entry). Its own writes (the drop
      // and the entry) are no reason to stop.
      if (!keptListHolds(checked, options, fresh)) {
        deps.session.recordKeptListRepair();
        mark = changeMark(checked);
      }
    } catch {
      // A page that cannot be read or a write refused: the list is checked again at the next pass.
      return;
    }
    schedule(() => keepFrom(deps, checked, options, mark, schedule, retry));
  });
}

function keepFrom(
  deps: ServiceDeps,
  checked: Db,
  options: { profile: Profile; today: IsoDate },
  mark: string,
  schedule: (run: () => void) => void,
  retry: () => void,
): void {
  const plan = keepPlan(checked, options);
  if (!plan) return;
  // Locked since the first step: its next unlock keeps it. Written to: started again later.
  const unchanged = () => {
    if (!openVault(deps, checked)) return false;
    if (changeMark(checked) === mark) return true;
    retry();
    return false;
  };
  const inSteps = (days: readonly IsoDate[], cases: string[] | null, runs: DueRuns, write: () => void) => {
    const step = () => {
      if (!unchanged()) return;
      try {
        // One day's list per step, packed as it comes; then a step of its own to write them.
        const day = days[runs.days.length];
        if (day === undefined) return write();
        runs.add(day, listFor(checked, options.profile, day, options.today, cases));
        schedule(step);
      } catch {
        // A page that cannot be read or a write refused: the list is worked out at the next unlock.
      }
    };
    return step;
  };
  const whole = () => {
    const runs = new DueRuns();
    return inSteps(daysToKeep(options.today), null, runs, () => storeDueRuns(checked, options, runs));
  };
  if (plan.mode === 'whole') return whole()();
  if (plan.mode === 'cases') {
    const runs = new DueRuns(new CitationIndex(plan.citations));
    return inSteps(plan.days, plan.cases, runs, () => storeDueRuns(checked, options, runs, plan.cases))();
  }
  // Extending: the kept runs are read in this step (it worked nothing else out); those that reach the
  // last kept day go on where the next day lists them exactly so. Not read back: kept whole again.
  try {
    const kept = keptToExtend(checked, options);
    if (!kept) return whole()();
    const runs = runsExtending(kept, plan.citations);
    schedule(inSteps(plan.days, null, runs, () => storeExtendedRuns(checked, options, kept, runs)));
  } catch {
    // A page that cannot be read: the list is worked out at the next unlock.
  }
}

/** The open vault's profile and day, when `db` is still the open vault. */
function openVault(deps: ServiceDeps, db: Db): { profile: Profile; today: IsoDate } | null {
  try {
    const ctx = context(deps);
    return ctx.db === db ? ctx : null;
  } catch {
    return null;
  }
}

/** The list for `day`: of the whole vault (today's as the app reads it), or of these cases only. */
function listFor(db: Db, profile: Profile, day: IsoDate, today: IsoDate, cases: string[] | null): DueListEntry[] {
  const fresh = { profile, today: day, source: storedFactsSource };
  if (cases) return cases.flatMap((caseId) => computeDueList(db, { ...fresh, caseId }));
  // Today's list is usually in memory already (the home screen asked for it); either way it equals
  // the list worked out afresh.
  return day === today ? computeDueList(db, { profile, today }) : computeDueList(db, fresh);
}
