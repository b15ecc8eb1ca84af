import type { IsoDate } from '../../shared/domain';
import type { DueListEntry } from './due-list';
import type { Run } from './due-list-kept-codec';
import { compareDue } from './due-list-order';
import { CitationIndex, pack, type Packed } from './due-list-packing';

/** An entry of a day's list with its packed form and the text that says when two are the same. */
interface Keyed {
  item: DueListEntry;
  entry: Packed;
  key: string;
}

/** A day's list given in parts (due-list-keep.ts gives one per span of cases), then ended. */
export interface DayInParts {
  /** Entries of the day's list, in the list's order; parts may interleave in that order. */
  part(list: readonly DueListEntry[]): void;
  /**
   * Merges the parts in the list's order and adds the day: at once for a short list, else in the
   * calls it returns, to be made in order, each adding `perCall` entries; the last adds the day.
   */
  end(): (() => void)[];
}

/**
 * The lists of consecutive days as runs: each distinct entry once per run of days on which it is
 * listed exactly so, in first-seen order. Built a day at a time, and a day in parts, so keeping
 * (due-list-keep.ts) spreads the packing over its steps.
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
    const parts = this.inParts(day);
    parts.part(list);
    for (const more of parts.end()) more();
  }

  /** The list of the day after the last one added, packed a part at a time; ended `perCall` entries a call. */
  inParts(day: IsoDate, perCall = Number.POSITIVE_INFINITY): DayInParts {
    const keyed: Keyed[] = [];
    return {
      part: (list) => {
        for (const item of list) {
          const entry = pack(item, this.citations);
          keyed.push({ item, entry, key: JSON.stringify(entry) });
        }
      },
      end: () => {
        // Each part in order: the stable sort merges them as one list worked out whole is ordered.
        keyed.sort((a, b) => compareDue(a.item, b.item));
        const next = new Map<string, Run>();
        const calls = Math.ceil(keyed.length / perCall);
        const call = (i: number) => () => {
          this.addKeyed(day, keyed.slice(i * perCall, (i + 1) * perCall), next);
          if (i === calls - 1) this.endDay(day, next);
        };
        if (calls <= 1) {
          this.addKeyed(day, keyed, next);
          this.endDay(day, next);
          return [];
        }
        return Array.from({ length: calls }, (_, i) => call(i));
      },
    };
  }

  /** `list`'s entries, in order, into the runs of `day`; `next` holds the runs the day lists so far. */
  private addKeyed(day: IsoDate, list: readonly Keyed[], next: Map<string, Run>): void {
    for (const { entry, key } of list) {
      // The same entry twice on one day is two runs, so each day keeps its count.
      const run = next.has(key) ? undefined : this.open.get(key);
      if (run) run.lastDay = day;
      const kept = run ?? { entry, firstDay: day, lastDay: day };
      if (!run) this.runs.push(kept);
      next.set(key, kept);
    }
  }

  private endDay(day: IsoDate, next: Map<string, Run>): void {
    this.open = next;
    this.days.push(day);
  }
}
