// The kept due list's guards one by one (due-list-store.ts), on a real vault: what it is kept under,
// when it covers a day, when keeping works the whole list out again, and what a kept list read back
// to be extended still holds. Each was left alive by mutation testing (npm run mutation -- --folder
// main/services/due-list-store.ts) until a test here named it.
import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../shared/domain';
import { addDays } from '../../shared/domain';
import { refuseWrites, type Db } from '../../main/db/connection';
import { generateDemo } from '../../main/demo/generate-demo';
import { getCase, updateCase } from '../../main/db/repositories/cases-repo';
import { storedList } from '../../main/db/repositories/due-list-store-repo';
import { computeDueList } from '../../main/services/due-list';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import {
  DAYS_AHEAD,
  daysToKeep,
  keepPlan,
  keptListCovers,
  keptListHolds,
  keptListToCheck,
  sameEntries,
  keptToExtend,
  keptToRenew,
  lastDueListOrigin,
  MAX_CHANGED_CASES,
  runsExtending,
  storeDueList,
  storeDueRuns,
  storeExtendedRuns,
  storeKeyFor,
  storeRenewedRuns,
  zoneOf,
} from '../../main/services/due-list-store';
import { DueRuns } from '../../main/services/due-list-runs';
import { decodeRuns, encodeRuns } from '../../main/services/due-list-kept-codec';
import { CitationIndex } from '../../main/services/due-list-packing';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { addBareCases } from '../support/due-list-vault';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-due-store-guards-');
afterAll(() => dirs.cleanup());

const TODAY: IsoDate = '2026-03-15';
const NO = { profile: 'NO' as const, today: TODAY };
const AT = `${TODAY}T10:00:00.000Z`;

async function demoVault(cases: number): Promise<{ session: VaultSession; db: Db }> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, healthCheck: false });
  await session.create('NO', PASSPHRASE);
  const { db } = session.current();
  generateDemo(db, { profile: 'NO', today: TODAY, cases });
  return { session, db };
}

/** An insider's edit of the kept value: the list's other columns stay as kept. */
const editKeptValue = (db: Db, value: Uint8Array<ArrayBuffer>) =>
  db.prepare('UPDATE due_list_store_state SET entries = ? WHERE id = 1').run([value]);

const sameEntry = (a: { entry: readonly unknown[] }, b: { entry: readonly unknown[] }) =>
  JSON.stringify(a.entry) === JSON.stringify(b.entry);

const listsFor = (db: Db, today: IsoDate = TODAY) =>
  daysToKeep(today).map((day) => computeDueList(db, { profile: 'NO', today: day, source: storedFactsSource }));

/** Writes to `count` live cases, so each is marked changed since the list was kept. */
function touchCases(db: Db, count: number): void {
  const ids = db.prepare('SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY id LIMIT ?', { pluck: true });
  db.transaction(() => {
    for (const id of ids.all([count]) as string[]) {
      const kase = getCase(db, id)!;
      updateCase(db, id, { ...kase, at: AT, searchText: 'endret' });
    }
  })();
}

