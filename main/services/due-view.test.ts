import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../../shared/rules';
import type { DueListEntry } from './due-list';
import { filterRows, pageByCase, pageByStatus, toRows } from './due-view';

const entry = (over: Partial<DueListEntry>): DueListEntry => ({
  kind: 'no_plan_copy_kdi',
  dueDate: '2026-03-01',
  status: 'overdue',
  citation: CITATIONS.no11,
  messageKey: 'rules.no.plan.distribution',
  params: {},
  caseId: 'c1',
  caseReference: 'KOMPIS-1',
  documentId: 'd1',
  ...over,
});
const units = new Map([
  ['c1', 'Nord'],
  ['c2', 'Sør'],
]);

describe('the home screen due view', () => {
  it('makes the copies of one plan to KDI and to region due the same day one row naming both', () => {
    const rows = toRows([entry({}), entry({ kind: 'no_plan_copy_region' })], units);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipients: ['kdi', 'region'], filterKind: 'no_plan_copy', unit: 'Nord' });
  });

  it('keeps copies apart when they are due on different days or belong to different plans', () => {
    const rows = toRows(
      [
        entry({}),
        entry({ kind: 'no_plan_copy_region', dueDate: '2026-03-02' }),
        entry({ kind: 'no_plan_copy_region', documentId: 'd2' }),
      ],
      units,
    );
    expect(rows.map((row) => row.recipients)).toEqual([['kdi'], ['region'], ['region']]);
  });

  it('filters by unit and kind, and pages by status or by case', () => {
    const rows = toRows(
      [
        entry({ kind: 'no_meeting_action', actionId: 'a1' }),
        entry({ caseId: 'c2', kind: 'no_meeting_action', actionId: 'a2' }),
        entry({ kind: 'no_next_meeting', status: 'upcoming', dueDate: '2026-03-09' }),
      ],
      units,
    );
    expect(filterRows(rows, { unit: 'Sør' }).map((row) => row.caseId)).toEqual(['c2']);
    expect(filterRows(rows, { kind: 'no_next_meeting' })).toHaveLength(1);
    expect(pageByStatus(rows, 1).map((row) => row.status)).toEqual(['overdue', 'upcoming']);
    // By case: c1's rows together although c2's row came between them in the list.
    expect(pageByCase(rows, 2).map((row) => row.caseId)).toEqual(['c1', 'c1', 'c2']);
    expect(pageByCase(rows, 1).map((row) => row.caseId)).toEqual(['c1', 'c1']);
  });
});
