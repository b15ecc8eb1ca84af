import { describe, expect, it } from 'vitest';
import { dueEntry } from '../../test/support/due-entries';
import type { DueListEntry } from './due-list';
import { sortDueEntries } from './due-list-order';
import { DueRuns } from './due-list-runs';

/** Two cases' entries on three days: some listed alike on several days, one twice on a day, one that changes. */
const a1 = dueEntry({ dueDate: '2026-03-09', status: 'overdue' });
const a2 = dueEntry({ kind: 'no_plan_copy_kdi' as DueListEntry['kind'] });
const b1 = dueEntry({ caseId: 'case-b', caseReference: 'KOMPIS-2', dueDate: '2026-03-11', status: 'upcoming' });
const b1Due = { ...b1, status: 'due' } as DueListEntry;
const days: [string, DueListEntry[], DueListEntry[]][] = [
  ['2026-03-09', [a1, a2], [b1]],
  ['2026-03-10', [a1, a2, a2], [b1]],
  ['2026-03-11', [a1], [b1Due]],
];

describe('the kept runs of a few days', () => {
  it('are the same whether a day is added whole or in parts per case, ended a few entries per call', () => {
    const whole = new DueRuns();
    for (const [day, a, b] of days) whole.add(day, sortDueEntries([...a, ...b]));
    for (const perCall of [1, 2, 100]) {
      const inParts = new DueRuns();
      for (const [day, a, b] of days) {
        const parts = inParts.inParts(day, perCall);
        parts.part(b);
        parts.part(a);
        const calls = parts.end();
        // Not added before its last call: a day ended halfway is not a day.
        if (calls.length > 0) expect(inParts.days).not.toContain(day);
        // One call's worth is added at once, at the end.
        const needed = Math.ceil((a.length + b.length) / perCall);
        expect(calls.length).toBe(needed > 1 ? needed : 0);
        for (const call of calls) call();
        expect(inParts.days.at(-1)).toBe(day);
      }
      expect(inParts.runs).toEqual(whole.runs);
      expect(inParts.days).toEqual(days.map(([day]) => day));
    }
    // a1 on all three days is one run; a2 twice on one day is two runs; b1 changes status on the last day.
    expect(whole.runs.map((run) => [run.entry[1], run.entry[3], run.firstDay, run.lastDay])).toEqual([
      ['no_arrival_meeting', 'overdue', '2026-03-09', '2026-03-11'],
      ['no_plan_copy_kdi', 'due', '2026-03-09', '2026-03-10'],
      ['no_arrival_meeting', 'upcoming', '2026-03-09', '2026-03-10'],
      ['no_plan_copy_kdi', 'due', '2026-03-10', '2026-03-10'],
      ['no_arrival_meeting', 'due', '2026-03-11', '2026-03-11'],
    ]);
  });
});
