import { describe, expect, it } from 'vitest';
import type { DueListEntry } from './due-list';
import { compareDue, mergeInOrder, sortDueEntries } from './due-list-order';

const base: DueListEntry = {
  kind: 'no_arrival_meeting',
  dueDate: '2026-03-10',
  status: 'due',
  citation: { source: 'NO', point: '12', text: 'NO pkt 12' },
  messageKey: 'due.no_arrival_meeting',
  params: {},
  caseId: 'case-a',
  caseReference: 'KOMPIS-1',
} as DueListEntry;

const entry = (fields: Partial<DueListEntry>): DueListEntry => ({ ...base, ...fields }) as DueListEntry;

describe('the due list order', () => {
  it('puts overdue before due before upcoming, whatever the dates', () => {
    const upcoming = entry({ status: 'upcoming', dueDate: '2026-01-01' });
    const due = entry({ status: 'due', dueDate: '2026-02-01' });
    const overdue = entry({ status: 'overdue', dueDate: '2026-03-01' });
    expect(sortDueEntries([upcoming, due, overdue])).toEqual([overdue, due, upcoming]);
  });

  it('orders by date, then case reference (a shorter one first), kind, period, action and document', () => {
    const ordered = [
      entry({ dueDate: '2026-03-09' }),
      entry({ caseReference: 'KOMPIS-1' }),
      entry({ caseReference: 'KOMPIS-1', kind: 'no_plan_copy_kdi' as DueListEntry['kind'] }),
      entry({ caseReference: 'KOMPIS-10' }),
      entry({ caseReference: 'KOMPIS-2', period: 2 }),
      entry({ caseReference: 'KOMPIS-2', period: 10 }),
      entry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'a' }),
      entry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'a', documentId: 'd' }),
      entry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'b' }),
      entry({ caseReference: 'kompis-0' }),
    ];
    expect(sortDueEntries([...ordered].reverse())).toEqual(ordered);
    for (let i = 1; i < ordered.length; i += 1) {
      expect(compareDue(ordered[i - 1]!, ordered[i]!)).toBeLessThan(0);
      expect(compareDue(ordered[i]!, ordered[i - 1]!)).toBeGreaterThan(0);
    }
  });

  it("keeps equal entries in the order given, and merges two ordered lists with the first one's first", () => {
    const first = entry({ caseId: 'one' });
    const second = entry({ caseId: 'two' });
    expect(compareDue(first, second)).toBe(0);
    expect(sortDueEntries([first, second])).toEqual([first, second]);
    const early = entry({ dueDate: '2026-03-01' });
    const late = entry({ dueDate: '2026-03-20' });
    expect(mergeInOrder([early, first], [second, late])).toEqual([early, first, second, late]);
    expect(mergeInOrder([second, late], [])).toEqual([second, late]);
  });
});
