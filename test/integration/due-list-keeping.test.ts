import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate, Profile } from '../../shared/domain';
import { generateDemo } from '../../main/demo/generate-demo';
import { refuseWrites, type Db } from '../../main/db/connection';
import { getCase, softDeleteCase, updateCase } from '../../main/db/repositories/cases-repo';
import { caseSpans } from '../../main/db/repositories/due-facts-repo';
import {
  changedCaseIds,
  storedList,
  storedListMadeFor,
  storedListState,
} from '../../main/db/repositories/due-list-store-repo';
import { decodeRuns, encodeRuns } from '../../main/services/due-list-kept-codec';
import { computeDueList, type DueListEntry } from '../../main/services/due-list';
import { sortDueEntries } from '../../main/services/due-list-order';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import {
  DAYS_AHEAD,
  daysToKeep,
  keepPlan,
  lastDueListOrigin,
  MAX_CHANGED_CASES,
  type KeptToExtend,
  keptToExtend,
  keptToRenew,
  runsExtending,
  storeDueList,
  storeDueRuns,
  storeExtendedRuns,
  storeRenewedRuns,
} from '../../main/services/due-list-store';
import { keepDueListWhenChecked } from '../../main/services/due-list-keep';
import { DueRuns } from '../../main/services/due-list-runs';
import { CitationIndex } from '../../main/services/due-list-packing';
import { addDays } from '../../shared/domain';
import { VaultSession } from '../../main/vault/vault-session';
import { listAudit } from '../../main/audit/audit-log';
import { tempDirs } from '../support/temp-dir';
import { addBareCases } from '../support/due-list-vault';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

/**
 * Issue 15: when the kept due list is written (due-list-keep.ts, due-list-store.ts): only after a
 * passed integrity check, never to a vault whose writes are refused, only for the whole vault with the
 * default settings, in steps, and not from lists that mix two states of the vault.
 */

const dirs = tempDirs('bro-due-keeping-');
afterAll(() => dirs.cleanup());

const TODAY: IsoDate = '2026-03-15';
const AT = `${TODAY}T10:00:00.000Z`;

const storedCount = (db: Db) => {
  const list = storedList(db);
  return (list && decodeRuns(list.entries)?.length) ?? 0;
};

/** A new vault (NO unless asked) with `cases` demo cases, open. */
async function demoSession(
  cases: number,
  options: { healthCheck?: boolean; now?: () => Date; profile?: Profile } = {},
) {
  const { profile = 'NO', ...rest } = options;
  const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, ...rest });
  await session.create(profile, PASSPHRASE);
  generateDemo(session.current().db, { profile, today: TODAY, cases });
  return session;
}

/** The list `db` gives for `day` equals the list worked out from the documents. */
function expectAsWorkedOut(db: Db, day: IsoDate) {
  expect(computeDueList(db, { profile: 'NO', today: day })).toEqual(
    computeDueList(db, { profile: 'NO', today: day, source: documentFactsSource }),
  );
}

/** The lists of the days a list kept on `today` covers, worked out. */
const listsFor = (db: Db, profile: Profile, today: IsoDate = TODAY) =>
  daysToKeep(today).map((day) => computeDueList(db, { profile, today: day }));

/**
 * The keeper on `session`, its steps and retries run by hand: `runSteps` runs every step there is
 * (`between` after the `at`-th) and says how many ran; `unlockChecked` unlocks again and waits for the
 * integrity check; `unlockAndKeep` also runs the keeping.
 */
function keeperOn(
  session: VaultSession,
  options: { now?: () => string; steps?: { casesPerStep?: number; entriesPerStep?: number } } = {},
) {
  const steps: (() => void)[] = [];
  const retries: (() => void)[] = [];
  const now = options.now ?? (() => AT);
  const stop = keepDueListWhenChecked(
    { session, now: () => new Date(now()) },
    (run) => steps.push(run),
    (run) => retries.push(run),
    options.steps,
  );
  const runSteps = (between?: () => void, at = 2) => {
    let ran = 0;
    for (let step = steps.shift(); step; step = steps.shift()) {
      step();
      ran += 1;
      if (ran === at) between?.();
    }
    return ran;
  };
  const unlockChecked = async () => {
    session.lock();
    await session.unlock(PASSPHRASE);
    await session.settledHealth();
    return session.current().db;
  };
  const unlockAndKeep = async () => {
    const db = await unlockChecked();
    return { db, ran: runSteps() };
  };
  return { retries, stop, runSteps, unlockChecked, unlockAndKeep };
}

