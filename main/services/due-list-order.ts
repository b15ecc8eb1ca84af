import type { DueListEntry } from './due-list';

/**
 * The due list's order: overdue first, then due today, then upcoming; by date, then case reference,
 * kind, period and action within each. One key per entry in plain code-point order (NUL-separated, so
 * a shorter reference sorts first): dates and references sort correctly so, and far faster than
 * collation. The stored list (due-list-store.ts) keeps each entry's key, to merge in changed cases.
 */

const STATUS_RANK = { overdue: 0, due: 1, upcoming: 2 } as const;
const SEP = '\u0000';

export function sortKeyOf(item: DueListEntry): string {
  // One template, not an array joined: the first list after unlock makes 26 000 of these.
  const period = String(item.period ?? 0).padStart(5, '0');
  return `${STATUS_RANK[item.status]}${SEP}${item.dueDate}${SEP}${item.caseReference}${SEP}${item.kind}${SEP}${period}${SEP}${item.actionId ?? ''}${SEP}${item.documentId ?? ''}`;
}

export type Keyed = { key: string; item: DueListEntry };

const byKey = (a: Keyed, b: Keyed) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function sortKeyed(keyed: Keyed[]): Keyed[] {
  return keyed.sort(byKey);
}

export function sortDueEntries(items: readonly DueListEntry[]): DueListEntry[] {
  return sortKeyed(items.map((item) => ({ key: sortKeyOf(item), item }))).map(({ item }) => item);
}

/** Two lists each already in order, as one list in order (equal keys: the first list's entry first). */
export function mergeInOrder(a: readonly Keyed[], b: readonly Keyed[]): DueListEntry[] {
  const out: DueListEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byKey(a[i]!, b[j]!) <= 0 ? a[i++]!.item : b[j++]!.item);
  while (i < a.length) out.push(a[i++]!.item);
  while (j < b.length) out.push(b[j++]!.item);
  return out;
}
