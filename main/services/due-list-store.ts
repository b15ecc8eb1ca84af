import type { IsoDate } from '../../shared/domain';
import { addDays } from '../../shared/domain';
import type { Db } from '../db/connection';
import { isWritable } from '../db/connection';
import {
  changedCaseIds,
  dropStoredDueList,
  dueListStoreExists,
  replaceStoredDueList,
  storedList,
  storedListState,
  type StoredListState,
} from '../db/repositories/due-list-store-repo';
import type { DueListEntry, DueListOptions } from './due-list';
import { mergeInOrder, sortDueEntries } from './due-list-order';
import { CitationIndex, citationsOf } from './due-list-packing';
import { decodeRuns, encodeRuns, keptEntriesOn, type Run } from './due-list-kept-codec';
import { DueRuns } from './due-list-runs';

/**
 * Issue 15: the whole-vault due list kept in the vault (migrations 0018 and 0019) for today and the
 * next DAYS_AHEAD days, so the first list after a later unlock, the same day or one of those days, is
 * read, not worked out again from every due fact of every case.
 *
 * - Each entry is kept once for the run of days on which the worked-out lists hold it exactly so; the
 *   list read for a day is the entries whose run includes it, in the list's order. A day outside the
 *   kept days, another profile, time zone or settings: worked out afresh.
 * - Entries of cases written to since are gone (the triggers drop them in the write's own
 *   transaction); those cases are worked out afresh and merged in. So the list read equals the list
 *   worked out, on every kept day.
 * - Written only once the full integrity check has passed (due-list-keep.ts), never to a vault whose
 *   writes are refused: nothing is written on its own to a file not known to be sound.
 * - A kept entry that does not read back as one makes the whole list worked out afresh.
 * - What it holds is what due_facts already holds (references, dates, document ids), in the same
 *   encrypted file; a purged case's entries go with the case.
 * - Someone who edits the file with the passphrase can hide an entry here, but only until the check
 *   after the next unlock: once the integrity check has passed, the list read for today is compared
 *   with the list worked out from the facts, and one that differs is dropped and kept afresh
 *   (keptListHolds, due-list-keep.ts). The days after the kept ones are worked out afresh, and a kept
 *   run goes on only where a fresh list holds its entry exactly so.
 */

/**
 * Bumped when an entry's shape, the list's order or a rule changes: an older kept list is then not
 * read. 3: a draft visit routine no longer answers NO pkt 9. 4: a DK quarterly status is due before
 * the meeting of its own quarter (one held late included), as the meeting duty pairs them. 5: NO pkt 6
 * and 12 count from the day a concern arose, and a concern report answers once sent to all four. 6: plan
 * copies are due from the oldest unsent finalisation, and release minutes count by their finalised version.
 * 7: DK reports and meetings dated after today settle nothing yet. 8: a deleted mentor course still holds
 * its case's retention, as in the purge. 9: a case's retention counts from the day it was marked released.
 * 10: a deleted case comes up for retention too (retention_expired_deleted). 11: a handover package
 * counts for a transfer only when made for its receiving unit. 12: a NO course runs until its recorded
 * end date has passed, and a cooperation meeting dated after today is not yet held (NO pkt 13.4, 13.7).
 * 13: a case's mentor-course retention counts from the course's end, and a running DK course holds it;
 * a case transferred out, its package made, is closed on the planned day; a DK quarterly status is not
 * due for a meeting the course ends before; a handover package's day carries the local-practice marker;
 * a future plan is due for a case recorded as terror-related or vulnerable, and answered once offered.
 * 14: a concern that found Infoflyt registration needed asks for the request to KDI (NO pkt 7).
 */
