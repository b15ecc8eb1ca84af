import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConcernContent, FollowUpPlanContent, IsoDate, MeetingContent, Profile } from '../../shared/domain';
import { generateDemo } from '../../main/demo/generate-demo';
import type { Db } from '../../main/db/connection';
import { insertCase, softDeleteCase, updateCase, getCase } from '../../main/db/repositories/cases-repo';
import { recordDistribution } from '../../main/db/repositories/distributions-repo';
import {
  getVersion,
  listDocuments,
  saveVersion,
  softDeleteDocument,
  type DocumentRecord,
} from '../../main/db/repositories/documents-repo';
import { dueFactsMismatches, rebuildDueFacts } from '../../main/db/repositories/due-facts-repo';
import { computeDueList, type DueListOptions } from '../../main/services/due-list';
import { checkDueFacts, repairDueFacts } from '../../main/services/due-facts-check';
import { documentFactsSource, type DueFactsSource } from '../../main/services/due-list-facts';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { VaultSession } from '../../main/vault/vault-session';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Issue 15 item 2: the due list read from the stored facts equals the due list worked out from the
 * documents themselves, on demo vaults of both profiles, on several days (across midnight and both
 * DST changes), and after every kind of change a vault sees.
 */

const apps = serviceApps();
const dirs = tempDirs('bro-due-facts-');
afterAll(() => {
  apps.cleanup();
  dirs.cleanup();
});
const FAST_KDF = { logN: 10, r: 8, p: 1 };

const CASES = 240;
const DEMO_TODAY = '2026-03-15';
/** Ordinary days, the days before and after both 2026 DST changes in Europe, and a new year. */
const DAYS: IsoDate[] = [
  '2026-03-15',
  '2026-03-28',
  '2026-03-29',
  '2026-10-25',
  '2026-10-26',
  '2026-12-31',
  '2027-01-01',
];
const ZONES = ['Europe/Oslo', 'Europe/Copenhagen'];

function bothWays(db: Db, options: Omit<DueListOptions, 'source'>) {
  return {
    stored: computeDueList(db, options),
    documents: computeDueList(db, { ...options, source: documentFactsSource }),
  };
}

/** The facts each source gives per document (a course's worked-out items, a cache, left out). */
function factsBySource(db: Db, source: DueFactsSource) {
  const plain = <T extends object>(rows: { doc: { documentId: string }; facts: T }[]) =>
    Object.fromEntries(
      rows.map(({ doc, facts }) => {
        const { computed: _computed, ...rest } = facts as T & { computed?: unknown };
        return [doc.documentId, rest];
      }),
    );
  return {
    meetings: plain(source.meetings(db, null)),
    courses: plain(source.courses(db, null)),
    plans: source.plans(db, null).sort((a, b) => a.documentId.localeCompare(b.documentId)),
    concerns: source.concerns(db, null).sort((a, b) => a.documentId.localeCompare(b.documentId)),
    // Issue 13: the NO case events and the DK course's responsible person (migration 0015).
    cases: source.cases(db, null).sort((a, b) => a.caseId.localeCompare(b.caseId)),
    noCourses: source.noCourses(db, null).sort((a, b) => a.doc.documentId.localeCompare(b.doc.documentId)),
    visitRoutines: source.casesHolding(db, 'visit_routine', null),
    futurePlans: source.casesHolding(db, 'future_plan', null),
    agencyProblems: source
      .agencyProblems(db, null)
      .sort((a, b) => a.documentId.localeCompare(b.documentId) || a.notedOn.localeCompare(b.notedOn)),
  };
}

/** The kinds migration 0015's facts feed (NO pkt 9, 10, 11, 12, 13.4, 13.7). */
const CASE_EVENT_KINDS = [
  'no_agency_problem_report',
  'no_arrival_meeting',
  'no_cooperation_meeting',
  'no_future_plan',
  'no_municipality_contact',
  'no_visit_routine',
];

/** Compares both ways on every day and zone; returns how many items were compared and their kinds. */
function expectSame(
  db: Db,
  profile: Profile,
  days: readonly IsoDate[] = DAYS,
): { compared: number; kinds: Set<string> } {
  expect(factsBySource(db, storedFactsSource)).toEqual(factsBySource(db, documentFactsSource));
  let compared = 0;
  const kinds = new Set<string>();
  for (const today of days) {
    for (const timeZone of ZONES) {
      const { stored, documents } = bothWays(db, { profile, today, timeZone });
      expect(stored).toEqual(documents);
      compared += stored.length;
      for (const item of stored) kinds.add(item.kind);
    }
  }
  return { compared, kinds };
}