describe('when the kept due list is written', () => {
  it('not without a passed integrity check, and never to a vault whose writes are refused', async () => {
    const session = await demoSession(20, { healthCheck: false });
    const keeper = keeperOn(session);
    session.lock();
    await session.unlock(PASSPHRASE);
    const db = session.current().db;
    const list = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(list.length).toBeGreaterThan(0);
    // No check ran (turned off), so the keeper had nothing to start from and kept nothing; the
    // function itself refuses a damaged vault.
    expect(keeper.runSteps()).toBe(0);
    expect(storedListMadeFor(db)).toBeNull();
    refuseWrites(db, 'quick_check');
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toBeNull();
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, listsFor(db, 'NO'))).toBe(false);
    expect(storedListMadeFor(db)).toBeNull();
    expect(storedCount(db)).toBe(0);
    keeper.stop();
    session.lock();
  });

  it('not after a check that could not run (its worker did not start), but after the next that passes', async () => {
    const session = await demoSession(20);
    const keeper = keeperOn(session);
    const before = process.env.BRO_TEST_INTEGRITY_WORKER;
    // Not a script a worker can be started from: the check ends, unchecked, and says so.
    process.env.BRO_TEST_INTEGRITY_WORKER = 'no-such-worker.mjs';
    try {
      session.lock();
      await session.unlock(PASSPHRASE);
      expect(await session.settledHealth()).toEqual({ state: 'unchecked', reason: 'worker' });
    } finally {
      if (before === undefined) delete process.env.BRO_TEST_INTEGRITY_WORKER;
      else process.env.BRO_TEST_INTEGRITY_WORKER = before;
    }
    // Writes are not refused after such a check, so only the keeper's own rule keeps it from keeping.
    expect(keeper.runSteps()).toBe(0);
    expect(storedListMadeFor(session.current().db)).toBeNull();
    const { db, ran } = await keeper.unlockAndKeep();
    expect(ran).toBeGreaterThan(0);
    expect(storedListState(db)).toMatchObject({ firstDay: TODAY });
    keeper.stop();
    session.lock();
  });

  it('in steps, one day each; written to between them, not at all but again a minute later', async () => {
    const session = await demoSession(20);
    const { retries, stop, runSteps, unlockChecked } = keeperOn(session);
    let db = await unlockChecked();
    // A case written while the days are worked out: the lists would mix two states, so none is kept.
    const kase = liveCaseOf(db);
    expect(runSteps(() => updateCase(db, kase.id, { ...kase, at: AT, searchText: 'x' }))).toBe(3);
    expect(storedListMadeFor(db)).toBeNull();
    // Started again later: a turn of the scheduler per kept day and one to write them.
    expect(retries).toHaveLength(1);
    retries.shift()?.();
    expect(runSteps()).toBe(daysToKeep(TODAY).length + 1);
    expect(retries).toHaveLength(0);
    expect(storedListState(db)).toMatchObject({ firstDay: TODAY, lastDay: addDays(TODAY, DAYS_AHEAD) });
    for (const day of daysToKeep(TODAY)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    // Written to on every attempt: given up after the last retry, until the next pass.
    for (let attempt = 0; attempt <= 5; attempt += 1) {
      if (attempt === 0) {
        updateCase(db, kase.id, { ...kase, at: AT, searchText: 'neste gang' });
        db = await unlockChecked();
      } else retries.shift()?.();
      runSteps(() => updateCase(db, kase.id, { ...kase, at: AT, searchText: `skrevet ${attempt}` }));
    }
    expect(retries).toHaveLength(0);
    expect(changedCaseIds(db)).toEqual([kase.id]);
    stop();
    session.lock();
  });

  it('only for the whole vault with the default settings', async () => {
    const session = await demoSession(10, { healthCheck: false });
    const db = session.current().db;
    const lists = listsFor(db, 'NO');
    const caseId = lists[0]?.[0]?.caseId;
    expect(storeDueList(db, { profile: 'NO', today: TODAY, caseId }, lists)).toBe(false);
    expect(storeDueList(db, { profile: 'NO', today: TODAY, horizonDays: 30 }, lists)).toBe(false);
    expect(storeDueList(db, { profile: 'NO', today: TODAY, releaseMeetingLeadDays: 10 }, lists)).toBe(false);
    // One list per kept day, or none.
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, lists.slice(1))).toBe(false);
    // Changed cases only into a list that does not cover the days: refused.
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, lists, caseId ? [caseId] : [])).toBe(false);
    expect(storedListMadeFor(db)).toBeNull();
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toEqual({ mode: 'whole', days: daysToKeep(TODAY) });
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, lists)).toBe(true);
    // Changed cases' runs built on other citations than the kept ones: their indexes would name others.
    const elsewhere = new DueRuns(new CitationIndex([{ provision: 'fiktiv § 1' }]));
    daysToKeep(TODAY).forEach((day, i) => elsewhere.add(day, lists[i] ?? []));
    expect(storeDueRuns(db, { profile: 'NO', today: TODAY }, elsewhere, caseId ? [caseId] : [])).toBe(false);
    // Kept and current: nothing to keep today; a later kept day, the days after the kept ones; the
    // day after them, all again.
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toBeNull();
    expect(keepPlan(db, { profile: 'NO', today: addDays(TODAY, 2) })).toMatchObject({
      mode: 'extend',
      days: [addDays(TODAY, DAYS_AHEAD + 1), addDays(TODAY, DAYS_AHEAD + 2)],
    });
    const after = addDays(TODAY, DAYS_AHEAD + 1);
    expect(keepPlan(db, { profile: 'NO', today: after })).toEqual({ mode: 'whole', days: daysToKeep(after) });
    // A later kept day with a case written to since: all again (the marks stay exact).
    const kase = liveCaseOf(db);
    updateCase(db, kase.id, { ...kase, at: AT, searchText: 'endret' });
    expect(keepPlan(db, { profile: 'NO', today: addDays(TODAY, 1) })).toEqual({
      mode: 'whole',
      days: daysToKeep(addDays(TODAY, 1)),
    });
    session.lock();
  });
});