const STORE_FORMAT = 14;
/** The zone days are read in: the one asked for, else the machine's as it is now (it may change). */
export function zoneOf(timeZone?: string): string {
  return timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Days kept after today: a list kept on a Monday is read on the next Monday, so someone who opens Bro
 * once a week still finds it (unlocked with no list kept, the first home screen of a fresh app took
 * 537-628 ms on the 10 000-case vault, and 80-83 ms with one). Three days until the list was checked
 * after each unlock (keptListHolds): a longer run was a longer time an edited list could hide an entry.
 */
export const DAYS_AHEAD = 7;
/**
 * More cases changed than this, and the list is worked out whole, not read. The changed cases are worked
 * out as one set, which costs less than the whole list until about half the vault (first list on the
 * 10 000-case vault, medians: 139 ms with 1 000 changed, 199 with 2 500, 300 with 5 000, against 487-646
 * whole). The limit bounds the keeper's check, which reads them in one step: 110 ms with 1 000 changed,
 * 195 with 2 500, 363 with 5 000, where the longest step of keeping the whole list took 116-242 ms.
 */
export const MAX_CHANGED_CASES = 2_000;
/** Keeping: more cases changed than this, and the whole list is kept again (each step stays short). */
const MAX_CASES_KEPT_INTO_LIST = 100;
const DEFAULT_HORIZON_DAYS = 14;
const DEFAULT_RELEASE_LEAD_DAYS = 30;

export type DueListOrigin = 'store' | 'worked-out';
const origins = new WeakMap<Db, DueListOrigin>();
/** Connections whose kept list did not read back: it is kept again even though it covers the days. */
const unreadable = new WeakSet<Db>();

/** Where the last whole-vault list of this connection came from (the bench and tests report it). */
export function lastDueListOrigin(db: Db): DueListOrigin | undefined {
  return origins.get(db);
}

/** What a whole-vault list with these options is kept under (any day); null for any other list. */
export function storeKeyFor(options: DueListOptions): string | null {
  if (options.caseId !== undefined || options.part !== undefined || options.source !== undefined) return null;
  if ((options.horizonDays ?? DEFAULT_HORIZON_DAYS) !== DEFAULT_HORIZON_DAYS) return null;
  if ((options.releaseMeetingLeadDays ?? DEFAULT_RELEASE_LEAD_DAYS) !== DEFAULT_RELEASE_LEAD_DAYS) return null;
  const zone = zoneOf(options.timeZone);
  return JSON.stringify([STORE_FORMAT, options.profile, zone]);
}

/** The days a list kept on `today` covers: today and the DAYS_AHEAD after it. */
export function daysToKeep(today: IsoDate): IsoDate[] {
  return Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => addDays(today, i));
}

const covers = (state: StoredListState, first: IsoDate, last: IsoDate) =>
  state.firstDay <= first && last <= state.lastDay;

/**
 * The whole-vault list from the store where it covers `options` (with the changed cases worked out by
 * `workOut(cases)`, all at once and in the list's order, and merged in), else `workOut()` over the whole vault.
 */
export function dueListFromStore(
  db: Db,
  options: DueListOptions,
  workOut: (cases?: readonly string[]) => DueListEntry[],
): DueListEntry[] {
  const key = storeKeyFor(options);
  if (key === null) return workOut();
  const list = dueListStoreExists(db) ? storedList(db) : null;
  const current = list?.madeFor === key && covers(list, options.today, options.today);
  const stored = current ? readStored(db, list.citations, list.entries, options.today, workOut) : null;
  origins.set(db, stored ? 'store' : 'worked-out');
  return stored ?? workOut();
}

function readStored(
  db: Db,
  citationsJson: string,
  entries: Uint8Array,
  day: IsoDate,
  workOut: (cases: readonly string[]) => DueListEntry[],
): DueListEntry[] | null {
  const changed = changedCaseIds(db);
  if (changed.length > MAX_CHANGED_CASES) return null;
  const kept = keptOn(day, citationsJson, entries, new Set(changed));
  if (!kept) {
    unreadable.add(db);
    return null;
  }
  // Kept in the order the days listed them (due-list-runs.ts): almost always the list's order, which
  // the stable sort confirms in one pass; it orders what is not (a status that changed on a later day).
  // The changed cases worked out as one set, in the list's order: one read per kind, not one per case
  // (the first list with 400 cases changed took 166-278 ms so on the 10 000-case vault, 71-106 ms as a set).
  return mergeInOrder(sortDueEntries(kept), changed.length === 0 ? [] : workOut(changed));
}

