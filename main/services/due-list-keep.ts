import type { IsoDate, Profile } from '../../shared/domain';
import type { Db } from '../db/connection';
import type { CaseSpan } from '../db/repositories/case-filter';
import { caseSpans, changeMark } from '../db/repositories/due-facts-repo';
import { computeDueList, knownDueList, type DueListEntry } from './due-list';
import { sortDueEntries } from './due-list-order';
import { storedFactsSource } from './due-facts-stored';
import { CitationIndex } from './due-list-packing';
import { RunsEncoder, type Run } from './due-list-kept-codec';
import { DueRuns } from './due-list-runs';
import {
  daysToKeep,
  extendedRuns,
  keepPlan,
  keptListHolds,
  keptListToCheck,
  sameEntries,
  keptToExtend,
  keptToRenew,
  renewedRuns,
  runsExtending,
  storeDueRuns,
  storeExtendedRuns,
  storeRenewedRuns,
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
 * On the main thread like every query, in steps, each scheduled after the last (setImmediate), so a
 * call from the window waits for one step at most: a day's list of the whole vault is worked out a
 * span of `casesPerStep` cases per step (a whole day in one step held the window for 0.7-1 s with 10 000
 * cases). Nothing is kept if the vault was written to between the first step and the last: the lists
 * would mix two states. Then keeping starts again a minute later (a few times, while the same vault is
 * open), or at the next pass. Returns the function that stops listening.
 */
export function keepDueListWhenChecked(
  deps: ServiceDeps,
  schedule: (run: () => void) => void = (run) => void setImmediate(run),
  later: (run: () => void) => void = (run) => void setTimeout(run, RETRY_MS).unref(),
  steps: { casesPerStep?: number; entriesPerStep?: number } = {},
): () => void {
  const { casesPerStep = CASES_PER_STEP, entriesPerStep = ENTRIES_PER_STEP } = steps;
  return deps.session.onChange((event) => {
    if (event.type !== 'checked' || event.health.state !== 'passed') return;
    const checked = event.vault.db;
    const attempt = (left: number) => {
      schedule(() =>
        keepInSteps(
          { deps, db: checked, schedule, casesPerStep, entriesPerStep },
          () => left > 0 && later(() => attempt(left - 1)),
        ),
      );
    };
    attempt(RETRIES);
  });
}

/** Keeping abandoned because the vault was written to: started again this much later, this many times. */
const RETRY_MS = 60_000;
const RETRIES = 5;
/** Cases per step of a whole-vault day list: about 40-60 ms of work on the 10 000-case bench vault. */
const CASES_PER_STEP = 1_000;
/**
 * Entries of a list per step where a long list is merged, compared or encoded: 20-40 ms of work each
 * on the bench machine (29 000 entries at once took 80-200 ms).
 */
const ENTRIES_PER_STEP = 8_000;

interface Keeping {
  deps: ServiceDeps;
  db: Db;
  schedule: (run: () => void) => void;
  casesPerStep: number;
  entriesPerStep: number;
}

/** A step's work; the tasks it returns run in the steps right after it. */
type Task = () => Task[] | void;
/** Where a whole-vault day list goes, a part per step; its end may leave tasks of its own. */
interface ListInParts {
  part(list: readonly DueListEntry[]): void;
  end(): Task[] | void;
}
/** The parts of the vault a whole-vault day list is worked out in, one per step: undefined, all at once. */
type Spans = readonly (CaseSpan | undefined)[];

function keepInSteps(keeping: Keeping, retry: () => void): void {
  const { deps, db: checked, schedule } = keeping;
  const start = openVault(deps, checked);
  if (!start) return;
  const options = { profile: start.profile, today: start.today };
  const mark = changeMark(checked);
  const read = readToCheck(checked, options);
  if (read === 'unreadable') return;
  if (read === undefined) return keepFrom(keeping, options, mark, retry);
  const spans = spansOf(checked, keeping.casesPerStep);
  // A kept list covers today, read as the app reads it in this step: in the next, a span per step, the
  // list worked out from the facts to compare it with (keptListHolds drops one that differs, and the
  // list is then kept whole afresh). Written to between these steps, the list worked out would mix two
  // states: started again later, as between any two steps of keeping.
  const settle = (same: boolean) => {
    let after = mark;
    // A kept list that differs was edited: shown and logged (an alarm entry). Its own writes (the drop
    // and the entry) are no reason to stop.
    if (!keptListHolds(checked, read, () => same)) {
      deps.session.recordKeptListRepair();
      after = changeMark(checked);
    }
    schedule(() => keepFrom(keeping, options, after, retry));
  };
  // Compared a range of entries per step when long.
  const compare = (fresh: readonly DueListEntry[]): Task[] | void => {
    if (read === null || read.length !== fresh.length) return settle(false);
    const size = keeping.entriesPerStep;
    if (fresh.length <= size) return settle(sameEntries(read, fresh));
    let same = true;
    const ranges = Array.from({ length: Math.ceil(fresh.length / size) }, (_, i) => {
      const from = i * size;
      return () => void (same &&= sameEntries(read, fresh, from, from + size));
    });
    return [...ranges, () => settle(same)];
  };
  const tasks = wholeListTasks(keeping, options.profile, options.today, spans, gathered(compare));
  schedule(inSteps(tasks, () => unchangedSince(keeping, mark, retry), schedule));
}

/** The kept list read for today to be checked (keptListToCheck); 'unreadable' when a page cannot be read. */
function readToCheck(
  db: Db,
  options: { profile: Profile; today: IsoDate },
): DueListEntry[] | null | undefined | 'unreadable' {
  try {
    return keptListToCheck(db, options, (cases) =>
      computeDueList(db, { ...options, source: storedFactsSource, part: { cases } }),
    );
  } catch {
    // The list is checked again at the next pass.
    return 'unreadable';
  }
}

function keepFrom(
  keeping: Keeping,
  options: { profile: Profile; today: IsoDate },
  mark: string,
  retry: () => void,
): void {
  const { db: checked, schedule } = keeping;
  const plan = keepPlan(checked, options);
  if (!plan) return;
  // Read only when there is something to keep: every case id of the vault.
  const spans = spansOf(checked, keeping.casesPerStep);
  const unchanged = () => unchangedSince(keeping, mark, retry);
  // Each day's list packed as it comes; then a step of its own to write them.
  const daysTasks = (days: readonly IsoDate[], cases: string[] | null, runs: DueRuns, write: Task) => [
    ...days.flatMap((day) => dayTasks(keeping, options, day, cases, spans, runs)),
    write,
  ];
  const daysThen = (...args: Parameters<typeof daysTasks>) => inSteps(daysTasks(...args), unchanged, schedule);
  const whole = () => {
    const runs = new DueRuns();
    return daysThen(daysToKeep(options.today), null, runs, () =>
      encodedThen(
        () => runs.runs,
        keeping.entriesPerStep,
        (value) => storeDueRuns(checked, options, runs, undefined, value),
      ),
    );
  };
  if (plan.mode === 'whole') return whole()();
  if (plan.mode === 'cases') {
    const runs = new DueRuns(new CitationIndex(plan.citations));
    const { cases } = plan;
    // The kept runs read in a step of their own for a long list, then encoded with the changed cases'
    // a part per step (reading, merging and encoding 36 000 runs at once took 340-410 ms).
    return daysThen(plan.days, cases, runs, () => {
      const kept = keptToRenew(checked, options, cases);
      if (!kept) return;
      const write = () =>
        encodedThen(
          () => renewedRuns(kept, runs),
          keeping.entriesPerStep,
          (value) => void storeRenewedRuns(checked, options, runs, cases, kept, value),
        );
      return kept.others.length <= keeping.entriesPerStep ? write() : [write];
    })();
  }
  // Extending: the kept runs are read in this step (it worked nothing else out); those that reach the
  // last kept day go on where the next day lists them exactly so (in a step of their own for a long
  // list: reading and carrying on 36 000 runs at once took 150 ms). Not read back: kept whole again.
  try {
    const kept = keptToExtend(checked, options);
    if (!kept) return whole()();
    const extend = (): Task[] => {
      const runs = runsExtending(kept, plan.citations);
      return daysTasks(plan.days, null, runs, () =>
        encodedThen(
          () => extendedRuns(kept, runs),
          keeping.entriesPerStep,
          (value) => storeExtendedRuns(checked, options, kept, runs, value),
        ),
      );
    };
    schedule(inSteps(kept.runs.length <= keeping.entriesPerStep ? extend() : [extend], unchanged, schedule));
  } catch {
    // A page that cannot be read: the list is worked out at the next unlock.
  }
}

/**
 * `write` with the runs `all` gives, encoded: in this step for a short list, else a part per step and
 * the value finished and written in steps of their own.
 */
function encodedThen(
  all: () => readonly Run[],
  size: number,
  write: (value?: Uint8Array<ArrayBuffer>) => void,
): Task[] | void {
  const runs = all();
  if (runs.length <= size) return write();
  const encoder = new RunsEncoder();
  let value: Uint8Array<ArrayBuffer> | undefined;
  const parts = Array.from({ length: Math.ceil(runs.length / size) }, (_, i): Task => () => {
    encoder.add(runs.slice(i * size, (i + 1) * size));
  });
  return [...parts, () => void (value = encoder.finish()), () => write(value)];
}

/** Whether the vault is still open and unwritten since `mark`. Locked: its next unlock keeps the list. Written to: started again later. */
function unchangedSince(keeping: Keeping, mark: string, retry: () => void): boolean {
  if (!openVault(keeping.deps, keeping.db)) return false;
  if (changeMark(keeping.db) === mark) return true;
  retry();
  return false;
}

/**
 * Runs `tasks` one per step, each only while `go()` holds; the tasks one returns run next. A task that
 * throws ends them: a page that cannot be read or a write refused, and the list is worked out at the
 * next unlock.
 */
function inSteps(tasks: Task[], go: () => boolean, schedule: (run: () => void) => void): () => void {
  const step = () => {
    if (!go()) return;
    try {
      const next = tasks.shift()?.();
      if (next) tasks.unshift(...next);
    } catch {
      return;
    }
    if (tasks.length > 0) schedule(step);
  };
  return step;
}

/** The tasks that add `day`'s list to `runs`: of these changed cases only (one task), or of the whole vault. */
function dayTasks(
  keeping: Keeping,
  options: { profile: Profile; today: IsoDate },
  day: IsoDate,
  cases: string[] | null,
  spans: Spans,
  runs: DueRuns,
): Task[] {
  if (!cases)
    return wholeListTasks(
      keeping,
      options.profile,
      day,
      spans,
      runs.inParts(day, keeping.entriesPerStep),
      day === options.today,
    );
  const fresh = { profile: options.profile, today: day, source: storedFactsSource, part: { cases } };
  return [() => runs.add(day, computeDueList(keeping.db, fresh))];
}

/**
 * The tasks that work out the whole vault's list for `day` from the facts, a span of cases each, each
 * handing its part to `into`, then ending it: in the last span's step for a vault of one span, else in
 * a step of its own (merging and packing the parts of 10 000 cases took 70-110 ms). `known`: today's
 * list as the app reads it, when in memory already (the home screen asked for it), is taken as it is,
 * a part per task: it equals the list worked out afresh.
 */
function wholeListTasks(
  keeping: Keeping,
  profile: Profile,
  day: IsoDate,
  spans: Spans,
  into: ListInParts,
  known = false,
): Task[] {
  let inMemory: DueListEntry[] | undefined;
  const parts: Task[] = spans.map((span, i) => () => {
    if (i === 0 && known) inMemory = knownDueList(keeping.db, { profile, today: day });
    if (inMemory) {
      const size = Math.ceil(inMemory.length / spans.length);
      into.part(inMemory.slice(i * size, (i + 1) * size));
    } else {
      const only = span ? { part: span } : {};
      into.part(computeDueList(keeping.db, { profile, today: day, source: storedFactsSource, ...only }));
    }
  });
  if (parts.length > 1) return [...parts, () => into.end()];
  const [whole] = parts;
  return [
    () => {
      whole!();
      return into.end();
    },
  ];
}

/** A day's list gathered in parts, then handed whole, in the list's order, to `then`, which may leave tasks. */
function gathered(then: (list: readonly DueListEntry[]) => Task[] | void): ListInParts {
  const parts: (readonly DueListEntry[])[] = [];
  return {
    part: (list) => void parts.push(list),
    end: () => then(parts.length === 1 ? parts[0]! : sortDueEntries(parts.flat())),
  };
}

/** The vault's spans of cases for a day's list; one part (the whole vault at once) when it is small. */
function spansOf(db: Db, casesPerStep: number): Spans {
  const spans = caseSpans(db, casesPerStep);
  return spans.length > 1 ? spans : [undefined];
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