async function demoApp(profile: Profile): Promise<{ s: ServiceApp; db: Db }> {
  const s = await apps.make(profile, `${DEMO_TODAY}T10:00:00.000Z`);
  const db = s.app.session.current().db;
  generateDemo(db, { profile, today: DEMO_TODAY, cases: CASES });
  return { s, db };
}

describe.each(['NO', 'DK'] as const)('due facts in a %s demo vault', (profile) => {
  let s: ServiceApp;
  let db: Db;
  beforeAll(async () => {
    ({ s, db } = await demoApp(profile));
  }, 120_000);

  it('give the same due list as the documents on every day tried, for the vault and for single cases', () => {
    expect(dueFactsMismatches(db)).toEqual([]);
    const { compared, kinds } = expectSame(db, profile);
    expect(compared).toBeGreaterThan(100);
    // The NO demo exercises every case event; a DK vault shows none of them.
    const events = CASE_EVENT_KINDS.filter((kind) => kinds.has(kind));
    expect(events).toEqual(profile === 'NO' ? CASE_EVENT_KINDS : []);
    expect(kinds.has('no_infoflyt_request')).toBe(profile === 'NO');
    if (profile === 'DK')
      expect(computeDueList(db, { profile, today: DEMO_TODAY }).some((i) => i.params.responsible !== undefined)).toBe(
        true,
      );
    const someCases = listDocuments(db, { kind: 'mentor_course' })
      .slice(0, 5)
      .map((doc) => doc.caseId);
    for (const caseId of someCases) {
      const { stored, documents } = bothWays(db, { profile, today: '2026-06-01', caseId: caseId ?? undefined });
      expect(stored).toEqual(documents);
    }
  });

  it('stay equal after new versions, finalising, distribution, deleting documents and cases, and a purge', async () => {
    const at = '2026-03-15T22:30:00.000Z'; // after midnight in Oslo and Copenhagen: a different local day
    const meetings = listDocuments(db, { kind: 'meeting' }).slice(0, 6);
    for (const [i, doc] of meetings.entries()) {
      const current = getVersion(db, doc.id, doc.currentVersion);
      const content = current?.content as MeetingContent;
      const actions = content.actions.map((a, j) => ({ ...a, status: j % 2 === i % 2 ? ('done' as const) : a.status }));
      saveVersion(db, {
        documentId: doc.id,
        caseId: doc.caseId ?? '',
        kind: 'meeting',
        content: { ...content, actions, nextMeeting: { ...content.nextMeeting, date: '2026-03-20' } },
        grading: doc.grading,
        status: i % 3 === 0 ? 'final' : 'draft',
        author: 'user-test',
        at,
        searchTitle: 'Møte',
      });
    }
    // Finalising a draft as it stands: the same content, only the version's status changes.
    const drafts = listDocuments(db, { kind: 'meeting' }).filter((doc) => doc.status === 'draft');
    for (const doc of drafts.slice(0, 4)) {
      saveVersion(db, {
        documentId: doc.id,
        caseId: doc.caseId ?? '',
        kind: 'meeting',
        content: getVersion(db, doc.id, doc.currentVersion)?.content as MeetingContent,
        grading: doc.grading,
        status: 'final',
        author: 'user-test',
        at,
        searchTitle: 'Møte',
      });
    }
    const plans = listDocuments(db, { kind: 'follow_up_plan' }).slice(0, 4);
    for (const plan of plans) {
      const current = getVersion(db, plan.id, plan.currentVersion);
      saveVersion(db, {
        documentId: plan.id,
        caseId: plan.caseId ?? '',
        kind: 'follow_up_plan',
        content: current?.content as never,
        grading: plan.grading,
        status: 'final',
        author: 'user-test',
        at,
        searchTitle: 'Plan',
      });
    }
    const [sent] = plans;
    if (sent)
      recordDistribution(db, {
        documentId: sent.id,
        version: sent.currentVersion + 1,
        recipient: 'kdi',
        sentOn: '2026-03-16',
        format: 'pdf',
        fileSha256: null,
        recordedAt: at,
      });
    const concerns = listDocuments(db, { kind: 'concern' });
    if (concerns[0]) softDeleteDocument(db, concerns[0].id, 'feil sak', at);
    const courses = listDocuments(db, { kind: 'mentor_course' });
    if (courses[0]?.caseId) softDeleteCase(db, courses[0].caseId, 'registrert ved en feil', at);
    const released = getCase(db, meetings[1]?.caseId ?? '');
    if (released)
      updateCase(db, released.id, {
        reference: released.reference,
        data: released.data,
        unit: released.unit,
        status: 'loslatt',
        grading: released.grading,
        expectedRelease: released.expectedRelease,
        at,
        searchText: released.reference,
      });
    const purged = getCase(db, meetings[2]?.caseId ?? '');
    if (purged) {
      // An open case is deleted, with its reason, before it is purged.
      await s.call('cases.delete', { id: purged.id, reason: 'Registrert ved en feil' });
      await s.call('cases.purge', {
        caseId: purged.id,
        confirmReference: purged.reference,
        reason: 'registered_in_error',
      });
    }
    changeCaseEvents(db, at);
    expect(dueFactsMismatches(db)).toEqual([]);
    expectSame(db, profile, ['2026-03-15', '2026-03-16', '2026-03-29']);
  });
});

