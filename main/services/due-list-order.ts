import { byCodeUnit } from '../../shared/domain/nordic-order';
import type { DueListEntry } from './due-list';

/**
 * The due list's order: overdue first, then due today, then upcoming; by date, then case reference,
 * kind, period and action within each. Compared field by field in plain code-point order (a shorter
 * reference sorts first): dates and references sort correctly so, and far faster than collation. No
 * key is built per entry: the first list after unlock sorts 26 000 of them, and a kept list read back
 * is almost always in order already, which the sort then confirms in one pass (due-list-store.ts).
 */

const STATUS_RANK = { overdue: 0, due: 1, upcoming: 2 } as const;

export function compareDue(a: DueListEntry, b: DueListEntry): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    byCodeUnit(a.dueDate, b.dueDate) ||
    byCodeUnit(a.caseReference, b.caseReference) ||
    byCodeUnit(a.kind, b.kind) ||
    (a.period ?? 0) - (b.period ?? 0) ||
    byCodeUnit(a.actionId ?? '', b.actionId ?? '') ||
    byCodeUnit(a.documentId ?? '', b.documentId ?? '')
  );
}

/** In the list's order, in place (the sort is stable: equal entries keep their order). */
export function sortDueEntries<T extends DueListEntry[]>(items: T): T {
  return items.sort(compareDue);
}

/** Two lists each already in order, as one list in order (equal entries: the first list's first). */
export function mergeInOrder(a: readonly DueListEntry[], b: readonly DueListEntry[]): DueListEntry[] {
  // Stryker disable next-line ConditionalExpression: the loop below gives the same copy; this is the common case made short
  if (b.length === 0) return [...a];
  const out: DueListEntry[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compareDue(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