describe('on a later kept day', () => {
  it('works out only the days after the kept ones, and the kept runs go on: every day reads as worked out', async () => {
    let now = AT;
    const session = await demoSession(30, { now: () => new Date(now) });
    const { stop, unlockAndKeep } = keeperOn(session, { now: () => now });
    let { db, ran } = await unlockAndKeep();
    expect(ran).toBe(DAYS_AHEAD + 2);
    const before = decodeRuns(storedList(db)!.entries)!;

    // Two days later: the kept list checked against the facts (a step), the kept runs read, two new
    // days worked out (a step each) and the write.
    const later = addDays(TODAY, 2);
    now = `${later}T10:00:00.000Z`;
    ({ db, ran } = await unlockAndKeep());
    expect(ran).toBe(6);
    expect(storedListState(db)).toMatchObject({ firstDay: later, lastDay: addDays(later, DAYS_AHEAD) });
    for (const day of daysToKeep(later)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    const after = decodeRuns(storedList(db)!.entries)!;
    // Nothing of the days gone by is kept; an entry listed alike on the old and new days is one run.
    expect(after.every((run) => run.firstDay >= later)).toBe(true);
    const goingOn = before.filter((run) => run.lastDay === addDays(TODAY, DAYS_AHEAD));
    expect(goingOn.length).toBeGreaterThan(0);
    const extended = after.filter(
      (run) => run.firstDay <= addDays(TODAY, DAYS_AHEAD) && run.lastDay > addDays(TODAY, DAYS_AHEAD),
    );
    expect(extended.length).toBeGreaterThan(goingOn.length / 2);
    // The next unlock the same day: nothing to keep.
    expect(keepPlan(db, { profile: 'NO', today: later })).toBeNull();

    // A run edited to reach past the kept days is not carried on: the next day keeps the whole list.
    const edited = [{ ...after[0]!, lastDay: '2099-12-31' }, ...after.slice(1)];
    db.prepare('UPDATE due_list_store_state SET entries = ?').run([encodeRuns(edited)]);
    const next = addDays(later, 1);
    now = `${next}T10:00:00.000Z`;
    ({ db, ran } = await unlockAndKeep());
    expect(ran).toBe(DAYS_AHEAD + 4);
    expect(decodeRuns(storedList(db)!.entries)!.every((run) => run.lastDay <= addDays(next, DAYS_AHEAD))).toBe(true);
    expectAsWorkedOut(db, next);
    stop();
    session.lock();
  });

  it('checks the kept list against the facts after each passed check, and keeps one that differs whole afresh', async () => {
    const session = await demoSession(30);
    const keeper = keeperOn(session);
    let { db } = await keeper.unlockAndKeep();
    const fresh = () => computeDueList(db, { profile: 'NO', today: TODAY, source: storedFactsSource });
    const kept = decodeRuns(storedList(db)!.entries)!;
    // Someone who edits the file takes an overdue entry out of the kept list: a list that still decodes.
    const hidden = kept.findIndex((run) => run.firstDay <= TODAY && JSON.stringify(run.entry).includes('overdue'));
    expect(hidden).toBeGreaterThanOrEqual(0);
    db.prepare('UPDATE due_list_store_state SET entries = ?').run([encodeRuns(kept.filter((_, i) => i !== hidden))]);
    session.lock();
    await session.unlock(PASSPHRASE);
    db = session.current().db;
    // Read at unlock (the home screen's first list), the entry is missing ...
    expect(computeDueList(db, { profile: 'NO', today: TODAY }).length).toBe(fresh().length - 1);
    expect(lastDueListOrigin(db)).toBe('store');
    // ... until the check has passed: the keeper finds the difference, drops the list and keeps it again.
    await session.settledHealth();
    expect(session.status().repairs).toBeUndefined();
    keeper.runSteps();
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual(fresh());
    // Shown in the app and logged as an alarm (ids only), as an edited file is.
    expect(session.status().repairs).toEqual(['keptDueList']);
    expect(listAudit(db, { limit: 3 }).map((e) => [e.action, e.objectType, e.objectId])).toContainEqual([
      'audit_alarm',
      'due_list',
      'kept:mismatch',
    ]);
    expect(lastDueListOrigin(db)).toBe('store');
    expect(decodeRuns(storedList(db)!.entries)).toHaveLength(kept.length);
    // A kept list that holds is left as it was: checked (a step), nothing to keep, nothing written.
    const entries = storedList(db)!.entries;
    const again = await keeper.unlockAndKeep();
    db = again.db;
    expect(again.ran).toBe(3);
    expect(session.status().repairs).toBeUndefined();
    expect(Buffer.from(storedList(db)!.entries).equals(Buffer.from(entries))).toBe(true);
    keeper.stop();
    session.lock();
  });

  it('refuses to extend a kept list that changed since it was read, by other days or on other citations', async () => {
    const session = await demoSession(20, { healthCheck: false });
    const db = session.current().db;
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, listsFor(db, 'NO'))).toBe(true);
    const later = { profile: 'NO' as const, today: addDays(TODAY, 1) };
    const plan = keepPlan(db, later);
    if (plan?.mode !== 'extend') throw new Error(`expected to extend, not ${plan?.mode}`);
    const runsFor = (citations: unknown[], days: IsoDate[], kept: KeptToExtend) => {
      const runs = runsExtending(kept, citations);
      for (const day of days)
        runs.add(day, computeDueList(db, { profile: 'NO', today: day, source: storedFactsSource }));
      return runs;
    };
    const kept = keptToExtend(db, later)!;
    const stored = storedList(db)!.entries;
    expect(storeExtendedRuns(db, later, kept, runsFor(plan.citations, [addDays(TODAY, 5)], kept))).toBe(false);
    expect(storeExtendedRuns(db, later, kept, runsFor([{ provision: 'fiktiv § 1' }], plan.days, kept))).toBe(false);
    // Kept again meanwhile (the value read is not the one kept): refused.
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, listsFor(db, 'NO'))).toBe(true);
    const other = keptToExtend(db, later)!;
    other.value = Uint8Array.from(other.value).reverse();
    expect(storeExtendedRuns(db, later, other, runsFor(plan.citations, plan.days, other))).toBe(false);
    expect(Buffer.from(storedList(db)!.entries).equals(Buffer.from(stored))).toBe(true);
    // As read, by those days: kept.
    const fresh = keptToExtend(db, later)!;
    expect(storeExtendedRuns(db, later, fresh, runsFor(plan.citations, plan.days, fresh))).toBe(true);
    expect(storedListState(db)).toMatchObject({ firstDay: later.today, lastDay: addDays(later.today, DAYS_AHEAD) });
    session.lock();
  });

  it('refuses to keep changed cases into a kept list that changed since it was read, or on other citations', async () => {
    const session = await demoSession(20, { healthCheck: false });
    const db = session.current().db;
    const NO = { profile: 'NO' as const, today: TODAY };
    expect(storeDueList(db, NO, listsFor(db, 'NO'))).toBe(true);
    const kase = liveCaseOf(db);
    updateCase(db, kase.id, { ...kase, at: AT, searchText: 'endret' });
    const plan = keepPlan(db, NO);
    if (plan?.mode !== 'cases') throw new Error(`expected the changed cases, not ${plan?.mode}`);
    const runsFor = (citations: unknown[]) => {
      const runs = new DueRuns(new CitationIndex(citations));
      for (const day of daysToKeep(TODAY))
        runs.add(
          day,
          computeDueList(db, { ...NO, today: day, source: storedFactsSource, part: { cases: plan.cases } }),
        );
      return runs;
    };
    // The other cases' runs are read, the changed case's left for the runs worked out afresh.
    const kept = keptToRenew(db, NO, plan.cases)!;
    expect(kept.others.length).toBeGreaterThan(0);
    expect(kept.others.some((run) => run.entry[0] === kase.id)).toBe(false);
    const stored = Buffer.from(storedList(db)!.entries);
    expect(storeRenewedRuns(db, NO, runsFor([{ provision: 'fiktiv § 1' }]), plan.cases, kept)).toBe(false);
    // Read, then kept again meanwhile (the value read is not the one kept): refused, nothing written.
    const other = { ...kept, value: Uint8Array.from(kept.value).reverse() };
    expect(storeRenewedRuns(db, NO, runsFor(plan.citations), plan.cases, other)).toBe(false);
    expect(Buffer.from(storedList(db)!.entries).equals(stored)).toBe(true);
    expect(keepPlan(db, NO)?.mode).toBe('cases');
    // As read: kept, the case no longer changed, and every kept day reads as worked out.
    expect(storeRenewedRuns(db, NO, runsFor(plan.citations), plan.cases, kept)).toBe(true);
    expect(keepPlan(db, NO)).toBeNull();
    for (const day of daysToKeep(TODAY)) expectAsWorkedOut(db, day);
    session.lock();
  });
});

