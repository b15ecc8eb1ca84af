import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate, MeetingContent, Profile } from '../../shared/domain';
import { generateDemo } from '../../main/demo/generate-demo';
import { type Db } from '../../main/db/connection';
import { getCase, insertCase, softDeleteCase, updateCase } from '../../main/db/repositories/cases-repo';
import { recordDistribution } from '../../main/db/repositories/distributions-repo';
import { getVersion, listDocuments, saveVersion, softDeleteDocument } from '../../main/db/repositories/documents-repo';
import { setRetentionPeriod } from '../../main/db/repositories/retention-repo';
import {
  changedCaseIds,
  storedList,
  storedListMadeFor,
  storedListState,
} from '../../main/db/repositories/due-list-store-repo';
import { decodeRuns, encodeRuns } from '../../main/services/due-list-kept-codec';
import { computeDueList, type DueListEntry } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import { DAYS_AHEAD, daysToKeep, keepPlan, lastDueListOrigin } from '../../main/services/due-list-store';
import { addDays } from '../../shared/domain';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Issue 15: the whole-vault due list kept in the vault for today and the next days (migrations 0018
 * and 0019, due-list-store.ts). A later unlock on one of those days reads it; whatever was written
 * since, the list read equals the list worked out from the facts and from the documents themselves.
 */

const apps = serviceApps();
const dirs = tempDirs('bro-due-store-');
afterAll(() => {
  apps.cleanup();
  dirs.cleanup();
});

const CASES = 120;
const TODAY: IsoDate = '2026-03-15';
const AT = `${TODAY}T10:00:00.000Z`;

/** The kept runs (an entry with the days it is listed on), as the store decodes them. */
function keptRuns(db: Db) {
  const list = storedList(db);
  return (list && decodeRuns(list.entries)) ?? [];
}
const storedCount = (db: Db) => keptRuns(db).length;

/** The list as the app reads it, and as worked out afresh from the stored facts and from the documents. */
function threeWays(db: Db, profile: Profile, today: IsoDate = TODAY) {
  const read = computeDueList(db, { profile, today });
  return {
    read,
    origin: lastDueListOrigin(db),
    facts: computeDueList(db, { profile, today, source: storedFactsSource }),
    documents: computeDueList(db, { profile, today, source: documentFactsSource }),
  };
}

function expectReadFromStore(db: Db, profile: Profile, today: IsoDate = TODAY): DueListEntry[] {
  const { read, origin, facts, documents } = threeWays(db, profile, today);
  expect(origin).toBe('store');
  expect(read).toEqual(facts);
  expect(read).toEqual(documents);
  return read;
}

/**
 * Unlocks again, waits for the integrity check and for the keeping after it: one step per kept day,
 * each scheduled after the last (setImmediate), so a few turns of the event loop at most.
 */
async function unlockAndSettle(s: ServiceApp, profile: Profile): Promise<Db> {
  s.app.session.lock();
  await s.app.session.unlock(PASSPHRASE);
  await s.app.session.settledHealth();
  const db = s.app.session.current().db;
  for (let turn = 0; turn < 20 && keepPlan(db, { profile, today: TODAY }) !== null; turn += 1)
    await new Promise((resolve) => setImmediate(resolve));
  return db;
}

