import { describe, expect, it } from 'vitest';
import { dueEntry } from '../../test/support/due-entries';
import type { DueListEntry } from './due-list';
import { compareDue, mergeInOrder, sortDueEntries } from './due-list-order';

describe('the due list order', () => {
  it('puts overdue before due before upcoming, whatever the dates', () => {
    const upcoming = dueEntry({ status: 'upcoming', dueDate: '2026-01-01' });
    const due = dueEntry({ status: 'due', dueDate: '2026-02-01' });
    const overdue = dueEntry({ status: 'overdue', dueDate: '2026-03-01' });
    expect(sortDueEntries([upcoming, due, overdue])).toEqual([overdue, due, upcoming]);
  });

  it('orders by date, then case reference (a shorter one first), kind, period, action and document', () => {
    const ordered = [
      dueEntry({ dueDate: '2026-03-09' }),
      dueEntry({ caseReference: 'KOMPIS-1' }),
      dueEntry({ caseReference: 'KOMPIS-1', kind: 'no_plan_copy_kdi' as DueListEntry['kind'] }),
      dueEntry({ caseReference: 'KOMPIS-10' }),
      dueEntry({ caseReference: 'KOMPIS-2', period: 2 }),
      dueEntry({ caseReference: 'KOMPIS-2', period: 10 }),
      dueEntry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'a' }),
      dueEntry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'a', documentId: 'd' }),
      dueEntry({ caseReference: 'KOMPIS-2', period: 10, actionId: 'b' }),
      dueEntry({ caseReference: 'kompis-0' }),
    ];
    expect(sortDueEntries([...ordered].reverse())).toEqual(ordered);
    for (let i = 1; i < ordered.length; i += 1) {
      expect(compareDue(ordered[i - 1]!, ordered[i]!)).toBeLessThan(0);
      expect(compareDue(ordered[i]!, ordered[i - 1]!)).toBeGreaterThan(0);
    }
  });

  it("keeps equal entries in the order given, and merges two ordered lists with the first one's first", () => {
    const first = dueEntry({ caseId: 'one' });
    const second = dueEntry({ caseId: 'two' });
    expect(compareDue(first, second)).toBe(0);
    expect(sortDueEntries([first, second])).toEqual([first, second]);
    const early = dueEntry({ dueDate: '2026-03-01' });
    const late = dueEntry({ dueDate: '2026-03-20' });
    expect(mergeInOrder([early, first], [second, late])).toEqual([early, first, second, late]);
    expect(mergeInOrder([second, late], [])).toEqual([second, late]);
  });
});
