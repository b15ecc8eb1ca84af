import type { Db } from '../db/connection';
import { isWritable } from '../db/connection';
import {
  changedCaseIds,
  dueListStoreExists,
  replaceStoredDueList,
  storedDueRows,
  storedListMadeFor,
} from '../db/repositories/due-list-store-repo';
import type { DueListEntry, DueListOptions } from './due-list';
import { mergeInOrder, sortKeyed, sortKeyOf, type Keyed } from './due-list-order';

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
const optionalText = (value: unknown) => value === undefined || typeof value === 'string';

/** A stored entry read back with every field in place, or null when it does not read as one. */
function entryOf(json: string, caseId: string): DueListEntry | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  const { kind, dueDate, status, citation, messageKey, params, period, documentId, documentKind, actionId } = value;
  const shaped =
    text(kind) &&
    text(dueDate) &&
    text(status) &&
    STATUSES.has(status) &&
    isObject(citation) &&
    text(messageKey) &&
    isObject(params) &&
    (period === undefined || typeof period === 'number') &&
    value.caseId === caseId &&
    text(value.caseReference) &&
    optionalText(documentId) &&
    optionalText(documentKind) &&
    optionalText(actionId);
  if (!shaped) return null;
  return {
    kind,
    dueDate,
    status,
    citation,
    messageKey,
    params,
    period,
    caseId,
    caseReference: value.caseReference,
    documentId,
    documentKind,
    actionId,
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
  const stored = key === readMadeFor(db) ? readStored(db, workOut) : null;
  origins.set(db, stored ? 'store' : 'worked-out');
  return stored ?? workOut();
}

function readMadeFor(db: Db): string | null {
  return dueListStoreExists(db) ? storedListMadeFor(db) : null;
}

function readStored(db: Db, workOut: (caseId?: string) => DueListEntry[]): DueListEntry[] | null {
  const changed = changedCaseIds(db);
  if (changed.length > MAX_CHANGED_CASES) return null;
  const kept: Keyed[] = [];
  for (const row of storedDueRows(db)) {
    const item = entryOf(row.entry, row.caseId);
    if (!item) {
      unreadable.add(db);
      return null;
    }
    kept.push({ key: row.sortKey, item });
  }
  const fresh = sortKeyed(changed.flatMap((caseId) => workOut(caseId).map((item) => ({ key: sortKeyOf(item), item }))));
  return mergeInOrder(kept, fresh);
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
  replaceStoredDueList(
    db,
    key,
    list.map((item) => ({ caseId: item.caseId, sortKey: sortKeyOf(item), entry: JSON.stringify(item) })),
  );
  return true;
}
