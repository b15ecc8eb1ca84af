import type { Db } from '../db/connection';
import { isWritable } from '../db/connection';
import {
  changedCaseIds,
  dueListStoreExists,
  replaceStoredDueList,
  storedDueEntries,
  storedListMadeFor,
  storedListState,
} from '../db/repositories/due-list-store-repo';
import type { DueListEntry, DueListOptions } from './due-list';
import { mergeInOrder, sortKeyed, sortKeyOf } from './due-list-order';

/**
 * Issue 15: the whole-vault due list kept in the vault (migration 0018), so the first list after a
 * later unlock the same day is read, not worked out again from every due fact of every case.
 *
 * - It is read only when made for the same profile, day, time zone and settings; entries of cases
 *   written to since are gone (the triggers drop them in the write's own transaction), and those
 *   cases are worked out afresh and merged in. So the list read equals the list worked out.
 * - It is written only once the full integrity check has passed (due-list-keep.ts) and never to a
 *   vault whose writes are refused: nothing is written on its own to a file not known to be sound.
 * - A stored entry that does not read back as one makes the whole list worked out afresh.
 * - What it holds is what due_facts already holds (references, dates, document ids), in the same
 *   encrypted file; a purged case's entries go with the case.
 * - Someone who edits the file with the passphrase can hide an entry here, as in due_facts, but only
 *   until the day changes or the case is written to: the list is worked out afresh at least daily.
 */

/** Bumped when an entry's shape or the list's order changes: an older stored list is then not read. */
const STORE_FORMAT = 1;
/** More cases changed than this, and working the whole list out once costs less than case by case. */
const MAX_CHANGED_CASES = 400;
const DEFAULT_HORIZON_DAYS = 14;
const DEFAULT_RELEASE_LEAD_DAYS = 30;

export type DueListOrigin = 'store' | 'worked-out';
const origins = new WeakMap<Db, DueListOrigin>();
/** Connections whose stored list did not read back: it is written again even though made for today. */
const unreadable = new WeakSet<Db>();

/** Where the last whole-vault list of this connection came from (the bench and tests report it). */
export function lastDueListOrigin(db: Db): DueListOrigin | undefined {
  return origins.get(db);
}

/** What a whole-vault list with these options is stored under; null for any other list. */
export function storeKeyFor(options: DueListOptions): string | null {
  if (options.caseId !== undefined || options.source !== undefined) return null;
  if ((options.horizonDays ?? DEFAULT_HORIZON_DAYS) !== DEFAULT_HORIZON_DAYS) return null;
  if ((options.releaseMeetingLeadDays ?? DEFAULT_RELEASE_LEAD_DAYS) !== DEFAULT_RELEASE_LEAD_DAYS) return null;
  const zone = options.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return JSON.stringify([STORE_FORMAT, options.profile, options.today, zone]);
}

const STATUSES = new Set(['overdue', 'due', 'upcoming']);
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): value is string => typeof value === 'string';
const textOrNull = (value: unknown): value is string | null => value === null || typeof value === 'string';

/**
 * An entry as stored: a JSON array in this order, with the provision by its index in the list's
 * citations (kept once, in due_list_store_state) and absent details as null. A fraction of the
 * object's size, which is most of what reading the list costs.
 */
type Packed = [
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

function pack(item: DueListEntry, citation: number): string {
  const packed: Packed = [
    item.caseId,
    item.kind,
    item.dueDate,
    item.status,
    citation,
    item.messageKey,
    item.params,
    item.period ?? null,
    item.caseReference,
    item.documentId ?? null,
    item.documentKind ?? null,
    item.actionId ?? null,
  ];
  return JSON.stringify(packed);
}

/** A stored entry read back with every field in place, or null when it does not read as one. */
function unpack(json: string, citations: readonly Record<string, unknown>[]): DueListEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(value) || value.length !== 12) return null;
  const [
    caseId,
    kind,
    dueDate,
    status,
    index,
    messageKey,
    params,
    period,
    caseReference,
    documentId,
    documentKind,
    actionId,
  ] = value as unknown[];
  const citation = typeof index === 'number' ? citations[index] : undefined;
  const shaped =
    text(caseId) &&
    text(kind) &&
    text(dueDate) &&
    text(status) &&
    STATUSES.has(status) &&
    citation !== undefined &&
    text(messageKey) &&
    isObject(params) &&
    (period === null || typeof period === 'number') &&
    text(caseReference) &&
    textOrNull(documentId) &&
    textOrNull(documentKind) &&
    textOrNull(actionId);
  if (!shaped) return null;
  return {
    kind,
    dueDate,
    status,
    citation,
    messageKey,
    params,
    period: period ?? undefined,
    caseId,
    caseReference,
    documentId: documentId ?? undefined,
    documentKind: documentKind ?? undefined,
    actionId: actionId ?? undefined,
  } as DueListEntry;
}

/**
 * The whole-vault list from the store where it is current for `options` (with the changed cases
 * worked out by `workOut(caseId)` and merged in), else `workOut()` over the whole vault.
 */
export function dueListFromStore(
  db: Db,
  options: DueListOptions,
  workOut: (caseId?: string) => DueListEntry[],
): DueListEntry[] {
  const key = storeKeyFor(options);
  if (key === null) return workOut();
  const state = dueListStoreExists(db) ? storedListState(db) : null;
  const stored = state?.madeFor === key ? readStored(db, state.citations, workOut) : null;
  origins.set(db, stored ? 'store' : 'worked-out');
  return stored ?? workOut();
}

function readStored(
  db: Db,
  citationsJson: string,
  workOut: (caseId?: string) => DueListEntry[],
): DueListEntry[] | null {
  const changed = changedCaseIds(db);
  if (changed.length > MAX_CHANGED_CASES) return null;
  const citations = citationsOf(citationsJson);
  if (!citations) return unreadableStore(db);
  const kept: DueListEntry[] = [];
  for (const json of storedDueEntries(db)) {
    const item = unpack(json, citations);
    if (!item) return unreadableStore(db);
    kept.push(item);
  }
  if (changed.length === 0) return kept;
  const keyed = (items: DueListEntry[]) => items.map((item) => ({ key: sortKeyOf(item), item }));
  return mergeInOrder(keyed(kept), sortKeyed(keyed(changed.flatMap((caseId) => workOut(caseId)))));
}

function unreadableStore(db: Db): null {
  unreadable.add(db);
  return null;
}

function citationsOf(json: string): Record<string, unknown>[] | null {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every(isObject) ? value : null;
  } catch {
    return null;
  }
}

/**
 * Stores `list` (the whole-vault list for `options`, current as of now) unless the stored one is
 * already current, the options are not a whole-vault list's, or the vault refuses writes. True when
 * it wrote.
 */
export function storeDueList(db: Db, options: DueListOptions, list: readonly DueListEntry[]): boolean {
  const key = storeKeyFor(options);
  if (key === null || !isWritable(db) || !dueListStoreExists(db)) return false;
  if (!unreadable.has(db) && storedListMadeFor(db) === key && changedCaseIds(db).length === 0) return false;
  unreadable.delete(db);
  // Each provision once, by its text; the entries name it by index.
  const index = new Map<string, number>();
  const citations: unknown[] = [];
  const rows = list.map((item) => {
    const json = JSON.stringify(item.citation);
    let at = index.get(json);
    if (at === undefined) {
      at = citations.push(item.citation) - 1;
      index.set(json, at);
    }
    return { caseId: item.caseId, entry: pack(item, at) };
  });
  replaceStoredDueList(db, { madeFor: key, citations: JSON.stringify(citations), rows });
  return true;
}
