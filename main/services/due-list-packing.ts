import type { DueListEntry } from './due-list';

/**
 * How a kept due-list entry is written and read back (due-list-store.ts): an array in a fixed order,
 * with the provision by its index in the list's citations (kept once, in due_list_store_state) and
 * absent details as null. due-list-kept-codec.ts writes the arrays of the whole list as one value and
 * reads the entries back, every field checked.
 */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export type Packed = [
  caseId: string,
  kind: string,
  dueDate: string,
  status: string,
  citation: number,
  messageKey: string,
  params: Record<string, unknown>,
  period: number | null,
  caseReference: string,
  documentId: string | null,
  documentKind: string | null,
  actionId: string | null,
];

/** Each provision once, by its text; entries name it by index. Starts from the citations already kept. */
export class CitationIndex {
  private readonly index = new Map<string, number>();
  readonly citations: unknown[] = [];

  constructor(kept: readonly unknown[] = []) {
    for (const citation of kept) this.indexOf(citation);
  }

  indexOf(citation: unknown): number {
    const json = JSON.stringify(citation);
    let at = this.index.get(json);
    if (at === undefined) {
      at = this.citations.push(citation) - 1;
      this.index.set(json, at);
    }
    return at;
  }
}

export function pack(item: DueListEntry, citations: CitationIndex): Packed {
  const packed: Packed = [
    item.caseId,
    item.kind,
    item.dueDate,
    item.status,
    citations.indexOf(item.citation),
    item.messageKey,
    item.params,
    item.period ?? null,
    item.caseReference,
    item.documentId ?? null,
    item.documentKind ?? null,
    item.actionId ?? null,
  ];
  return packed;
}

/** The kept citations, or null when they do not read as a JSON array of objects. */
export function citationsOf(json: string): Record<string, unknown>[] | null {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every(isObject) ? value : null;
  } catch {
    return null;
  }
}