/** The kept entries listed on `day`, but those of the `changed` cases; null if any does not read back. */
function keptOn(day: IsoDate, citationsJson: string, entries: Uint8Array, changed: ReadonlySet<string>) {
  const citations = citationsOf(citationsJson);
  return citations ? keptEntriesOn(entries, day, citations, changed) : null;
}

/** Whether a kept list covers `options.today` for these options on a vault that takes writes. */
export function keptListCovers(db: Db, options: DueListOptions): boolean {
  const key = storeKeyFor(options);
  if (key === null || !isWritable(db) || !dueListStoreExists(db)) return false;
  const state = storedListState(db);
  return state?.madeFor === key && covers(state, options.today, options.today);
}

/**
 * The kept list read for `options.today` as the app reads it (the changed cases worked out by `workOut`),
 * for keptListHolds: undefined when no kept list covers today for these options or the vault refuses
 * writes, or so many cases changed since that the app works the list out whole (nothing to compare),
 * null when it does not read back.
 */
export function keptListToCheck(
  db: Db,
  options: DueListOptions,
  workOut: (cases: readonly string[]) => DueListEntry[],
): DueListEntry[] | null | undefined {
  if (!keptListCovers(db, options)) return undefined;
  // So many changed that the list is worked out whole, not read: nothing kept to compare (and no alarm).
  if (changedCaseIds(db).length > MAX_CHANGED_CASES) return undefined;
  const list = storedList(db)!;
  return readStored(db, list.citations, list.entries, options.today, workOut);
}

/**
 * Whether the kept list, read for `options.today` as the app reads it (`read`, by keptListToCheck),
 * equals the list worked out from the due facts, as `same` says (sameEntries). The keeper asks once per
 * passed integrity check, before anything else (due-list-keep.ts). A kept list that does not (a value
 * rewritten by someone who edits the file, or a rule changed without STORE_FORMAT) is dropped, in one
 * write, so no list is read from it again and the keeper keeps the list whole afresh: such a list is
 * shown at most until the check after an unlock, not for the rest of the kept days. Nothing to compare
 * (true) when `read` is undefined.
 */
export function keptListHolds(
  db: Db,
  read: DueListEntry[] | null | undefined,
  same: (read: DueListEntry[]) => boolean,
): boolean {
  if (read === undefined) return true;
  if (read !== null && same(read)) return true;
  dropStoredDueList(db);
  unreadable.delete(db);
  return false;
}

/**
 * Whether the entries from `from` up to `to` of two lists are the same, field for field: the whole
 * comparison is this over consecutive ranges and equal lengths, so the keeper can spread it over steps.
 */
export function sameEntries(a: readonly DueListEntry[], b: readonly DueListEntry[], from = 0, to = Infinity): boolean {
  return JSON.stringify(a.slice(from, to)) === JSON.stringify(b.slice(from, to));
}

/**
 * What keeping the list for `options` now would work out, and for which days: null when nothing (the
 * kept list covers the days with nothing changed since, or this list is not kept, or the vault refuses
 * writes); `extend`: the days after the kept ones, nothing changed since (the kept runs go on, built on
 * the kept citations); `cases`: the changed cases only, every day; `whole`: the whole list, every day.
 */
export type KeepPlan =
  | { mode: 'whole'; days: IsoDate[] }
  | { mode: 'cases'; days: IsoDate[]; cases: string[]; citations: Record<string, unknown>[] }
  | { mode: 'extend'; days: IsoDate[]; citations: Record<string, unknown>[] };

export function keepPlan(db: Db, options: DueListOptions): KeepPlan | null {
  const key = storeKeyFor(options);
  if (key === null || !isWritable(db) || !dueListStoreExists(db)) return null;
  const days = daysToKeep(options.today);
  const state = storedListState(db);
  const citations = state?.madeFor === key && !unreadable.has(db) ? citationsOf(state.citations) : null;
  if (!citations || !covers(state!, days[0]!, days[0]!)) return { mode: 'whole', days };
  const changed = changedCaseIds(db);
  const after = days.filter((day) => day > state!.lastDay);
  if (after.length > 0)
    return changed.length === 0 ? { mode: 'extend', days: after, citations } : { mode: 'whole', days };
  if (changed.length === 0) return null;
  if (changed.length > MAX_CASES_KEPT_INTO_LIST) return { mode: 'whole', days };
  return { mode: 'cases', days, cases: changed, citations };
}