describe('the check of a kept list', () => {
  it('reads the kept list with up to its limit of cases changed, and raises no alarm past it', async () => {
    // A demo vault topped up with cases of no documents: one case over the limit, quick to make.
    const session = await demoSession(30);
    addBareCases(session.current().db, MAX_CHANGED_CASES + 1 - 30);
    const { stop, unlockAndKeep } = keeperOn(session);
    let { db } = await unlockAndKeep();
    expect(storedListState(db)).toMatchObject({ firstDay: TODAY });
    // An import or a day's work that touched every case but one: still read, those cases worked out.
    const ids = db
      .prepare('SELECT id FROM cases WHERE deleted_at IS NULL ORDER BY id', { pluck: true })
      .all() as string[];
    expect(ids.length).toBe(MAX_CHANGED_CASES + 1);
    const change = (some: readonly string[]) =>
      db.transaction(() => {
        for (const id of some) updateCase(db, id, { ...getCase(db, id)!, at: AT, searchText: 'endret' });
      })();
    change(ids.slice(1));
    expectAsWorkedOut(db, TODAY);
    expect(lastDueListOrigin(db)).toBe('store');
    const releases = computeDueList(db, { profile: 'NO', today: TODAY }).filter((e) => e.kind === 'no_release_meeting');
    expect(releases.length).toBeGreaterThan(1_000);
    // Every case: more than the kept list is read with, so worked out whole.
    change(ids.slice(0, 1));
    expectAsWorkedOut(db, TODAY);
    expect(lastDueListOrigin(db)).toBe('worked-out');
    ({ db } = await unlockAndKeep());
    expect(session.status().repairs).toBeUndefined();
    expect(listAudit(db, { limit: 5 }).some((entry) => entry.action === 'audit_alarm')).toBe(false);
    // Kept whole again instead, and read as worked out.
    expect(changedCaseIds(db)).toEqual([]);
    expectAsWorkedOut(db, TODAY);
    expect(lastDueListOrigin(db)).toBe('store');
    stop();
    session.lock();
  });
});

