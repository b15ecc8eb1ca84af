import type { DueStatus } from '../../shared/rules';
import type { DueListEntry } from './due-list';

/**
 * The home screen's view of the due list, as pure steps over the sorted list (computeDueList): one row
 * for the two plan copies due together, the filters, and a page grouped by status or by case.
 */

export type PlanRecipient = 'region' | 'kdi';

export interface DueRow extends DueListEntry {
  unit: string;
  filterKind: string;
  recipients?: PlanRecipient[];
}

const COPY_RECIPIENT: Partial<Record<DueListEntry['kind'], PlanRecipient>> = {
  no_plan_copy_region: 'region',
  no_plan_copy_kdi: 'kdi',
};

/** The kind filter's value for a row: the two plan copies are one kind of work. */
export function filterKindOf(kind: DueListEntry['kind']): string {
  return COPY_RECIPIENT[kind] ? 'no_plan_copy' : kind;
}

/**
 * One row, every field named (absent details undefined, as in the entry): spreading 20 000 entries
 * into new objects took longer than working out the due list itself.
 */
function rowOf(entry: DueListEntry, unit: string): DueRow {
  return {
    kind: entry.kind,
    dueDate: entry.dueDate,
    status: entry.status,
    citation: entry.citation,
    messageKey: entry.messageKey,
    params: entry.params,
    period: entry.period,
    caseId: entry.caseId,
    caseReference: entry.caseReference,
    documentId: entry.documentId,
    documentKind: entry.documentKind,
    actionId: entry.actionId,
    unit,
    filterKind: filterKindOf(entry.kind),
    recipients: undefined,
  };
}

/**
 * Rows in the list's order, each with its case's unit; the copies of one plan version due on the same
 * day (region and KDI, NO pkt 11) become the first one's row, naming both recipients.
 */
export function toRows(entries: readonly DueListEntry[], units: ReadonlyMap<string, string>): DueRow[] {
  const rows: DueRow[] = [];
  const copies = new Map<string, DueRow>();
  for (const entry of entries) {
    const recipient = COPY_RECIPIENT[entry.kind];
    const key = recipient ? `${entry.documentId ?? entry.caseId}|${entry.dueDate}|${entry.period ?? ''}` : '';
    const earlier = recipient ? copies.get(key) : undefined;
    if (earlier?.recipients && recipient) {
      earlier.recipients.push(recipient);
      earlier.recipients.sort();
      continue;
    }
    const row = rowOf(entry, units.get(entry.caseId) ?? '');
    if (recipient) {
      row.recipients = [recipient];
      copies.set(key, row);
    }
    rows.push(row);
  }
  return rows;
}

export interface DueFilter {
  unit?: string;
  kind?: string;
  /** With `mine`: whether a row is an action owned by another agency (left out). */
  mine?: boolean;
}

export function filterRows(
  rows: readonly DueRow[],
  filter: DueFilter,
  ownedElsewhere: (row: DueRow) => boolean = () => false,
): DueRow[] {
  return rows.filter(
    (row) =>
      (filter.unit === undefined || row.unit === filter.unit) &&
      (filter.kind === undefined || row.filterKind === filter.kind) &&
      !(filter.mine && ownedElsewhere(row)),
  );
}

export function countRows(rows: readonly DueRow[]): { counts: Record<DueStatus, number>; caseCount: number } {
  const counts: Record<DueStatus, number> = { overdue: 0, due: 0, upcoming: 0 };
  const cases = new Set<string>();
  for (const row of rows) {
    counts[row.status] += 1;
    cases.add(row.caseId);
  }
  return { counts, caseCount: cases.size };
}

/** At most `limit` rows of each status, in the list's order. */
export function pageByStatus(rows: readonly DueRow[], limit: number): DueRow[] {
  const taken: Record<DueStatus, number> = { overdue: 0, due: 0, upcoming: 0 };
  return rows.filter((row) => (taken[row.status] += 1) <= limit);
}

/**
 * The rows of the first `limit` cases, case by case: a case comes where its most urgent row comes in
 * the list (overdue first, earliest first), and keeps its rows in the list's order.
 */
export function pageByCase(rows: readonly DueRow[], limit: number): DueRow[] {
  const byCase = new Map<string, DueRow[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId);
    if (list) list.push(row);
    else if (byCase.size < limit) byCase.set(row.caseId, [row]);
  }
  return [...byCase.values()].flat();
}

/** The kinds on the unfiltered list, for the filter's choices, in a stable order. */
export function kindsOf(rows: readonly DueRow[]): string[] {
  return [...new Set(rows.map((row) => row.filterKind))].sort();
}