/**
 * The kept list read back to be extended: its value, its runs from `today` on, and its last day; null
 * when it does not read back, or a run reaches past the kept days (then it is kept whole again).
 */
export interface KeptToExtend {
  value: Uint8Array;
  runs: Run[];
  lastDay: IsoDate;
}

export function keptToExtend(db: Db, options: DueListOptions): KeptToExtend | null {
  const list = storedList(db);
  const runs = list ? decodeRuns(list.entries) : null;
  if (!list || !runs) return null;
  // A run past the kept days was not written by keeping (an edited file): it is not carried on.
  if (runs.some((run) => run.lastDay > list.lastDay || run.firstDay > run.lastDay)) return null;
  const today = options.today;
  // Days already past are dropped: the value holds nothing of them once written again.
  const ahead = runs
    .filter((run) => run.lastDay >= today)
    .map((run) => (run.firstDay < today ? { ...run, firstDay: today } : run));
  return { value: list.entries, runs: ahead, lastDay: list.lastDay };
}

/** The runs for the days after the kept ones: a kept run that reaches the last kept day goes on in them. */
export function runsExtending(kept: KeptToExtend, citations: readonly unknown[]): DueRuns {
  const goingOn = kept.runs.filter((run) => run.lastDay === kept.lastDay);
  return new DueRuns(new CitationIndex(citations), goingOn);
}

/**
 * Keeps the kept runs (`kept`, read by keptToExtend and continued by `runs` where the next day lists
 * an entry exactly so) with `runs`, the lists of the days after them up to DAYS_AHEAD after today.
 * Refused (false) when the kept list is no longer the one read, the days are not those, the runs name
 * other citations, or the vault refuses writes. `encoded`: extendedRuns(kept, runs) encoded already.
 */
export function storeExtendedRuns(
  db: Db,
  options: DueListOptions,
  kept: KeptToExtend,
  runs: DueRuns,
  encoded?: Uint8Array<ArrayBuffer>,
): boolean {
  const key = storeKeyFor(options);
  const days = daysToKeep(options.today);
  const expected = days.filter((day) => day > kept.lastDay);
  if (key === null || !isWritable(db) || !dueListStoreExists(db)) return false;
  if (expected.length === 0 || JSON.stringify(runs.days) !== JSON.stringify(expected)) return false;
  const list = storedList(db);
  const keptCitations = list?.madeFor === key && list.lastDay === kept.lastDay ? citationsOf(list.citations) : null;
  if (!keptCitations || !Buffer.from(list!.entries).equals(Buffer.from(kept.value))) return false;
  if (!startsWith(runs.citations.citations, keptCitations) || !covers(list!, days[0]!, days[0]!)) return false;
  const entries = encoded ?? encodeRuns(extendedRuns(kept, runs));
  const range = { madeFor: key, firstDay: days[0]!, lastDay: days[DAYS_AHEAD]! };
  // No case is unmarked: a case written to since is still worked out afresh when read.
  replaceStoredDueList(db, { ...range, citations: JSON.stringify(runs.citations.citations), entries }, []);
  return true;
}

/** What storeExtendedRuns keeps: the kept runs, then the new ones. */
export function extendedRuns(kept: KeptToExtend, runs: DueRuns): Run[] {
  return [...kept.runs, ...runs.runs];
}

/** Whether `citations` begin with `kept`, each the same provision: the kept entries' indexes still hold. */
function startsWith(citations: readonly unknown[], kept: readonly unknown[]): boolean {
  return kept.every((citation, i) => i < citations.length && JSON.stringify(citations[i]) === JSON.stringify(citation));
}

/** Keeps `lists`, the lists for daysToKeep(options.today) in order, as storeDueRuns does. */
export function storeDueList(
  db: Db,
  options: DueListOptions,
  lists: readonly (readonly DueListEntry[])[],
  cases?: readonly string[],
): boolean {
  const kept = cases ? storedListState(db) : null;
  const runs = new DueRuns(new CitationIndex((kept && citationsOf(kept.citations)) ?? []));
  daysToKeep(options.today).forEach((day, i) => runs.add(day, lists[i] ?? []));
  return lists.length === runs.days.length && storeDueRuns(db, options, runs, cases);
}