/** A new version of a document with its content changed by `change`. */
function resave(
  db: Db,
  doc: DocumentRecord,
  change: (content: Record<string, unknown>) => object,
  at: string,
  status: 'draft' | 'final' = 'draft',
) {
  const content = getVersion(db, doc.id, doc.currentVersion)?.content as Record<string, unknown>;
  saveVersion(db, {
    documentId: doc.id,
    caseId: doc.caseId ?? '',
    kind: doc.kind as never,
    content: change(content) as never,
    grading: doc.grading,
    status,
    author: 'user-test',
    at,
    searchTitle: 'Endret',
  });
}

/**
 * Issue 13's facts change: arrival dates, agency problems, visit routines, future plans, NO and DK
 * courses; and NO pkt 7's: a case records its Infoflyt request, a concern finalised again no longer finds
 * registration needed, and one that did not now does.
 */
function changeCaseEvents(db: Db, at: string): void {
  const live = listDocuments(db, {}).filter((doc) => doc.caseId && !doc.deletedAt);
  const cases = [...new Set(live.map((doc) => doc.caseId ?? ''))].slice(0, 2);
  for (const [i, caseId] of cases.entries()) {
    const kase = getCase(db, caseId);
    if (!kase) continue;
    const { arrivalDate: _old, ...rest } = kase.data as { arrivalDate?: string };
    const data = i === 0 ? { ...rest, arrivalDate: '2026-03-16' } : rest;
    updateCase(db, caseId, { ...kase, data, at, searchText: kase.reference });
  }
  const ofKind = (kind: string) => live.filter((doc) => doc.kind === kind);
  const [problemPlan, newProblemPlan] = ofKind('follow_up_plan').filter((doc) => {
    const problems = (getVersion(db, doc.id, doc.currentVersion)?.content as FollowUpPlanContent).agencyProblems;
    return (problems ?? []).some((p) => !p.reportedToKdiOn);
  });
  if (problemPlan) resave(db, problemPlan, (c) => ({ ...c, agencyProblems: [] }), at);
  if (newProblemPlan) {
    const problem = { notedOn: '2026-03-16', agency: 'NAV Fiktivby', description: 'Ny utfordring.' };
    resave(db, newProblemPlan, (c) => ({ ...c, agencyProblems: [problem] }), at);
  }
  for (const kind of ['visit_routine', 'future_plan']) {
    const [first] = ofKind(kind);
    if (first) softDeleteDocument(db, first.id, 'feil sak', at);
  }
  const courses = ofKind('mentor_course');
  for (const [i, course] of courses.slice(0, 3).entries())
    resave(
      db,
      course,
      (c) =>
        c.variant === 'NO'
          ? {
              ...c,
              cooperationMeetings: [...(c.cooperationMeetings as object[]), { date: '2026-03-16', notes: '' }],
              municipalityHandover: { ...(c.municipalityHandover as object), contactedOn: '2026-03-16' },
              ...(i === 2 ? { end: { ...(c.end as object), endDate: '2026-03-16' } } : {}),
            }
          : { ...c, responsiblePerson: i === 0 ? '' : 'Ny Ansvarlig' },
      at,
    );
  const infoflytStance = (doc: DocumentRecord) =>
    (getVersion(db, doc.id, doc.currentVersion)?.content as ConcernContent).positions.infoflytRegistration.stance;
  const needed = ofKind('concern').filter((doc) => doc.status === 'final' && infoflytStance(doc) === 'needed');
  const [requested, notNeeded] = needed;
  const kase = requested?.caseId ? getCase(db, requested.caseId) : null;
  if (kase) {
    const data = {
      ...(kase.data as object),
      infoflyt: { status: 'requested', requestSentOn: '2026-03-16', requestReason: 'Kap. 1B.' },
    };
    updateCase(db, kase.id, { ...kase, data, at, searchText: kase.reference });
  }
  const position = (stance: string) => (c: Record<string, unknown>) => {
    const positions = c.positions as ConcernContent['positions'];
    return { ...c, positions: { ...positions, infoflytRegistration: { stance, assessment: 'Vurdert på nytt.' } } };
  };
  if (notNeeded) resave(db, notNeeded, position('not_needed'), at, 'final');
  const [nowNeeded] = ofKind('concern').filter((doc) => doc.status === 'final' && infoflytStance(doc) !== 'needed');
  if (nowNeeded) resave(db, nowNeeded, position('needed'), at, 'final');
}