describe('what a kept list is kept under', () => {
  it("is the zone asked for, else the machine's as it is now", () => {
    expect(zoneOf('Europe/Copenhagen')).toBe('Europe/Copenhagen');
    expect(zoneOf()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('is none for one case, another source, horizon or lead, so only the default whole list is kept', () => {
    expect(JSON.parse(storeKeyFor(NO) ?? 'null')).toEqual([expect.any(Number), 'NO', zoneOf()]);
    expect(storeKeyFor({ ...NO, caseId: 'c' })).toBeNull();
    expect(storeKeyFor({ ...NO, part: { cases: ['c'] } })).toBeNull();
    expect(storeKeyFor({ ...NO, part: { from: null, before: 'c' } })).toBeNull();
    expect(storeKeyFor({ ...NO, source: storedFactsSource })).toBeNull();
    expect(storeKeyFor({ ...NO, horizonDays: 30 })).toBeNull();
    expect(storeKeyFor({ ...NO, releaseMeetingLeadDays: 10 })).toBeNull();
    expect(storeKeyFor({ ...NO, horizonDays: 14, releaseMeetingLeadDays: 30 })).toBe(storeKeyFor(NO));
  });
});

describe('a kept list', () => {
  it('covers its days for the whole list of a vault that takes writes, and holds without a write', async () => {
    const { session, db } = await demoVault(20);
    expect(keptListCovers(db, NO)).toBe(false);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    expect(keptListCovers(db, NO)).toBe(true);
    expect(keptListCovers(db, { ...NO, today: addDays(TODAY, DAYS_AHEAD) })).toBe(true);
    expect(keptListCovers(db, { ...NO, today: addDays(TODAY, DAYS_AHEAD + 1) })).toBe(false);
    expect(keptListCovers(db, { ...NO, caseId: 'c' })).toBe(false);
    // Not covering: nothing to compare, and the list stays as kept.
    const kept = storedList(db)!.entries;
    const never = () => {
      throw new Error('not worked out when nothing is compared');
    };
    for (const options of [
      { ...NO, today: addDays(TODAY, DAYS_AHEAD + 1) },
      { ...NO, caseId: 'c' },
    ]) {
      expect(keptListToCheck(db, options, never)).toBeUndefined();
      expect(keptListHolds(db, keptListToCheck(db, options, never), never)).toBe(true);
    }
    expect(Buffer.from(storedList(db)!.entries).equals(Buffer.from(kept))).toBe(true);
    expect(keepPlan(db, { ...NO, caseId: 'c' })).toBeNull();
    // A vault whose writes are refused: no list covers anything, and nothing is kept.
    refuseWrites(db, 'quick_check');
    expect(keptListCovers(db, NO)).toBe(false);
    expect(keepPlan(db, NO)).toBeNull();
    expect(storeDueList(db, NO, listsFor(db))).toBe(false);
    session.lock();
  });

  it('is read with up to MAX_CHANGED_CASES cases changed since, and worked out whole with more', async () => {
    // A demo vault topped up with cases of no documents: one case over the limit, quick to make.
    const { session, db } = await demoVault(30);
    addBareCases(db, MAX_CHANGED_CASES + 1 - 30);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const fresh = computeDueList(db, { ...NO, source: storedFactsSource });
    touchCases(db, MAX_CHANGED_CASES);
    const worked = computeDueList(db, { ...NO, source: storedFactsSource });
    expect(computeDueList(db, NO)).toEqual(worked);
    expect(lastDueListOrigin(db)).toBe('store');
    // Read, so the keeper's check compares it.
    expect(keptListToCheck(db, NO, (cases) => computeDueList(db, { ...NO, part: { cases } }))).toEqual(worked);
    touchCases(db, MAX_CHANGED_CASES + 1);
    expect(computeDueList(db, NO)).toEqual(fresh);
    expect(lastDueListOrigin(db)).toBe('worked-out');
    // Not read, so nothing to check it against: the keeper's check leaves it, raising no alarm.
    const kept = storedList(db)!.entries;
    const read = keptListToCheck(db, NO, (cases) => computeDueList(db, { ...NO, part: { cases } }));
    expect(read).toBeUndefined();
    expect(keptListHolds(db, read, (kept) => sameEntries(kept, fresh))).toBe(true);
    expect(Buffer.from(storedList(db)!.entries).equals(Buffer.from(kept))).toBe(true);
    session.lock();
  });

  it('keeps up to 100 changed cases into the kept list, and more as a whole list', async () => {
    const { session, db } = await demoVault(101);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    touchCases(db, 100);
    const byCase = keepPlan(db, NO);
    expect(byCase).toMatchObject({ mode: 'cases', days: daysToKeep(TODAY) });
    if (byCase?.mode !== 'cases') throw new Error('expected the changed cases');
    expect(byCase.cases).toHaveLength(100);
    // The changed cases kept into the list: taken, and nothing is left to keep.
    const runs = new DueRuns(new CitationIndex(byCase.citations));
    daysToKeep(TODAY).forEach((day) =>
      runs.add(
        day,
        byCase.cases.flatMap((caseId) =>
          computeDueList(db, { profile: 'NO', today: day, caseId, source: storedFactsSource }),
        ),
      ),
    );
    expect(storeDueRuns(db, NO, runs, byCase.cases)).toBe(true);
    expect(keepPlan(db, NO)).toBeNull();
    touchCases(db, 101);
    expect(keepPlan(db, NO)).toEqual({ mode: 'whole', days: daysToKeep(TODAY) });
    session.lock();
  });
});

describe('a kept list read back to be extended', () => {
  it('holds only the runs from the new day on, each starting no earlier than it', async () => {
    const { session, db } = await demoVault(20);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const all = keptToExtend(db, NO)!;
    // A new day on which some kept run ends, after one that ended earlier.
    const ends = [...new Set(all.runs.map((run) => run.lastDay))].sort();
    const day = ends.find((end) => end > ends[0]! && end < all.lastDay);
    if (!day) throw new Error('no kept run ends on a later kept day');
    const later = { ...NO, today: day };
    const kept = keptToExtend(db, later)!;
    expect(kept.lastDay).toBe(addDays(TODAY, DAYS_AHEAD));
    // Runs that ended before the new day are gone; one ending on it stays; the others start on it.
    const ended = all.runs.filter((run) => run.lastDay < later.today);
    const endingThatDay = all.runs.filter((run) => run.lastDay === later.today);
    expect(ended.length).toBeGreaterThan(0);
    expect(endingThatDay.length).toBeGreaterThan(0);
    expect(kept.runs).toHaveLength(all.runs.length - ended.length);
    expect(kept.runs.every((run) => run.firstDay >= later.today && run.lastDay >= later.today)).toBe(true);
    const startingThatDay = all.runs.filter((run) => run.firstDay === later.today);
    for (const run of startingThatDay) expect(kept.runs).toContainEqual(run);
    session.lock();
  });

  it('carries on only the runs that reach the last kept day', async () => {
    const { session, db } = await demoVault(20);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const last = addDays(TODAY, DAYS_AHEAD);
    const next = addDays(last, 1);
    const later = { ...NO, today: addDays(TODAY, 1) };
    const plan = keepPlan(db, later);
    if (plan?.mode !== 'extend') throw new Error(`expected to extend, not ${plan?.mode}`);
    const nextList = computeDueList(db, { ...NO, today: next, source: storedFactsSource });
    const extend = () => {
      const runs = runsExtending(keptToExtend(db, later)!, plan.citations);
      runs.add(next, nextList);
      return runs;
    };
    // An entry listed on the last kept day and the next exactly so: carried on, no new run.
    const carried = keptToExtend(db, later)!.runs.find(
      (run) => run.lastDay === last && run.firstDay < last && !extend().runs.some((r) => sameEntry(r, run)),
    );
    if (!carried) throw new Error('no kept run goes on into the next day');
    // The kept value edited so that run ends the day before: it is not carried over the day it is absent.
    const runs = keptToExtend(db, NO)!.runs.map((run) =>
      sameEntry(run, carried) ? { ...run, lastDay: addDays(last, -1) } : run,
    );
    editKeptValue(db, encodeRuns(runs));
    expect(extend().runs.filter((run) => sameEntry(run, carried))).toEqual([
      { entry: carried.entry, firstDay: next, lastDay: next },
    ]);
    session.lock();
  });

  it('is refused by a vault whose writes are refused, and for days that are not the ones after it', async () => {
    const { session, db } = await demoVault(20);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const later = { ...NO, today: addDays(TODAY, 1) };
    const plan = keepPlan(db, later);
    if (plan?.mode !== 'extend') throw new Error(`expected to extend, not ${plan?.mode}`);
    const runsFor = (days: IsoDate[]) => {
      const kept = keptToExtend(db, later)!;
      const runs = runsExtending(kept, plan.citations);
      for (const day of days)
        runs.add(day, computeDueList(db, { profile: 'NO', today: day, source: storedFactsSource }));
      return { kept, runs };
    };
    // Today's own days (nothing after the kept ones): refused.
    const none = runsFor([]);
    expect(storeExtendedRuns(db, NO, none.kept, none.runs)).toBe(false);
    // For one case: not a kept list.
    const right = runsFor(plan.days);
    expect(storeExtendedRuns(db, { ...later, caseId: 'c' }, right.kept, right.runs)).toBe(false);
    refuseWrites(db, 'quick_check');
    expect(storeExtendedRuns(db, later, right.kept, right.runs)).toBe(false);
    expect(storedList(db)!.lastDay).toBe(addDays(TODAY, DAYS_AHEAD));
    session.lock();
  });
});

describe('a kept list edited in the file, and runs that do not fit it', () => {
  it('reads as nothing to carry on or keep cases into when its value does not decode or a run is reversed', async () => {
    const { session, db } = await demoVault(20);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const runs = keptToExtend(db, NO)!.runs;
    const caseId = runs[0]!.entry[0] as string;
    for (const value of [
      Uint8Array.from([0, 1, 2, 3, 255]),
      // A run that ends before it begins was never written by keeping.
      encodeRuns([{ ...runs[0]!, firstDay: addDays(TODAY, 2), lastDay: addDays(TODAY, 1) }, ...runs.slice(1)]),
    ]) {
      editKeptValue(db, value);
      expect(keptToExtend(db, { ...NO, today: addDays(TODAY, 1) })).toBeNull();
      if (decodeRuns(value) === null) expect(keptToRenew(db, NO, [caseId])).toBeNull();
    }
    session.lock();
  });

  it('drops a kept list that does not read back, or reads as another list, and only then', async () => {
    const { session, db } = await demoVault(20);
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const read = keptListToCheck(db, NO, (cases) => computeDueList(db, { ...NO, part: { cases } }));
    expect(read).toEqual(computeDueList(db, { ...NO, source: storedFactsSource }));
    expect(keptListHolds(db, read, () => true)).toBe(true);
    expect(storedList(db)).not.toBeNull();
    // Did not read back (null): dropped, whatever a comparison would say.
    expect(keptListHolds(db, null, () => true)).toBe(false);
    expect(storedList(db)).toBeNull();
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    expect(keptListHolds(db, read, () => false)).toBe(false);
    expect(storedList(db)).toBeNull();
    session.lock();
  });

  it('refuses runs of other days, runs on citations that only begin alike, and cases with no list kept', async () => {
    const { session, db } = await demoVault(20);
    const kase = getCase(db, db.prepare('SELECT id FROM cases LIMIT 1', { pluck: true }).get() as string)!;
    // Cases into a kept list when none is kept: refused, not an error.
    const single = new DueRuns(new CitationIndex([]));
    daysToKeep(TODAY).forEach((day) =>
      single.add(day, computeDueList(db, { ...NO, today: day, source: storedFactsSource, caseId: kase.id })),
    );
    expect(storeDueRuns(db, NO, single, [kase.id])).toBe(false);
    expect(storedList(db)).toBeNull();
    expect(storeDueList(db, NO, listsFor(db))).toBe(true);
    const stored = Buffer.from(storedList(db)!.entries);
    const kept = JSON.parse(storedList(db)!.citations) as unknown[];
    expect(kept.length).toBeGreaterThan(1);
    updateCase(db, kase.id, { ...kase, at: AT, searchText: 'endret' });
    // The kept citations' first, then another where the kept second stood: the indexes no longer hold.
    const runsFor = (citations: unknown[], today: IsoDate = TODAY) => {
      const runs = new DueRuns(new CitationIndex(citations));
      daysToKeep(today).forEach((day) =>
        runs.add(day, computeDueList(db, { ...NO, today: day, source: storedFactsSource, caseId: kase.id })),
      );
      return runs;
    };
    const alike = [kept[0], { provision: 'fiktiv § 1' }];
    const renew = keptToRenew(db, NO, [kase.id])!;
    expect(storeRenewedRuns(db, NO, runsFor(alike), [kase.id], renew)).toBe(false);
    expect(storeDueRuns(db, NO, runsFor(alike), [kase.id])).toBe(false);
    // Runs of the days kept from tomorrow, offered as today's: refused.
    const tomorrow = runsFor(kept, addDays(TODAY, 1));
    expect(storeRenewedRuns(db, NO, tomorrow, [kase.id], renew)).toBe(false);
    expect(storeDueRuns(db, NO, tomorrow)).toBe(false);
    expect(Buffer.from(storedList(db)!.entries).equals(stored)).toBe(true);
    // Extending on citations that only begin alike: refused too.
    const later = { ...NO, today: addDays(TODAY, 1) };
    const toExtend = keptToExtend(db, later)!;
    const extension = runsExtending(toExtend, alike);
    extension.add(addDays(later.today, DAYS_AHEAD), computeDueList(db, { ...later, source: storedFactsSource }));
    expect(storeExtendedRuns(db, later, toExtend, extension)).toBe(false);
    expect(Buffer.from(storedList(db)!.entries).equals(stored)).toBe(true);
    // The right runs, as read: kept.
    expect(storeRenewedRuns(db, NO, runsFor(kept), [kase.id], renew)).toBe(true);
    session.lock();
  });
});
