import { unitKey } from '../../shared/domain/unit-name';
import type { DueStatus } from '../../shared/rules';
import type { DueListEntry } from './due-list';

/**
 * The home screen's view of the due list, as pure steps over the sorted list (computeDueList): one row
 * for the two plan copies due together, the filters, and a page grouped by status or by case.
 *
 * Rows are the list's own entries, named by their place in DueRows (issue 15): a vault's 30 000 rows
 * are made into objects only for the page sent, so working out the view right after unlock costs a
 * pass over the list, not a copy of it. Steps that choose rows take and give row numbers.
 */

export type PlanRecipient = 'region' | 'kdi';

export interface DueRow extends DueListEntry {
  unit: string;
  filterKind: string;
  recipients?: PlanRecipient[];
}

export interface DueRows {
  /** One entry per row, in the list's order; a row of plan copies holds the first copy's entry. */
  readonly entries: readonly DueListEntry[];
  /** The recipients of each row of plan copies, by row number (one or both). */
  readonly recipients: ReadonlyMap<number, readonly PlanRecipient[]>;
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
 * The list's rows: the copies of one plan version due on the same day (region and KDI, NO pkt 11)
 * become the first one's row, naming both recipients.
 */
export function toRows(list: readonly DueListEntry[]): DueRows {
  const entries: DueListEntry[] = [];
  const recipients = new Map<number, PlanRecipient[]>();
  const copies = new Map<string, PlanRecipient[]>();
  for (const entry of list) {
    const recipient = COPY_RECIPIENT[entry.kind];
    if (recipient) {
      // Stryker disable next-line StringLiteral: any text that is not a period's number keys an absent period the same
      const key = `${entry.documentId ?? entry.caseId}|${entry.dueDate}|${entry.period ?? ''}`;
      const earlier = copies.get(key);
      if (earlier) {
        earlier.push(recipient);
        earlier.sort();
        continue;
      }
      const named = [recipient];
      copies.set(key, named);
      recipients.set(entries.length, named);
    }
    entries.push(entry);
  }
  return { entries, recipients };
}

/** Every row's number, in the list's order. */
export const allRows = (rows: DueRows): number[] => Array.from(rows.entries, (_, at) => at);

/**
 * Row `at` as the view sends it, with its case's unit. Every field named (absent details undefined,
 * as in the entry).
 */
export function rowAt(rows: DueRows, at: number, unit: string): DueRow {
  const entry = rows.entries[at]!;
  const recipients = rows.recipients.get(at);
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
    recipients: recipients ? [...recipients] : undefined,
  };
}

export interface DueFilter {
  unit?: string;
  kind?: string;
  /** With `mine`: whether a row is an action owned by another agency (left out). */
  mine?: boolean;
}

export interface RowFacts {
  /** The unit of a live case (asked only when filtering by unit). */
  unitOf(caseId: string): string | undefined;
  /** With `mine`: whether this entry is an action owned by another agency. */
  ownedElsewhere?(entry: DueListEntry): boolean;
}

/** The numbers of the rows among `from` that the filter keeps. */
export function filterRows(rows: DueRows, from: readonly number[], filter: DueFilter, facts: RowFacts): number[] {
  // A unit stored in more than one spelling is one unit (shared/domain/unit-name.ts): names compared by
  // their key, worked out once per name (a vault has few).
  const wanted = filter.unit === undefined ? undefined : unitKey(filter.unit);
  const keys = new Map<string, string>();
  const keyOf = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = unitKey(name)));
    return key;
  };
  const inUnit = (caseId: string) => {
    const name = facts.unitOf(caseId);
    return name !== undefined && keyOf(name) === wanted;
  };
  return from.filter((at) => {
    const entry = rows.entries[at]!;
    return (
      (wanted === undefined || inUnit(entry.caseId)) &&
      (filter.kind === undefined || filterKindOf(entry.kind) === filter.kind) &&
      !(filter.mine && facts.ownedElsewhere?.(entry))
    );
  });
}

export function countRows(
  rows: DueRows,
  chosen: readonly number[],
): { counts: Record<DueStatus, number>; caseCount: number } {
  const counts: Record<DueStatus, number> = { overdue: 0, due: 0, upcoming: 0 };
  const cases = new Set<string>();
  for (const at of chosen) {
    const entry = rows.entries[at]!;
    counts[entry.status] += 1;
    cases.add(entry.caseId);
  }
  return { counts, caseCount: cases.size };
}

/** At most `limit` rows of each status, in the list's order. */
export function pageByStatus(rows: DueRows, chosen: readonly number[], limit: number): number[] {
  const taken: Record<DueStatus, number> = { overdue: 0, due: 0, upcoming: 0 };
  const page: number[] = [];
  for (const at of chosen) {
    if ((taken[rows.entries[at]!.status] += 1) <= limit) page.push(at);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: stopping early is a speed choice; walking on takes nothing more
    if (taken.overdue >= limit && taken.due >= limit && taken.upcoming >= limit) break;
  }
  return page;
}

/**
 * The rows of the first `limit` cases, case by case: a case comes where its most urgent row comes in
 * the list (overdue first, earliest first), and keeps its rows in the list's order.
 */
export function pageByCase(rows: DueRows, chosen: readonly number[], limit: number): number[] {
  const byCase = new Map<string, number[]>();
  for (const at of chosen) {
    const caseId = rows.entries[at]!.caseId;
    const list = byCase.get(caseId);
    if (list) list.push(at);
    else if (byCase.size < limit) byCase.set(caseId, [at]);
  }
  return [...byCase.values()].flat();
}

/** The kinds on the unfiltered list, for the filter's choices, in a stable order. */
export function kindsOf(rows: DueRows): string[] {
  return [...new Set(rows.entries.map((entry) => filterKindOf(entry.kind)))].sort();
}