/**
 * The repositories write the search index of migration 0016 (label, text and version columns). A vault
 * made at an older version to test a due-facts migration gets, while the demo is written, a search table
 * with those columns, and after it an empty one of the old shape for the migrations to move. The due
 * facts are what these tests are about, not the search.
 */
function searchWritableByToday(db: Db): void {
  db.exec(`DROP TABLE search_index;
    CREATE VIRTUAL TABLE search_index USING fts5 (object_type UNINDEXED, object_id UNINDEXED, case_id UNINDEXED,
      title, body, label UNINDEXED, text UNINDEXED, version UNINDEXED, content = '', contentless_unindexed = 1,
      tokenize = "unicode61 remove_diacritics 0");
    DELETE FROM search_keys;`);
}

function searchAsBefore(db: Db): void {
  db.exec(`DROP TABLE search_index;
    DROP TABLE IF EXISTS search_index_content;
    CREATE VIRTUAL TABLE search_index USING fts5 (object_type UNINDEXED, object_id UNINDEXED, case_id UNINDEXED,
      title, body, tokenize = "unicode61 remove_diacritics 0");
    DELETE FROM search_keys;`);
}

/** Hands the first open action of a demo meeting to another agency in a new version; returns the meeting. */
function handActionTo(db: Db, agency: string): string {
  for (const doc of listDocuments(db, { kind: 'meeting' })) {
    const content = getVersion(db, doc.id, doc.currentVersion)?.content as MeetingContent;
    const at = content.actions.findIndex((action) => action.status === 'open' || action.status === 'in_progress');
    if (at < 0) continue;
    const actions = content.actions.map((action, j) => (j === at ? { ...action, ownerAgency: agency } : action));
    saveVersion(db, {
      documentId: doc.id,
      caseId: doc.caseId ?? '',
      kind: 'meeting',
      content: { ...content, actions } as MeetingContent,
      grading: doc.grading,
      status: 'draft',
      author: 'user-test',
      at: `${DEMO_TODAY}T11:00:00.000Z`,
      searchTitle: 'Møte',
    });
    return doc.id;
  }
  throw new Error('no demo meeting has an open action');
}

/** A fictional case that arrived on the demo's day, with no start-up meeting yet (NO pkt 12). */
function addArrivingCase(db: Db): string {
  return insertCase(db, {
    reference: 'KOMPIS-ANKOMST-1',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: 'BEGRENSET',
    expectedRelease: null,
    data: { name: 'Kari Testkvinne', arrivalDate: DEMO_TODAY },
    at: `${DEMO_TODAY}T09:00:00.000Z`,
    searchText: 'KOMPIS-ANKOMST-1',
  }).id;
}

