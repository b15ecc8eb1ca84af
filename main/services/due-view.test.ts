import { describe, expect, it } from 'vitest';
import { CITATIONS } from '../../shared/rules';
import type { DueListEntry } from './due-list';
import {
  allRows,
  countRows,
  filterRows,
  kindsOf,
  pageByCase,
  pageByStatus,
  rowAt,
  toRows,
  type DueRows,
} from './due-view';

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
const unitOf = (caseId: string) => units.get(caseId);
/** The rows as the view sends them, each with its case's unit. */
const shown = (rows: DueRows, chosen = allRows(rows)) =>
  chosen.map((at) => rowAt(rows, at, units.get(rows.entries[at]!.caseId) ?? ''));

describe('the home screen due view', () => {
  it('makes the copies of one plan to KDI and to region due the same day one row naming both', () => {
    const rows = toRows([entry({}), entry({ kind: 'no_plan_copy_region' })]);
    expect(shown(rows)).toHaveLength(1);
    expect(shown(rows)[0]).toMatchObject({ recipients: ['kdi', 'region'], filterKind: 'no_plan_copy', unit: 'Nord' });
    // A row sent is a copy: changing it leaves the kept rows as they were.
    shown(rows)[0]!.recipients!.pop();
    expect(shown(rows)[0]!.recipients).toEqual(['kdi', 'region']);
    expect(countRows(rows, allRows(rows))).toEqual({ counts: { overdue: 1, due: 0, upcoming: 0 }, caseCount: 1 });
  });

  it('keeps copies apart when they are due on different days or belong to different plans', () => {
    const rows = toRows([
      entry({}),
      entry({ kind: 'no_plan_copy_region', dueDate: '2026-03-02' }),
      entry({ kind: 'no_plan_copy_region', documentId: 'd2' }),
      entry({ kind: 'no_plan_copy_region', period: 2 }),
      entry({ period: 3 }),
    ]);
    expect(shown(rows).map((row) => row.recipients)).toEqual([['kdi'], ['region'], ['region'], ['region'], ['kdi']]);
    // Listed region first, named in the same order.
    expect(shown(toRows([entry({ kind: 'no_plan_copy_region' }), entry({})]))[0]!.recipients).toEqual([
      'kdi',
      'region',
    ]);
  });

  it('filters by unit and kind, and pages by status or by case', () => {
    const rows = toRows([
      entry({ kind: 'no_meeting_action', actionId: 'a1' }),
      entry({ caseId: 'c2', kind: 'no_meeting_action', actionId: 'a2' }),
      entry({ kind: 'no_next_meeting', status: 'upcoming', dueDate: '2026-03-09' }),
    ]);
    const all = allRows(rows);
    const caseIds = (chosen: number[]) => shown(rows, chosen).map((row) => row.caseId);
    expect(caseIds(filterRows(rows, all, { unit: 'Sør' }, { unitOf }))).toEqual(['c2']);
    // A unit stored in another letter case or spacing is the same unit; another name is not.
    const spelt = new Map([
      ['c1', 'Sør '],
      ['c2', 'SØR'],
    ]);
    const spellingOf = (caseId: string) => spelt.get(caseId);
    expect(caseIds(filterRows(rows, all, { unit: 'sør' }, { unitOf: spellingOf }))).toEqual(['c1', 'c2', 'c1']);
    expect(filterRows(rows, all, { unit: 'Sørvest' }, { unitOf: spellingOf })).toEqual([]);
    expect(filterRows(rows, all, { kind: 'no_next_meeting' }, { unitOf })).toEqual([2]);
    expect(filterRows(rows, all, { kind: 'no_plan_copy' }, { unitOf })).toEqual([]);
    const ownedElsewhere = (e: DueListEntry) => e.actionId === 'a2';
    expect(caseIds(filterRows(rows, all, { mine: true }, { unitOf, ownedElsewhere }))).toEqual(['c1', 'c1']);
    expect(filterRows(rows, all, {}, { unitOf, ownedElsewhere })).toEqual(all);
    // Without a way to tell, "mine" leaves nothing out.
    expect(filterRows(rows, all, { mine: true }, { unitOf })).toEqual(all);
    expect(shown(rows, pageByStatus(rows, all, 1)).map((row) => row.status)).toEqual(['overdue', 'upcoming']);
    expect(pageByStatus(rows, all, 2)).toEqual([0, 1, 2]);
    // By case: c1's rows together although c2's row came between them in the list.
    expect(caseIds(pageByCase(rows, all, 2))).toEqual(['c1', 'c1', 'c2']);
    expect(caseIds(pageByCase(rows, all, 1))).toEqual(['c1', 'c1']);
    expect(countRows(rows, [0, 1])).toEqual({ counts: { overdue: 2, due: 0, upcoming: 0 }, caseCount: 2 });
    expect(kindsOf(rows)).toEqual(['no_meeting_action', 'no_next_meeting']);
    expect(kindsOf(toRows([entry({ kind: 'no_next_meeting' }), entry({ kind: 'no_meeting_action' })]))).toEqual([
      'no_meeting_action',
      'no_next_meeting',
    ]);
  });

  it('pages by status until every status has its rows, whatever order the statuses come in', () => {
    const byStatus = (...statuses: DueListEntry['status'][]) =>
      toRows(statuses.map((status, i) => entry({ kind: 'no_meeting_action', actionId: `a${i}`, status })));
    const rows = byStatus('overdue', 'upcoming', 'due', 'due');
    expect(pageByStatus(rows, allRows(rows), 1)).toEqual([0, 1, 2]);
    const upcomingFirst = byStatus('upcoming', 'overdue');
    expect(pageByStatus(upcomingFirst, allRows(upcomingFirst), 1)).toEqual([0, 1]);
  });
});