describe.each(['NO', 'DK'] as const)('the kept due list of a %s vault', (profile) => {
  let s: ServiceApp;
  let db: Db;
  beforeAll(async () => {
    s = await apps.make(profile, AT);
    generateDemo(s.app.session.current().db, { profile, today: TODAY, cases: CASES });
    db = await unlockAndSettle(s, profile);
  }, 120_000);

  it('is kept once the integrity check has passed, and read at the next unlock the same day', async () => {
    expect(s.app.session.healthState()).toEqual({ state: 'passed' });
    expect(storedListState(db)).toMatchObject({ firstDay: TODAY, lastDay: addDays(TODAY, DAYS_AHEAD) });
    expect(storedCount(db)).toBeGreaterThan(20);
    expect(changedCaseIds(db)).toEqual([]);
    db = await unlockAndSettle(s, profile);
    expectReadFromStore(db, profile);
  });

  it('is read on each of the next days it was kept for, equal to the list worked out that day', async () => {
    db = await unlockAndSettle(s, profile);
    const lists = new Set<string>();
    for (const day of daysToKeep(TODAY)) lists.add(JSON.stringify(expectReadFromStore(db, profile, day)));
    // The days differ (items come into the horizon, statuses change), so each day's list is its own.
    expect(lists.size).toBeGreaterThan(1);
    // An entry listed alike on several days is kept once.
    const listed = daysToKeep(TODAY).reduce((sum, day) => sum + computeDueList(db, { profile, today: day }).length, 0);
    expect(storedCount(db)).toBeLessThan(listed / 2);
    const after = threeWays(db, profile, addDays(TODAY, DAYS_AHEAD + 1));
    expect(after.origin).toBe('worked-out');
    expect(after.read).toEqual(after.documents);
  });

  it('equals the list worked out after every kind of change, reading only the changed cases afresh', async () => {
    db = await unlockAndSettle(s, profile);
    const at = `${TODAY}T11:00:00.000Z`;
    const changes: (() => void)[] = [
      () => resaveFirst(db, 'meeting', at, (c) => ({ ...c, actions: [], nextMeeting: { date: '2026-03-20' } })),
      () => resaveFirst(db, 'follow_up_plan', at, (c) => c, 'final'),
      () => {
        const plan = listDocuments(db, { kind: 'follow_up_plan' })[1];
        if (plan)
          recordDistribution(db, {
            documentId: plan.id,
            version: plan.currentVersion,
            recipient: 'kdi',
            sentOn: TODAY,
            format: 'pdf',
            fileSha256: null,
            recordedAt: at,
          });
      },
      () => resaveFirst(db, 'mentor_course', at, (c) => ({ ...c, startDate: '2026-01-05' })),
      () => {
        const concern = listDocuments(db, { kind: 'concern' })[0];
        if (concern) softDeleteDocument(db, concern.id, 'feil sak', at);
      },
      () => {
        const kase = liveCase(db, 3);
        updateCase(db, kase.id, { ...kase, status: 'loslatt', expectedRelease: '2026-03-20', at, searchText: 'x' });
      },
      () => {
        const kase = liveCase(db, 4);
        updateCase(db, kase.id, { ...kase, reference: `${kase.reference}-NY`, at, searchText: 'x' });
      },
      () => softDeleteCase(db, liveCase(db, 5).id, 'registrert ved en feil', at),
      () =>
        insertCase(db, {
          reference: 'LAGRET-LISTE-1',
          unit: 'Fiktivby fengsel',
          status: 'fengsel',
          grading: 'BEGRENSET',
          expectedRelease: '2026-04-01',
          data: { name: 'Kari Testkvinne', arrivalDate: TODAY },
          at,
          searchText: 'LAGRET-LISTE-1',
        }),
    ];
    let before = computeDueList(db, { profile, today: TODAY });
    let differed = 0;
    for (const change of changes) {
      change();
      expect(changedCaseIds(db).length).toBeLessThan(10);
      const read = expectReadFromStore(db, profile);
      // A later kept day reads the change too.
      expectReadFromStore(db, profile, addDays(TODAY, 2));
      if (JSON.stringify(read) !== JSON.stringify(before)) differed += 1;
      before = read;
    }
    // The changes reach the list: a store that ignored them would give the old list each time. A DK list
    // holds courses and retention only, so the meeting, plan and concern changes leave it as it was.
    expect(differed).toBeGreaterThanOrEqual(profile === 'NO' ? 6 : 2);
    // Kept again at the next pass: the changed cases only are worked into the kept list, for every day.
    const changed = new Set(changedCaseIds(db));
    const others = keptRuns(db).filter((run) => !changed.has(run.entry[0] as string));
    db = await unlockAndSettle(s, profile);
    expect(changedCaseIds(db)).toEqual([]);
    expect(keptRuns(db).slice(0, others.length)).toEqual(others);
    for (const day of daysToKeep(TODAY)) expectReadFromStore(db, profile, day);
  });

  it('is not read for a day it was not kept for, another time zone or other settings', async () => {
    db = await unlockAndSettle(s, profile);
    const other = threeWays(db, profile, addDays(TODAY, -1));
    expect(other.origin).toBe('worked-out');
    expect(other.read).toEqual(other.documents);
    computeDueList(db, { profile, today: TODAY, timeZone: 'Pacific/Auckland' });
    expect(lastDueListOrigin(db)).toBe('worked-out');
    setRetentionPeriod(db, { kind: 'case', years: 7, basis: 'Lokal praksis (fiktiv)', updatedAt: AT });
    expect(storedListMadeFor(db)).toBeNull();
    const settings = threeWays(db, profile);
    expect(settings.origin).toBe('worked-out');
    expect(settings.read).toEqual(settings.documents);
  });

  it('is worked out afresh when a stored entry does not read back as one', async () => {
    db = await unlockAndSettle(s, profile);
    const runs = keptRuns(db);
    expect(runs.length).toBeGreaterThan(2);
    const kept = storedList(db)?.entries ?? new Uint8Array();
    // The first run changed in one field (it is listed today: the list of every kept day starts so).
    const withField = (field: number, value: unknown) => {
      const entry = [...runs[0]!.entry];
      entry[field] = value;
      return encodeRuns([{ ...runs[0]!, entry }, ...runs.slice(1)]);
    };
    // A value laid out as the codec lays it out: the JSON's length, the JSON, padding, the columns.
    const laidOut = (header: unknown, columns: number[], length?: number) => {
      const json = Buffer.from(JSON.stringify(header));
      const start = Math.ceil((4 + json.length) / 4) * 4;
      const bytes = Buffer.alloc(start + columns.length * 4);
      bytes.writeUInt32LE(length ?? json.length, 0);
      json.copy(bytes, 4);
      columns.forEach((column, i) => bytes.writeInt32LE(column, start + i * 4));
      return new Uint8Array(deflateRawSync(bytes));
    };
    const spoilt: { what: string; entries: Uint8Array<ArrayBuffer> }[] = [
      { what: 'a status that is none', entries: withField(3, 'later') },
      { what: 'a provision not kept', entries: withField(4, 999) },
      { what: 'details that are no object', entries: withField(6, ['dueDate']) },
      { what: 'a text not in the dictionary', entries: laidOut({ texts: [], params: [{}] }, Array(14).fill(0)) },
      { what: 'a run cut short', entries: laidOut({ texts: ['x'], params: [{}] }, Array(13).fill(0)) },
      { what: 'texts that are not texts', entries: laidOut({ texts: [1], params: [{}] }, []) },
      { what: 'a header that is no object', entries: laidOut([], []) },
      { what: 'a header longer than the value', entries: laidOut({ texts: [], params: [] }, [], 1 << 20) },
      { what: 'bytes that do not inflate', entries: Uint8Array.from([0xff, 0x00, 0x13, 0x37]) },
      { what: 'a value cut short', entries: kept.slice(0, Math.floor(kept.length / 2)) },
    ];
    for (const { what, entries } of spoilt) {
      db.prepare('UPDATE due_list_store_state SET entries = ?').run([entries]);
      const { read, origin, documents } = threeWays(db, profile);
      expect({ what, origin }).toEqual({ what, origin: 'worked-out' });
      expect(read).toEqual(documents);
    }
    // Made for today all the same: the next pass writes it again, and the unlock after reads it.
    db = await unlockAndSettle(s, profile);
    expectReadFromStore(db, profile);
  });

  it("is read in the list's order even when its runs were kept in another", async () => {
    db = await unlockAndSettle(s, profile);
    const runs = keptRuns(db);
    db.prepare('UPDATE due_list_store_state SET entries = ?').run([encodeRuns([...runs].reverse())]);
    expectReadFromStore(db, profile);
    expectReadFromStore(db, profile, addDays(TODAY, 2));
  });

  it('keeps nothing of a purged case', async () => {
    db = await unlockAndSettle(s, profile);
    const kase = liveCase(db, 7);
    expect(keptRuns(db).filter((run) => run.entry[0] === kase.id).length).toBeGreaterThan(0);
    // An open case is deleted, with its reason, before it is purged.
    await s.call('cases.delete', { id: kase.id, reason: 'Registrert ved en feil' });
    await s.call('cases.purge', { caseId: kase.id, confirmReference: kase.reference, reason: 'registered_in_error' });
    // The kept list held the case's entries: it goes whole, with the case's mark.
    const marks = db.prepare('SELECT count(*) FROM due_list_changed WHERE case_id = ?', { pluck: true }).get([kase.id]);
    expect({ kept: storedListState(db), marks }).toEqual({ kept: null, marks: 0 });
    const { read, origin, documents } = threeWays(db, profile);
    expect(origin).toBe('worked-out');
    expect(read).toEqual(documents);
    expect(JSON.stringify(read)).not.toContain(kase.reference);
    db = await unlockAndSettle(s, profile);
    expect(keptRuns(db).some((run) => JSON.stringify(run).includes(kase.reference))).toBe(false);
    expectReadFromStore(db, profile);
  });
});

function liveCase(db: Db, index: number) {
  const ids = [...new Set(keptRuns(db).map((run) => String(run.entry[0])))].sort();
  const id = ids[index] ?? ids[0];
  const kase = id ? getCase(db, id) : null;
  if (!kase) throw new Error('no live case with due entries');
  return kase;
}

/** A new version of the first live document of `kind`, its content changed by `change`. */
function resaveFirst(
  db: Db,
  kind: 'meeting' | 'follow_up_plan' | 'mentor_course',
  at: string,
  change: (content: MeetingContent & Record<string, unknown>) => object,
  status: 'draft' | 'final' = 'draft',
): void {
  const doc = listDocuments(db, { kind }).find((d) => d.caseId && !d.deletedAt);
  if (!doc) return;
  const content = getVersion(db, doc.id, doc.currentVersion)?.content as MeetingContent & Record<string, unknown>;
  saveVersion(db, {
    documentId: doc.id,
    caseId: doc.caseId ?? '',
    kind,
    content: change(content) as never,
    grading: doc.grading,
    status,
    author: 'user-test',
    at,
    searchTitle: 'Endret',
  });
}