describe('due facts after a changed file', () => {
  it('are filled by migration 0011 for a vault written before it, equal to the documents', async () => {
    const all = loadMigrations();
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 10) });
    await session.create('DK', PASSPHRASE);
    try {
      const { db } = session.current();
      searchWritableByToday(db);
      generateDemo(db, { profile: 'DK', today: DEMO_TODAY, cases: 60 });
      searchAsBefore(db);
      expect(migrate(db, all)).toEqual({ from: 10, to: all.length });
      expect(db.prepare('SELECT count(*) FROM due_facts', { pluck: true }).get()).toBeGreaterThanOrEqual(60);
      expect(dueFactsMismatches(db)).toEqual([]);
      expect(expectSame(db, 'DK', ['2026-03-15', '2026-10-25']).compared).toBeGreaterThan(10);
    } finally {
      session.lock();
    }
  });

  it('are filled by migration 0015 for a NO vault with data at version 14: case events backfilled, equal to the documents', async () => {
    const all = loadMigrations();
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 14) });
    await session.create('NO', PASSPHRASE);
    try {
      const { db } = session.current();
      searchWritableByToday(db);
      generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 60 });
      searchAsBefore(db);
      const before = db.prepare(
        "SELECT count(*) FROM due_facts WHERE kind IN ('case', 'visit_routine', 'future_plan')",
        {
          pluck: true,
        },
      );
      expect(before.get()).toBe(0);
      expect(migrate(db, all)).toEqual({ from: 14, to: all.length });
      const liveCases = db.prepare('SELECT count(*) FROM cases WHERE deleted_at IS NULL', { pluck: true }).get();
      expect(db.prepare("SELECT count(*) FROM due_facts WHERE kind = 'case'", { pluck: true }).get()).toBe(liveCases);
      expect(dueFactsMismatches(db)).toEqual([]);
      const { kinds } = expectSame(db, 'NO', ['2026-03-15', '2026-10-25']);
      expect(CASE_EVENT_KINDS.filter((kind) => kinds.has(kind))).toEqual(CASE_EVENT_KINDS);
    } finally {
      session.lock();
    }
  });

  it("gain each open action's agency by migration 0021 for a NO vault with data at version 20; other rows stay as they were", async () => {
    const all = loadMigrations();
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 20) });
    await session.create('NO', PASSPHRASE);
    try {
      const { db } = session.current();
      generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 40 });
      const handed = handActionTo(db, 'politi');
      const facts = () =>
        new Map(
          (
            db.prepare("SELECT document_id AS id, facts FROM due_facts WHERE kind = 'meeting'").all() as {
              id: string;
              facts: string;
            }[]
          ).map((row) => [row.id, row.facts]),
        );
      const before = facts();
      expect(migrate(db, all)).toEqual({ from: 20, to: all.length });
      // Migration 0024 adds the newest finalised release minutes to every meeting's facts; left out here.
      const after = new Map(
        [...facts()].map(([id, text]) => {
          const { finalRelease: _later, ...rest } = JSON.parse(text) as Record<string, unknown>;
          return [id, JSON.stringify(rest)];
        }),
      );
      expect(dueFactsMismatches(db)).toEqual([]);
      const actionsOf = (text: string | undefined) =>
        (JSON.parse(text ?? '{}') as { actions?: unknown[][] }).actions ?? [];
      let withActions = 0;
      for (const [id, text] of before) {
        const old = actionsOf(text);
        if (old.length === 0) {
          expect(after.get(id)).toBe(text);
          continue;
        }
        withActions += 1;
        // The same three values, and the owning agency after them.
        expect(actionsOf(after.get(id)).map((action) => action.slice(0, 3))).toEqual(old);
      }
      expect(withActions).toBeGreaterThan(10);
      expect(actionsOf(after.get(handed)).map((action) => action[3])).toContain('politi');
      expectSame(db, 'NO', ['2026-03-15']);
    } finally {
      session.lock();
    }
  });

  it('names a case whose arrival fact an insider removed, and a rebuild brings the arrival meeting back', async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const caseId = addArrivingCase(db);
    const arrival = () =>
      computeDueList(db, { profile: 'NO', today: DEMO_TODAY, caseId }).filter((i) => i.kind === 'no_arrival_meeting');
    expect(arrival()).toHaveLength(1);
    db.prepare(`UPDATE due_facts SET facts = '{}' WHERE kind = 'case' AND document_id = ?`).run([caseId]);
    expect(arrival()).toEqual([]);
    expect(checkDueFacts(db).mismatches).toEqual([{ documentId: caseId, problem: 'differs' }]);
    repairDueFacts(db);
    expect(arrival()).toHaveLength(1);
  });

  it('are refilled by a rebuild when they are missing', async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const before = computeDueList(db, { profile: 'NO', today: DEMO_TODAY });
    db.prepare('DELETE FROM due_facts').run();
    expect(dueFactsMismatches(db).length).toBeGreaterThan(30);
    rebuildDueFacts(db);
    expect(dueFactsMismatches(db)).toEqual([]);
    expect(computeDueList(db, { profile: 'NO', today: DEMO_TODAY })).toEqual(before);
  });

  it('names facts an insider edited so that a due item would be hidden, and a rebuild brings the item back', async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const before = computeDueList(db, { profile: 'NO', today: DEMO_TODAY, source: documentFactsSource });
    const target = before.find((item) => item.kind === 'no_meeting_action');
    expect(target?.documentId).toBeDefined();
    db.prepare(`UPDATE due_facts SET facts = json_set(facts, '$.actions', json('[]')) WHERE document_id = ?`).run([
      target?.documentId ?? '',
    ]);
    expect(computeDueList(db, { profile: 'NO', today: DEMO_TODAY })).not.toContainEqual(target);
    expect(checkDueFacts(db)).toEqual({
      ok: false,
      mismatches: [{ documentId: target?.documentId, problem: 'differs' }],
    });
    expect(repairDueFacts(db)).toHaveLength(1);
    expect(checkDueFacts(db)).toEqual({ ok: true, mismatches: [] });
    expect(computeDueList(db, { profile: 'NO', today: DEMO_TODAY })).toEqual(before);
  });

  it('names an action an insider handed to the police in the facts, hiding it from "mine", and a rebuild shows it again', async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const mine = async () =>
      (await s.call('due.view', { kind: 'no_meeting_action', mine: true, limit: 500 })).items.map(
        (item) => `${item.documentId}|${item.actionId}`,
      );
    const ours = await mine();
    expect(ours.length).toBeGreaterThan(1);
    const [documentId, actionId] = (ours[0] ?? '').split('|');
    db.prepare(
      `UPDATE due_facts SET facts = json_set(facts, '$.actions[0][3]', 'politi')
       WHERE document_id = ? AND facts ->> '$.actions[0][0]' = ?`,
    ).run([documentId ?? '', actionId ?? '']);
    expect(await mine()).toEqual(ours.slice(1));
    expect(checkDueFacts(db).mismatches).toEqual([{ documentId, problem: 'differs' }]);
    repairDueFacts(db);
    expect(await mine()).toEqual(ours);
  });
});

