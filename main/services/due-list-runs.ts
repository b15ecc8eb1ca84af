import type { IsoDate } from '../../shared/domain';
import type { DueListEntry } from './due-list';
import type { Run } from './due-list-kept-codec';
import { CitationIndex, pack } from './due-list-packing';

/**
 * The lists of consecutive days as runs: each distinct entry once per run of days on which it is
 * listed exactly so, in first-seen order. Built a day at a time, so keeping (due-list-keep.ts) spreads
 * the packing over its steps.
 */
export class DueRuns {
  readonly runs: Run[] = [];
  readonly days: IsoDate[] = [];
  private open = new Map<string, Run>();

  /**
   * `citations`: the provisions already kept, when these runs go beside kept ones; `continuing`: kept
   * runs that end the day before the first day added, to go on where that day lists them exactly so.
   */
  constructor(
    readonly citations: CitationIndex = new CitationIndex(),
    continuing: readonly Run[] = [],
  ) {
    for (const run of continuing) this.open.set(JSON.stringify(run.entry), run);
  }

  /** The list of the day after the last one added (or of the first day). */
  add(day: IsoDate, list: readonly DueListEntry[]): void {
    const next = new Map<string, Run>();
    for (const item of list) {
      const entry = pack(item, this.citations);
      const key = JSON.stringify(entry);
      // The same entry twice on one day is two runs, so each day keeps its count.
      const run = next.has(key) ? undefined : this.open.get(key);
      if (run) run.lastDay = day;
      const kept = run ?? { entry, firstDay: day, lastDay: day };
      if (!run) this.runs.push(kept);
      next.set(key, kept);
    }
    this.open = next;
    this.days.push(day);
  }
}