/** What `runs` are kept under: null unless they are of the days kept from today and the vault takes writes. */
function keepingRange(db: Db, options: DueListOptions, runs: DueRuns) {
  const key = storeKeyFor(options);
  const days = daysToKeep(options.today);
  const sameDays = JSON.stringify(runs.days) === JSON.stringify(days);
  if (key === null || !sameDays || !isWritable(db) || !dueListStoreExists(db)) return null;
  return { madeFor: key, firstDay: days[0]!, lastDay: days[DAYS_AHEAD]! };
}

/**
 * Keeps `runs`, of the lists for daysToKeep(options.today): of the whole vault (`encoded`: its runs
 * encoded already), or with `cases` (keepPlan's, runs built on the kept citations) those changed cases
 * into the kept list, as keptToRenew and storeRenewedRuns do in steps. Refused (false) for other days
 * or a vault that refuses writes, and with `cases` where storeRenewedRuns refuses.
 */
export function storeDueRuns(
  db: Db,
  options: DueListOptions,
  runs: DueRuns,
  cases?: readonly string[],
  encoded?: Uint8Array<ArrayBuffer>,
): boolean {
  const range = keepingRange(db, options, runs);
  if (!range) return false;
  const citations = JSON.stringify(runs.citations.citations);
  if (!cases) {
    replaceStoredDueList(db, { ...range, citations, entries: encoded ?? encodeRuns(runs.runs) });
    unreadable.delete(db);
    return true;
  }
  const kept = keptToRenew(db, options, cases);
  return kept !== null && storeRenewedRuns(db, options, runs, cases, kept);
}

/** The kept list read back for changed cases to be kept into: its value and the other cases' runs. */
export interface KeptToRenew {
  value: Uint8Array;
  others: Run[];
}

/**
 * The kept list for `options` read back, with the runs of every case but the `cases` changed (days
 * already past dropped); null when none covers the days kept from today or it does not read back.
 */
export function keptToRenew(db: Db, options: DueListOptions, cases: readonly string[]): KeptToRenew | null {
  const key = storeKeyFor(options);
  const days = daysToKeep(options.today);
  const list = storedList(db);
  if (key === null || list?.madeFor !== key || !covers(list, days[0]!, days[DAYS_AHEAD]!)) return null;
  const runs = decodeRuns(list.entries);
  if (!runs) return null;
  const renewed = new Set(cases);
  const others = runs.filter((run) => run.lastDay >= days[0]! && !renewed.has(run.entry[0] as string));
  return { value: list.entries, others };
}

/** What storeRenewedRuns keeps: the other cases' runs as they are, the changed cases' afresh. */
export function renewedRuns(kept: KeptToRenew, runs: DueRuns): Run[] {
  return [...kept.others, ...runs.runs];
}

/**
 * Keeps `runs`, the changed `cases`' lists for daysToKeep(options.today) built on the kept citations,
 * into `kept` (read by keptToRenew). Refused (false) when the kept list is no longer the one read, the
 * days are not those, the runs name other citations, or the vault refuses writes. `encoded`:
 * renewedRuns(kept, runs) encoded already.
 */
export function storeRenewedRuns(
  db: Db,
  options: DueListOptions,
  runs: DueRuns,
  cases: readonly string[],
  kept: KeptToRenew,
  encoded?: Uint8Array<ArrayBuffer>,
): boolean {
  const range = keepingRange(db, options, runs);
  if (!range) return false;
  const list = storedList(db);
  const keptCitations =
    list?.madeFor === range.madeFor && covers(list, range.firstDay, range.lastDay) ? citationsOf(list.citations) : null;
  if (!keptCitations || !Buffer.from(list!.entries).equals(Buffer.from(kept.value))) return false;
  if (!startsWith(runs.citations.citations, keptCitations)) return false;
  const entries = encoded ?? encodeRuns(renewedRuns(kept, runs));
  replaceStoredDueList(db, { ...range, citations: JSON.stringify(runs.citations.citations), entries }, cases);
  return true;
}
