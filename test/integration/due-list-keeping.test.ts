import { afterAll, describe, expect, it } from 'vitest';
import type { IsoDate, Profile } from '../../shared/domain';
import { generateDemo } from '../../main/demo/generate-demo';
import { refuseWrites, type Db } from '../../main/db/connection';
import { getCase, updateCase } from '../../main/db/repositories/cases-repo';
import {
  changedCaseIds,
  storedList,
  storedListMadeFor,
  storedListState,
} from '../../main/db/repositories/due-list-store-repo';
import { decodeRuns } from '../../main/services/due-list-kept-codec';
import { computeDueList } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import {
  DAYS_AHEAD,
  daysToKeep,
  keepPlan,
  lastDueListOrigin,
  storeDueList,
  storeDueRuns,
} from '../../main/services/due-list-store';
import { keepDueListWhenChecked } from '../../main/services/due-list-keep';
import { DueRuns } from '../../main/services/due-list-runs';
import { CitationIndex } from '../../main/services/due-list-packing';
import { addDays } from '../../shared/domain';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
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

/** The lists of the days a list kept on `today` covers, worked out. */
const listsFor = (db: Db, profile: Profile, today: IsoDate = TODAY) =>
  daysToKeep(today).map((day) => computeDueList(db, { profile, today: day }));

describe('when the kept due list is written', () => {
  it('not without a passed integrity check, and never to a vault whose writes are refused', async () => {
    const dir = dirs.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    generateDemo(session.current().db, { profile: 'NO', today: TODAY, cases: 20 });
    session.lock();
    await session.unlock(PASSPHRASE);
    const db = session.current().db;
    const list = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(list.length).toBeGreaterThan(0);
    // No check ran (turned off), so nothing kept it; the function itself refuses a damaged vault.
    expect(storedListMadeFor(db)).toBeNull();
    refuseWrites(db, 'quick_check');
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toBeNull();
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, listsFor(db, 'NO'))).toBe(false);
    expect(storedListMadeFor(db)).toBeNull();
    expect(storedCount(db)).toBe(0);
    session.lock();
  });

  it('in steps, one day each; written to between them, not at all but again a minute later', async () => {
    const dir = dirs.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    await session.create('NO', PASSPHRASE);
    generateDemo(session.current().db, { profile: 'NO', today: TODAY, cases: 20 });
    const steps: (() => void)[] = [];
    const retries: (() => void)[] = [];
    const stop = keepDueListWhenChecked(
      { session, now: () => new Date(AT) },
      (run) => steps.push(run),
      (run) => retries.push(run),
    );
    const unlockChecked = async () => {
      session.lock();
      await session.unlock(PASSPHRASE);
      await session.settledHealth();
      return session.current().db;
    };
    let db = await unlockChecked();
    const runSteps = (between?: () => void) => {
      let ran = 0;
      for (let step = steps.shift(); step; step = steps.shift()) {
        step();
        ran += 1;
        if (ran === 2) between?.();
      }
      return ran;
    };
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
      expect(computeDueList(db, { profile: 'NO', today: day })).toEqual(
        computeDueList(db, { profile: 'NO', today: day, source: documentFactsSource }),
      );
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
    const dir = dirs.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    generateDemo(session.current().db, { profile: 'NO', today: TODAY, cases: 10 });
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
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toEqual({ cases: null, citations: [] });
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, lists)).toBe(true);
    // Changed cases' runs built on other citations than the kept ones: their indexes would name others.
    const elsewhere = new DueRuns(new CitationIndex([{ provision: 'fiktiv § 1' }]));
    daysToKeep(TODAY).forEach((day, i) => elsewhere.add(day, lists[i] ?? []));
    expect(storeDueRuns(db, { profile: 'NO', today: TODAY }, elsewhere, caseId ? [caseId] : [])).toBe(false);
    // Kept and current: nothing to keep, today or on the next days; the day after them, all again.
    expect(keepPlan(db, { profile: 'NO', today: TODAY })).toBeNull();
    expect(keepPlan(db, { profile: 'NO', today: addDays(TODAY, 1) })).toEqual({ cases: null, citations: [] });
    session.lock();
  });
});

/** A live case that has due entries (worked out, not kept). */
function liveCaseOf(db: Db) {
  const id = computeDueList(db, { profile: 'NO', today: TODAY, source: storedFactsSource })[0]?.caseId;
  const kase = id ? getCase(db, id) : null;
  if (!kase) throw new Error('no live case with due entries');
  return kase;
}