/** Records what the triggers do to the due facts rows (temporary triggers, gone with the connection). */
function watchFacts(db: Db): () => string[] {
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS facts_writes (what TEXT NOT NULL);
    CREATE TEMP TRIGGER IF NOT EXISTS facts_deleted AFTER DELETE ON due_facts
      BEGIN INSERT INTO facts_writes VALUES ('delete ' || OLD.kind); END;
    CREATE TEMP TRIGGER IF NOT EXISTS facts_inserted AFTER INSERT ON due_facts
      BEGIN INSERT INTO facts_writes VALUES ('insert ' || NEW.kind); END;
    CREATE TEMP TRIGGER IF NOT EXISTS facts_updated AFTER UPDATE ON due_facts
      BEGIN INSERT INTO facts_writes VALUES ('update ' || NEW.kind); END;`);
  return () => {
    const writes = db.prepare('SELECT what FROM facts_writes ORDER BY rowid', { pluck: true }).all() as string[];
    db.exec('DELETE FROM facts_writes');
    return writes;
  };
}

describe('due facts kept in place (migration 0022)', () => {
  it('are updated where they are by a save, once; a change that touches no fact writes none', async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const writes = watchFacts(db);
    const at = `${DEMO_TODAY}T11:00:00.000Z`;
    const [meeting] = listDocuments(db, { kind: 'meeting' });
    if (!meeting) throw new Error('the demo has meetings');
    resave(db, meeting, (content) => ({ ...content, nextMeeting: { date: '2026-04-02' } }), at);
    // One update of the meeting's row (it moves to the new version): not deleted and inserted again.
    expect(writes()).toEqual(['update meeting']);
    const [plan] = listDocuments(db, { kind: 'follow_up_plan' });
    if (!plan) throw new Error('the demo has plans');
    recordDistribution(db, {
      documentId: plan.id,
      version: plan.currentVersion,
      recipient: 'region',
      sentOn: '2026-03-16',
      format: 'pdf',
      fileSha256: null,
      recordedAt: at,
    });
    expect(writes()).toEqual(['update follow_up_plan']);
    // A new reference changes none of the case's facts (its arrival date and status).
    const kase = getCase(db, meeting.caseId ?? '');
    if (!kase) throw new Error('the meeting has a case');
    updateCase(db, kase.id, { ...kase, reference: `${kase.reference}-B`, at, searchText: kase.reference });
    expect(writes()).toEqual([]);
    updateCase(db, kase.id, { ...kase, status: 'loslatt', at, searchText: kase.reference });
    expect(writes()).toEqual(['update case']);
    // A final version written before its document moves to it (history written first, as a package
    // brings it) changes the newest final version at once; a draft one does not change the facts.
    const [concern] = listDocuments(db, { kind: 'concern' });
    if (!concern) throw new Error('the demo has concerns');
    const addVersion = (version: number, status: string) =>
      db
        .prepare(
          `INSERT INTO document_versions (document_id, version, status, content, content_hash, grading, author, created_at)
           SELECT document_id, ?, ?, content, content_hash, grading, author, ? FROM document_versions
           WHERE document_id = ? AND version = ?`,
        )
        .run([version, status, at, concern.id, concern.currentVersion]);
    addVersion(concern.currentVersion + 1, 'draft');
    expect(writes()).toEqual([]);
    addVersion(concern.currentVersion + 2, 'final');
    expect(writes()).toEqual(['update concern']);
    expect(dueFactsMismatches(db)).toEqual([]);
    softDeleteDocument(db, meeting.id, 'feil sak', at);
    expect(writes()).toEqual(['delete meeting']);
    expect(dueFactsMismatches(db)).toEqual([]);
    expectSame(db, 'NO', ['2026-03-15', '2026-04-02']);
  });

  it("mend at the next save what an insider did to a document's row: moved to another case, removed, or edited", async () => {
    const s = await apps.make('NO', `${DEMO_TODAY}T10:00:00.000Z`);
    const db = s.app.session.current().db;
    generateDemo(db, { profile: 'NO', today: DEMO_TODAY, cases: 30 });
    const meetings = listDocuments(db, { kind: 'meeting' }).filter((doc) => doc.caseId);
    const [moved, removed, edited] = meetings;
    const other = meetings.find((doc) => doc.caseId !== moved?.caseId)?.caseId;
    if (!moved || !removed || !edited || !other) throw new Error('the demo has meetings in several cases');
    db.prepare('UPDATE due_facts SET case_id = ? WHERE document_id = ?').run([other, moved.id]);
    db.prepare('DELETE FROM due_facts WHERE document_id = ?').run([removed.id]);
    db.prepare(`UPDATE due_facts SET facts = '{}' WHERE document_id = ?`).run([edited.id]);
    expect(dueFactsMismatches(db)).toHaveLength(3);
    const writes = watchFacts(db);
    const at = `${DEMO_TODAY}T11:00:00.000Z`;
    for (const doc of [moved, removed, edited]) resave(db, doc, (content) => content, at);
    // The document moving to its new version mends each row, with the new version's facts.
    expect(writes()).toEqual([
      ...['delete meeting', 'insert meeting'], // moved: the row under the wrong case goes
      'insert meeting', // removed
      'update meeting', // edited
    ]);
    expect(dueFactsMismatches(db)).toEqual([]);
    // The saves made drafts of the three meetings; their due items are the documents' own again.
    expect(computeDueList(db, { profile: 'NO', today: DEMO_TODAY })).toEqual(
      computeDueList(db, { profile: 'NO', today: DEMO_TODAY, source: documentFactsSource }),
    );
  });
});