describe('a day of the whole vault a span of cases per step', () => {
  /** The whole-vault list for `day` worked out a span of `size` cases at a time, merged in order. */
  const inSpans = (db: Db, profile: Profile, day: IsoDate, size: number, source = storedFactsSource) =>
    sortDueEntries(
      caseSpans(db, size).flatMap((span) => computeDueList(db, { profile, today: day, source, part: span })),
    );

  it.each(['NO', 'DK'] as const)(
    'equals the list worked out whole, in a %s vault, from facts and documents',
    async (profile) => {
      const session = await demoSession(40, { healthCheck: false, profile });
      const db = session.current().db;
      // A deleted case still has its retention entry: every case id lies in one span, live or not.
      const deleted = liveCaseOf(db, profile);
      softDeleteCase(db, deleted.id, 'registrert ved en feil', '2012-01-05T10:00:00.000Z');
      expect(caseSpans(db, 7)).toHaveLength(Math.ceil(39 / 7));
      expect(caseSpans(db, 40)).toEqual([{ from: null, before: null }]);
      for (const day of [TODAY, addDays(TODAY, 9)]) {
        const whole = computeDueList(db, { profile, today: day, source: storedFactsSource });
        expect(whole.length).toBeGreaterThan(20);
        for (const size of [1, 7, 40]) expect(inSpans(db, profile, day, size)).toEqual(whole);
        expect(inSpans(db, profile, day, 7, documentFactsSource)).toEqual(whole);
      }
      expect(inSpans(db, profile, TODAY, 1).some((entry) => entry.caseId === deleted.id)).toBe(true);
      // A set of cases (as the cases written to since the list was kept are worked out): those cases'
      // entries of the whole list, in its order, from either source, the deleted case's among them.
      const ids = (db.prepare('SELECT id FROM cases ORDER BY id').all() as { id: string }[]).map((row) => row.id);
      const set = [deleted.id, ...ids.filter((_, i) => i % 3 === 0)];
      for (const day of [TODAY, addDays(TODAY, 9)]) {
        const whole = computeDueList(db, { profile, today: day, source: storedFactsSource });
        const theirs = whole.filter((entry) => set.includes(entry.caseId));
        expect(theirs.some((entry) => entry.caseId === deleted.id)).toBe(true);
        for (const source of [storedFactsSource, documentFactsSource])
          expect(computeDueList(db, { profile, today: day, source, part: { cases: set } })).toEqual(theirs);
        expect(computeDueList(db, { profile, today: day, source: storedFactsSource, part: { cases: [] } })).toEqual([]);
      }
      session.lock();
    },
  );

  it('keeps every day as worked out, a step per span; written to between two spans, keeps nothing', async () => {
    const session = await demoSession(30);
    const { retries, stop, runSteps, unlockChecked } = keeperOn(session, { steps: { casesPerStep: 7 } });
    const db = await unlockChecked();
    const spans = caseSpans(db, 7).length;
    expect(spans).toBe(5);
    // Written to in the middle of the first day: that day's list would mix two states.
    const kase = liveCaseOf(db);
    expect(runSteps(() => updateCase(db, kase.id, { ...kase, at: AT, searchText: 'midt i' }), 3)).toBe(4);
    expect(storedListMadeFor(db)).toBeNull();
    expect(retries).toHaveLength(1);
    retries.shift()?.();
    // A step per span of each kept day (the first in the step that planned it) and one to merge them,
    // and one to write.
    expect(runSteps()).toBe(daysToKeep(TODAY).length * (spans + 1) + 1);
    for (const day of daysToKeep(TODAY)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    stop();
    session.lock();
  });

  it('checks the kept list a span per step, and a write between them raises no false alarm', async () => {
    const session = await demoSession(30);
    const { retries, stop, runSteps, unlockChecked } = keeperOn(session, { steps: { casesPerStep: 7 } });
    let db = await unlockChecked();
    runSteps();
    const kept = storedList(db)!.entries;
    // Nothing changed: the first step (the kept list read), a step per span of today's list, one to
    // compare, and the plan (nothing).
    db = await unlockChecked();
    expect(runSteps()).toBe(1 + caseSpans(db, 7).length + 1 + 1);
    expect(session.status().repairs).toBeUndefined();
    // The case of the first span deleted once that span was worked out: compared with the kept list,
    // read with that case worked out afresh, the half-old list would differ. Stopped, not an alarm.
    db = await unlockChecked();
    const first = [...computeDueList(db, { profile: 'NO', today: TODAY, source: storedFactsSource })].sort(
      (a: DueListEntry, b: DueListEntry) => (a.caseId < b.caseId ? -1 : 1),
    )[0]!;
    expect(first.caseId < caseSpans(db, 7)[0]!.before!).toBe(true);
    expect(runSteps(() => softDeleteCase(db, first.caseId, 'registrert ved en feil', AT))).toBe(3);
    expect(session.status().repairs).toBeUndefined();
    expect(listAudit(db, { limit: 5 }).some((entry) => entry.action === 'audit_alarm')).toBe(false);
    expect(Buffer.from(storedList(db)!.entries).equals(Buffer.from(kept))).toBe(true);
    // Tried again later: the deleted case's entries leave the kept list.
    expect(retries).toHaveLength(1);
    retries.shift()?.();
    runSteps();
    expect(session.status().repairs).toBeUndefined();
    expectAsWorkedOut(db, TODAY);
    expect(lastDueListOrigin(db)).toBe('store');
    expect(computeDueList(db, { profile: 'NO', today: TODAY }).some((entry) => entry.caseId === first.caseId)).toBe(
      false,
    );
    stop();
    session.lock();
  });

  it('keeps changed cases into a long kept list a part per step; written to in between, keeps nothing', async () => {
    const session = await demoSession(30);
    const size = { casesPerStep: 7, entriesPerStep: 10 };
    const { retries, stop, runSteps, unlockAndKeep, unlockChecked } = keeperOn(session, { steps: size });
    let { db } = await unlockAndKeep();
    const fresh = () => computeDueList(db, { profile: 'NO', today: TODAY, source: storedFactsSource });
    const entries = fresh().length;
    const spans = caseSpans(db, size.casesPerStep).length;
    // The check, as when nothing changed, up to the plan, whose step works out the first day.
    const checkSteps = 1 + spans + 1 + Math.ceil(entries / size.entriesPerStep) + 1 + 1;
    // Two cases changed: one taken out (its entries go), one written to.
    const [gone, kept] = [...new Set(fresh().map((item) => item.caseId))];
    softDeleteCase(db, gone!, 'registrert ved en feil', AT);
    const kase = getCase(db, kept!)!;
    updateCase(db, kase.id, { ...kase, at: AT, searchText: 'endret' });
    expect(keepPlan(db, { profile: 'NO', today: TODAY })?.mode).toBe('cases');
    const before = Buffer.from(storedList(db)!.entries);
    // Written to right after the kept runs were read: the write that would follow is not made.
    db = await unlockChecked();
    const readStep = checkSteps + DAYS_AHEAD + 1;
    runSteps(() => updateCase(db, kase.id, { ...kase, at: AT, searchText: 'endret igjen' }), readStep);
    expect(Buffer.from(storedList(db)!.entries).equals(before)).toBe(true);
    expect(retries).toHaveLength(1);
    // Again a minute later, check and all: the days, the kept runs read in a step, the parts encoded
    // ten runs a step, the value finished, then written.
    retries.shift()?.();
    const ran = runSteps();
    const runs = decodeRuns(storedList(db)!.entries)!.length;
    expect(ran).toBe(readStep + 1 + Math.ceil(runs / size.entriesPerStep) + 2);
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toBeNull();
    for (const day of daysToKeep(TODAY)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    expect(computeDueList(db, { profile: 'NO', today: TODAY }).some((item) => item.caseId === gone)).toBe(false);
    stop();
    session.lock();
  });

  it('compares the kept list a range of entries per step, and finds an entry edited in any range', async () => {
    let now = AT;
    const session = await demoSession(30, { now: () => new Date(now) });
    const { stop, unlockAndKeep } = keeperOn(session, {
      now: () => now,
      steps: { casesPerStep: 7, entriesPerStep: 10 },
    });
    let { db } = await unlockAndKeep();
    // Kept with each day's merge and the encoding ten entries a step: every day reads as worked out.
    for (const day of daysToKeep(TODAY)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    const fresh = () => computeDueList(db, { profile: 'NO', today: TODAY, source: storedFactsSource });
    const entries = fresh().length;
    expect(entries).toBeGreaterThan(30);
    // Nothing changed: the kept list read, the spans, their merge, a range per step, the verdict, the plan.
    const again = await unlockAndKeep();
    db = again.db;
    const spans = caseSpans(db, 7).length;
    expect(again.ran).toBe(1 + spans + 1 + Math.ceil(entries / 10) + 1 + 1);
    expect(session.status().repairs).toBeUndefined();
    // The case of one entry changed by someone who edits the file: the last entry of the first range,
    // whose place in the list stays the same (the list is not ordered by case id). The list still
    // decodes and has as many entries.
    const kept = decodeRuns(storedList(db)!.entries)!;
    const list = fresh();
    const target = list[9]!;
    const other = list.find((item) => item.caseId !== target.caseId)!.caseId;
    const edited = kept.findIndex(
      (run) =>
        run.firstDay <= TODAY &&
        TODAY <= run.lastDay &&
        JSON.stringify([run.entry[0], run.entry[1], run.entry[2], run.entry[9], run.entry[11]]) ===
          JSON.stringify([
            target.caseId,
            target.kind,
            target.dueDate,
            target.documentId ?? null,
            target.actionId ?? null,
          ]),
    );
    expect(edited).toBeGreaterThanOrEqual(0);
    const entry = [...kept[edited]!.entry];
    entry[0] = other;
    kept[edited] = { ...kept[edited]!, entry };
    db.prepare('UPDATE due_list_store_state SET entries = ?').run([encodeRuns(kept)]);
    ({ db } = await unlockAndKeep());
    expect(session.status().repairs).toEqual(['keptDueList']);
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual(fresh());
    // An entry added that sorts after every other: the ranges of the list worked out all match, and
    // the kept list is still one entry too long.
    const keptNow = decodeRuns(storedList(db)!.entries)!;
    const today = keptNow.find((run) => run.firstDay <= TODAY && TODAY <= run.lastDay)!;
    const added = [...today.entry];
    added[2] = '2099-12-31';
    added[3] = 'upcoming';
    db.prepare('UPDATE due_list_store_state SET entries = ?').run([
      encodeRuns([...keptNow, { ...today, entry: added }]),
    ]);
    expect(computeDueList(session.current().db, { profile: 'NO', today: TODAY }).at(-1)?.dueDate).toBe('2099-12-31');
    ({ db } = await unlockAndKeep());
    expect(session.status().repairs).toEqual(['keptDueList']);
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual(fresh());
    // Two days later: the kept runs carried on in a step of their own, the new days added, all of it
    // encoded ten runs a step; every kept day reads as worked out.
    const later = addDays(TODAY, 2);
    expect(keepPlan(db, { profile: 'NO', today: later })?.mode).toBe('extend');
    now = `${later}T10:00:00.000Z`;
    ({ db } = await unlockAndKeep());
    expect(storedListState(db)).toMatchObject({ firstDay: later, lastDay: addDays(later, DAYS_AHEAD) });
    for (const day of daysToKeep(later)) {
      expectAsWorkedOut(db, day);
      expect(lastDueListOrigin(db)).toBe('store');
    }
    stop();
    session.lock();
  });
});

/** A live case that has due entries (worked out, not kept). */
function liveCaseOf(db: Db, profile: Profile = 'NO') {
  const id = computeDueList(db, { profile, today: TODAY, source: storedFactsSource })[0]?.caseId;
  const kase = id ? getCase(db, id) : null;
  if (!kase) throw new Error('no live case with due entries');
  return kase;
}
