import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate, MeetingContent, Profile } from '../../shared/domain';
import { generateDemo } from '../../main/demo/generate-demo';
import { refuseWrites, type Db } from '../../main/db/connection';
import { getCase, insertCase, softDeleteCase, updateCase } from '../../main/db/repositories/cases-repo';
import { recordDistribution } from '../../main/db/repositories/distributions-repo';
import { getVersion, listDocuments, saveVersion, softDeleteDocument } from '../../main/db/repositories/documents-repo';
import { setRetentionPeriod } from '../../main/db/repositories/retention-repo';
import { changedCaseIds, storedListMadeFor } from '../../main/db/repositories/due-list-store-repo';
import { computeDueList, type DueListEntry } from '../../main/services/due-list';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import { lastDueListOrigin, storeDueList } from '../../main/services/due-list-store';
import { VaultSession } from '../../main/vault/vault-session';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

/**
 * Issue 15: the whole-vault due list kept in the vault (migration 0018, due-list-store.ts). A later
 * unlock the same day reads it; whatever was written since, the list read equals the list worked out
 * from the facts and from the documents themselves.
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

const storedCount = (db: Db) => db.prepare('SELECT count(*) FROM due_list_store', { pluck: true }).get() as number;

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

function expectReadFromStore(db: Db, profile: Profile): DueListEntry[] {
  const { read, origin, facts, documents } = threeWays(db, profile);
  expect(origin).toBe('store');
  expect(read).toEqual(facts);
  expect(read).toEqual(documents);
  return read;
}

/** Unlocks again, waits for the integrity check and for the list to be kept after it. */
async function unlockAndSettle(s: ServiceApp): Promise<Db> {
  s.app.session.lock();
  await s.app.session.unlock(PASSPHRASE);
  await s.app.session.settledHealth();
  await new Promise((resolve) => setImmediate(resolve));
  return s.app.session.current().db;
}

describe.each(['NO', 'DK'] as const)('the kept due list of a %s vault', (profile) => {
  let s: ServiceApp;
  let db: Db;
  beforeAll(async () => {
    s = await apps.make(profile, AT);
    generateDemo(s.app.session.current().db, { profile, today: TODAY, cases: CASES });
    db = await unlockAndSettle(s);
  }, 120_000);

  it('is kept once the integrity check has passed, and read at the next unlock the same day', async () => {
    expect(s.app.session.healthState()).toEqual({ state: 'passed' });
    expect(storedListMadeFor(db)).toContain(TODAY);
    expect(storedCount(db)).toBeGreaterThan(20);
    expect(changedCaseIds(db)).toEqual([]);
    db = await unlockAndSettle(s);
    const read = expectReadFromStore(db, profile);
    expect(read.length).toBe(storedCount(db));
  });

  it('equals the list worked out after every kind of change, reading only the changed cases afresh', async () => {
    db = await unlockAndSettle(s);
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
      if (JSON.stringify(read) !== JSON.stringify(before)) differed += 1;
      before = read;
    }
    // The changes reach the list: a store that ignored them would give the old list each time. A DK list
    // holds courses and retention only, so the meeting, plan and concern changes leave it as it was.
    expect(differed).toBeGreaterThanOrEqual(profile === 'NO' ? 6 : 2);
    // Kept again at the next pass: the changed cases are worked into the stored list.
    db = await unlockAndSettle(s);
    expect(changedCaseIds(db)).toEqual([]);
    expectReadFromStore(db, profile);
  });

  it('is not read for another day, another time zone or other settings', async () => {
    db = await unlockAndSettle(s);
    const other = threeWays(db, profile, '2026-03-16');
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
    db = await unlockAndSettle(s);
    expect(storedCount(db)).toBeGreaterThan(0);
    db.prepare(
      'UPDATE due_list_store SET entry = \'{"kind":1}\' WHERE rowid = (SELECT max(rowid) FROM due_list_store)',
    ).run();
    db.prepare(
      "UPDATE due_list_store SET entry = 'not json' WHERE rowid = (SELECT min(rowid) FROM due_list_store)",
    ).run();
    const { read, origin, documents } = threeWays(db, profile);
    expect(origin).toBe('worked-out');
    expect(read).toEqual(documents);
    // Made for today all the same: the next pass writes it again, and the unlock after reads it.
    db = await unlockAndSettle(s);
    expectReadFromStore(db, profile);
  });

  it('keeps nothing of a purged case', async () => {
    db = await unlockAndSettle(s);
    const kase = liveCase(db, 7);
    const { count } = db.prepare('SELECT count(*) AS count FROM due_list_store WHERE case_id = ?').get([kase.id]) as {
      count: number;
    };
    expect(count).toBeGreaterThan(0);
    await s.call('cases.purge', { caseId: kase.id, confirmReference: kase.reference, reason: 'registered_in_error' });
    const left = db
      .prepare(
        'SELECT (SELECT count(*) FROM due_list_store WHERE case_id = ? OR instr(entry, ?) > 0) + (SELECT count(*) FROM due_list_changed WHERE case_id = ?)',
        { pluck: true },
      )
      .get([kase.id, kase.reference, kase.id]);
    expect(left).toBe(0);
    expectReadFromStore(db, profile);
  });
});

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
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, list)).toBe(false);
    expect(storedListMadeFor(db)).toBeNull();
    expect(storedCount(db)).toBe(0);
    session.lock();
  });

  it('only for the whole vault with the default settings', async () => {
    const dir = dirs.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    generateDemo(session.current().db, { profile: 'NO', today: TODAY, cases: 10 });
    const db = session.current().db;
    const list = computeDueList(db, { profile: 'NO', today: TODAY });
    const caseId = list[0]?.caseId;
    expect(storeDueList(db, { profile: 'NO', today: TODAY, caseId }, list)).toBe(false);
    expect(storeDueList(db, { profile: 'NO', today: TODAY, horizonDays: 30 }, list)).toBe(false);
    expect(storeDueList(db, { profile: 'NO', today: TODAY, releaseMeetingLeadDays: 10 }, list)).toBe(false);
    expect(storedListMadeFor(db)).toBeNull();
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, list)).toBe(true);
    // Already current: not written again.
    expect(storeDueList(db, { profile: 'NO', today: TODAY }, list)).toBe(false);
    session.lock();
  });
});

function liveCase(db: Db, index: number) {
  const ids = db
    .prepare(
      `SELECT DISTINCT s.case_id FROM due_list_store s JOIN cases c ON c.id = s.case_id
       WHERE c.deleted_at IS NULL ORDER BY s.case_id`,
      { pluck: true },
    )
    .all() as string[];
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
