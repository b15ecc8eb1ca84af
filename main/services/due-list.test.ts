import { afterEach, describe, expect, it } from 'vitest';
import type {
  DkMentorCourseContent,
  DocumentContent,
  DocumentKind,
  IsoDate,
  MeetingAction,
  MeetingContent,
} from '../../shared/domain';
import { addMonths } from '../../shared/domain';
import { eligibleDkCourse, completePlan } from '../../shared/rules/test-fixtures';
import { newDraft, newMeetingDraft } from '../../shared/templates/drafts';
import { tempDirs } from '../../test/support/temp-dir';
import { insertCase, softDeleteCase } from '../db/repositories/cases-repo';
import { recordDistribution } from '../db/repositories/distributions-repo';
import { saveVersion, softDeleteDocument } from '../db/repositories/documents-repo';
import type { Db } from '../db/connection';
import { VaultSession } from '../vault/vault-session';
import { computeDueList, type DueListEntry } from './due-list';

const dirs = tempDirs('bro-due-');
const sessions: VaultSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.lock());
  dirs.cleanup();
});

const TODAY = '2026-03-15';
const AT = '2026-01-10T09:00:00.000Z';

async function vault(profile: 'NO' | 'DK'): Promise<Db> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: { logN: 10, r: 8, p: 1 } });
  await session.create(profile, 'Fiktiv-hvelv-passord-2026');
  sessions.push(session);
  return session.current().db;
}

function addCase(db: Db, reference: string, extra: { status?: string; expectedRelease?: string } = {}): string {
  return insertCase(db, {
    reference,
    unit: 'Fiktivby fengsel',
    status: extra.status ?? 'fengsel',
    grading: 'BEGRENSET',
    expectedRelease: extra.expectedRelease ?? null,
    data: { name: 'Ola Testmann' },
    at: AT,
    searchText: reference,
  }).id;
}

function save(
  db: Db,
  caseId: string,
  kind: DocumentKind,
  content: DocumentContent,
  options: { id?: string; status?: 'draft' | 'final'; at?: string } = {},
) {
  return saveVersion(db, {
    documentId: options.id,
    caseId,
    kind,
    content,
    grading: content.grading.level,
    status: options.status ?? 'final',
    author: 'user-test',
    at: options.at ?? AT,
    searchTitle: 'test',
  }).document;
}

const ACTION_ID = '5b0e7c1a-2f3d-4e5f-8a9b-0c1d2e3f4a5b';
function action(deadline: IsoDate, status: MeetingAction['status'] = 'open', id = ACTION_ID): MeetingAction {
  return { id, description: 'Avklare skoleplass.', owner: 'Kari Fiktiv', deadline, status };
}

function meeting(
  date: IsoDate | undefined,
  actions: MeetingAction[],
  next?: IsoDate,
  type: MeetingContent['meetingType'] = 'startup',
): MeetingContent {
  return {
    ...newMeetingDraft(type, { level: 'BEGRENSET' }),
    ...(date ? { date } : {}),
    actions,
    nextMeeting: { ...(next ? { date: next } : {}), place: '', notes: '' },
  };
}

const brief = (items: DueListEntry[]) => items.map((i) => [i.kind, i.dueDate, i.status]);

describe('due list: meeting actions and meetings (NO pkt 12)', () => {
  it('shows an action whose deadline was yesterday as overdue and one due today as due, with its place and citation', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const other = '6c1f8d2b-3a4e-4f60-9bac-1d2e3f4a5b6c';
    const doc = save(
      db,
      caseId,
      'meeting',
      meeting('2026-03-01', [action('2026-03-14'), action('2026-03-15', 'in_progress', other)]),
    );
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief(items)).toEqual([
      ['no_meeting_action', '2026-03-14', 'overdue'],
      ['no_meeting_action', '2026-03-15', 'due'],
    ]);
    expect(items[0]).toMatchObject({
      caseId,
      caseReference: 'KOMPIS-DEMO-1',
      documentId: doc.id,
      documentKind: 'meeting',
      actionId: ACTION_ID,
    });
    expect(items[0]?.citation.text).toBe('NO pkt 12');
    expect(items[0]?.params).toMatchObject({ dueDate: '2026-03-14' });
  });

  it('leaves out done and cancelled actions, actions without a deadline and those beyond the horizon', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const ids = [
      '7d2a9e3c-4b5f-4a71-8bcd-2e3f4a5b6c7d',
      '8e3b0f4d-5c60-4b82-9cde-3f4a5b6c7d8e',
      '9f4c1a5e-6d71-4c93-8def-4a5b6c7d8e9f',
    ];
    const undated = { ...action('2026-03-01', 'open', ids[2]) };
    delete undated.deadline;
    save(
      db,
      caseId,
      'meeting',
      meeting('2026-03-01', [
        action('2026-03-01', 'done'),
        action('2026-03-02', 'cancelled', ids[0]),
        action('2026-03-30', 'open', ids[1]),
        undated,
      ]),
    );
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY, horizonDays: 15 }))).toEqual([
      ['no_meeting_action', '2026-03-30', 'upcoming'],
    ]);
  });

  it('reads the current version only: an action marked done in a later version is no longer due', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const doc = save(db, caseId, 'meeting', meeting('2026-03-01', [action('2026-03-10')]));
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toHaveLength(1);
    save(db, caseId, 'meeting', meeting('2026-03-01', [action('2026-03-10', 'done')]), {
      id: doc.id,
      status: 'draft',
      at: '2026-03-12T09:00:00.000Z',
    });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });

  it('stays right across repeated lists: new versions, other cases and a case filter in between', async () => {
    const db = await vault('NO');
    const ids = [
      '2b3c4d5e-6f70-4a8b-9cad-1e2f3a4b5c6d',
      '3c4d5e6f-7081-4b9c-8dbe-2f3a4b5c6d7e',
      '4d5e6f70-8192-4cad-9ecf-3a4b5c6d7e8f',
    ];
    const docs = ids.map((id, i) =>
      save(
        db,
        addCase(db, `KOMPIS-DEMO-${i + 1}`),
        'meeting',
        meeting('2026-03-01', [action('2026-03-10', 'open', id)]),
      ),
    );
    const deadlines = () => computeDueList(db, { profile: 'NO', today: TODAY }).map((i) => i.actionId);
    expect(deadlines()).toHaveLength(3);
    const first = docs[0];
    if (!first?.caseId) throw new Error('no meeting');
    save(db, first.caseId, 'meeting', meeting('2026-03-01', [action('2026-03-10', 'done', ids[0])]), {
      id: first.id,
      status: 'draft',
    });
    expect(computeDueList(db, { profile: 'NO', today: TODAY, caseId: first.caseId })).toEqual([]);
    expect(deadlines()).toEqual([ids[1], ids[2]]);
    softDeleteDocument(db, docs[1]?.id ?? '', 'feil sak', AT);
    expect(deadlines()).toEqual([ids[2]]);
  });

  it('takes the next meeting from the latest held meeting of the case', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    save(db, caseId, 'meeting', meeting('2026-01-05', [], '2026-02-01'));
    const latest = save(db, caseId, 'meeting', meeting('2026-02-02', [], '2026-03-14', 'follow_up_prison'));
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief(items)).toEqual([['no_next_meeting', '2026-03-14', 'overdue']]);
    expect(items[0]).toMatchObject({
      documentId: latest.id,
      params: { meetingDate: '2026-02-02', meetingType: 'follow_up_prison' },
    });
    save(db, caseId, 'meeting', meeting('2026-03-14', [], undefined, 'follow_up_prison'));
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });

  it('asks for a release meeting a month before the expected release, until one is recorded', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1', { expectedRelease: '2026-04-14' });
    addCase(db, 'KOMPIS-DEMO-2', { expectedRelease: '2026-04-14', status: 'samfunnsstraff' });
    addCase(db, 'KOMPIS-DEMO-3', { expectedRelease: '2026-04-30' });
    const [item] = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief([item!])).toEqual([['no_release_meeting', '2026-03-15', 'due']]);
    // 30 days is Bro's figure, not NO pkt 12's: the item is marked as local practice reading pkt 12.
    expect(item?.citation).toMatchObject({ source: 'local', localPractice: { reading: 'NO pkt 12' } });
    save(db, caseId, 'meeting', meeting('2026-03-10', [], undefined, 'release'));
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });
});

describe('due list: after a finalised concern (NO pkt 6 and 12)', () => {
  it('asks for the concern report and a start-up meeting until both are there', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const concern = newDraft('concern', { profile: 'NO', grading: { level: 'BEGRENSET' } });
    const draft = save(db, caseId, 'concern', concern, { status: 'draft', at: '2026-03-12T09:00:00.000Z' });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    save(db, caseId, 'concern', concern, { id: draft.id, at: '2026-03-12T10:00:00.000Z' });
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief(items)).toEqual([
      ['no_concern_report', '2026-03-12', 'overdue'],
      ['no_startup_meeting', '2026-03-12', 'overdue'],
    ]);
    expect(items[0]).toMatchObject({ documentId: draft.id, documentKind: 'concern', citation: { text: 'NO pkt 6' } });
    const report = newDraft('concern_report', { profile: 'NO', grading: { level: 'BEGRENSET' } });
    save(db, caseId, 'concern_report', report, { at: '2026-03-13T09:00:00.000Z' });
    save(db, caseId, 'meeting', meeting('2026-03-16', [], undefined, 'startup'), { status: 'draft' });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });
});

describe('due list: release meeting cleared only for the current release date', () => {
  it('is not cleared by a draft, nor by minutes for a release date that has since moved', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1', { expectedRelease: '2026-04-14' });
    const releaseMeeting = (releaseDate?: IsoDate) => ({
      ...meeting('2026-03-10', [], undefined, 'release'),
      ...(releaseDate ? { releaseDate } : {}),
    });
    const draft = save(db, caseId, 'meeting', releaseMeeting('2026-04-14'), { status: 'draft' });
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY }))).toEqual([
      ['no_release_meeting', '2026-03-15', 'due'],
    ]);
    // Finalised minutes for 14 April clear it.
    save(db, caseId, 'meeting', releaseMeeting('2026-04-14'), { id: draft.id });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    // Minutes prepared for another date (the release was brought forward) do not.
    save(db, caseId, 'meeting', releaseMeeting('2026-06-01'), { id: draft.id });
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY }))).toEqual([
      ['no_release_meeting', '2026-03-15', 'due'],
    ]);
  });

  it('counts older minutes without a release date only when held within six months before the release', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1', { expectedRelease: '2026-04-14' });
    save(db, caseId, 'meeting', meeting('2025-10-13', [], undefined, 'release'));
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY }))).toEqual([
      ['no_release_meeting', '2026-03-15', 'due'],
    ]);
    save(db, caseId, 'meeting', meeting('2025-10-14', [], undefined, 'release'));
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });
});

describe('due list: follow-up plan copies (NO pkt 11)', () => {
  it('shows a plan change finalised after the last copy to KDI as unsent to KDI, and not to region which has it', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const plan = save(db, caseId, 'follow_up_plan', completePlan(), { at: '2026-02-01T09:00:00.000Z' });
    for (const recipient of ['region', 'kdi']) {
      recordDistribution(db, {
        documentId: plan.id,
        version: 1,
        recipient,
        sentOn: '2026-02-02',
        format: 'signed_pdf',
        fileSha256: null,
        recordedAt: AT,
      });
    }
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    save(
      db,
      caseId,
      'follow_up_plan',
      { ...completePlan(), securityMeasures: 'Endret.' },
      { id: plan.id, at: '2026-03-14T09:00:00.000Z' },
    );
    recordDistribution(db, {
      documentId: plan.id,
      version: 2,
      recipient: 'region',
      sentOn: '2026-03-14',
      format: 'paper',
      fileSha256: null,
      recordedAt: AT,
    });
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief(items)).toEqual([['no_plan_copy_kdi', '2026-03-14', 'overdue']]);
    expect(items[0]).toMatchObject({
      documentId: plan.id,
      documentKind: 'follow_up_plan',
      citation: { text: 'NO pkt 11' },
      params: { version: 2, lastSent: 1 },
    });
  });

  it.each(['Europe/Oslo', 'Europe/Copenhagen'])(
    'counts the copies from the local day a plan was finalised after midnight in %s, so they are due, not overdue',
    async (timeZone) => {
      const db = await vault('NO');
      const caseId = addCase(db, 'KOMPIS-DEMO-1');
      // 00:30 local time on 15 March is 23:30 UTC on the 14th.
      save(db, caseId, 'follow_up_plan', completePlan(), { at: '2026-03-14T23:30:00.000Z' });
      const items = computeDueList(db, { profile: 'NO', today: TODAY, timeZone });
      expect(brief(items)).toEqual([
        ['no_plan_copy_kdi', '2026-03-15', 'due'],
        ['no_plan_copy_region', '2026-03-15', 'due'],
      ]);
      // Read as UTC days (the old behaviour) the same plan showed overdue on the day it was finalised.
      const utc = computeDueList(db, { profile: 'NO', today: TODAY, timeZone: 'UTC' });
      expect(utc.map((i) => i.status)).toEqual(['overdue', 'overdue']);
    },
  );

  it('counts the newest finalised version, not a draft saved after it', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    const plan = save(db, caseId, 'follow_up_plan', completePlan(), { at: '2026-03-15T09:00:00.000Z' });
    save(
      db,
      caseId,
      'follow_up_plan',
      { ...completePlan(), releasePlanning: 'Utkast.' },
      { id: plan.id, status: 'draft', at: '2026-03-15T10:00:00.000Z' },
    );
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(brief(items)).toEqual([
      ['no_plan_copy_kdi', '2026-03-15', 'due'],
      ['no_plan_copy_region', '2026-03-15', 'due'],
    ]);
    expect(items.every((i) => i.params.version === 1)).toBe(true);
  });
});

describe('due list: DK mentor courses (DK § 13, stk. 3 and § 17)', () => {
  const course = (start: IsoDate, overrides: Partial<DkMentorCourseContent> = {}) =>
    eligibleDkCourse({ startDate: start, grading: { level: 'TIL TJENESTEBRUG' }, ...overrides });

  it('lists the monthly report as due on the day a month after the start, overdue the day after', async () => {
    const db = await vault('DK');
    const caseId = addCase(db, 'KLIENT-DEMO-1');
    save(db, caseId, 'mentor_course', course(addMonths(TODAY, -1)));
    const onTheDay = computeDueList(db, { profile: 'DK', today: TODAY });
    expect(brief(onTheDay)).toEqual([['dk_monthly_report', '2026-03-15', 'due']]);
    expect(onTheDay[0]?.citation.text).toBe('DK § 17, stk. 1, nr. 1');
    const dayAfter = computeDueList(db, { profile: 'DK', today: '2026-03-16', horizonDays: 0 });
    expect(brief(dayAfter)).toEqual([['dk_monthly_report', '2026-03-15', 'overdue']]);
  });

  it('shows missed quarterly meetings and status reports, and nothing once the records are in', async () => {
    const db = await vault('DK');
    const caseId = addCase(db, 'KLIENT-DEMO-1');
    const start = '2025-12-10';
    const monthly = ['2026-01-08', '2026-02-08', '2026-03-08'].map((receivedOn) => ({
      receivedOn,
      period: 'monthly' as const,
      form: 'written' as const,
    }));
    const doc = save(db, caseId, 'mentor_course', course(start, { mentorReports: monthly }));
    expect(brief(computeDueList(db, { profile: 'DK', today: TODAY, horizonDays: 0 }))).toEqual([
      ['dk_quarterly_report', '2026-03-09', 'overdue'],
      ['dk_quarterly_meeting', '2026-03-10', 'overdue'],
    ]);
    save(
      db,
      caseId,
      'mentor_course',
      course(start, {
        mentorReports: [...monthly, { receivedOn: '2026-03-09', period: 'quarterly', form: 'phone' }],
        meetingsHeld: ['2026-03-10'],
      }),
      { id: doc.id },
    );
    expect(computeDueList(db, { profile: 'DK', today: TODAY, horizonDays: 0 })).toEqual([]);
  });
});

describe('due list: scope', () => {
  it('leaves out soft-deleted cases and soft-deleted documents', async () => {
    const db = await vault('NO');
    const kept = addCase(db, 'KOMPIS-DEMO-1');
    const gone = addCase(db, 'KOMPIS-DEMO-2');
    save(db, gone, 'meeting', meeting('2026-03-01', [action('2026-03-10')]));
    const removedDoc = save(db, kept, 'meeting', meeting('2026-03-01', [action('2026-03-11')]));
    save(
      db,
      kept,
      'meeting',
      meeting('2026-03-02', [action('2026-03-12', 'open', '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d')]),
    );
    softDeleteCase(db, gone, 'registrert ved en feil', AT);
    softDeleteDocument(db, removedDoc.id, 'feil sak', AT);
    const items = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(items.map((i) => [i.caseReference, i.dueDate])).toEqual([['KOMPIS-DEMO-1', '2026-03-12']]);
    expect(computeDueList(db, { profile: 'NO', today: TODAY, caseId: gone })).toEqual([]);
  });

  it('lists one case only with the case filter, overdue first and then by date', async () => {
    const db = await vault('NO');
    const one = addCase(db, 'KOMPIS-DEMO-1');
    const two = addCase(db, 'KOMPIS-DEMO-2');
    save(db, one, 'meeting', meeting('2026-03-01', [action('2026-03-20')], '2026-03-16'));
    save(db, one, 'follow_up_plan', completePlan(), { at: '2026-03-01T09:00:00.000Z' });
    save(db, two, 'meeting', meeting('2026-03-01', [action('2026-03-02')]));
    const items = computeDueList(db, { profile: 'NO', today: TODAY, caseId: one });
    expect(items.every((i) => i.caseId === one)).toBe(true);
    expect(brief(items)).toEqual([
      ['no_plan_copy_kdi', '2026-03-01', 'overdue'],
      ['no_plan_copy_region', '2026-03-01', 'overdue'],
      ['no_next_meeting', '2026-03-16', 'upcoming'],
      ['no_meeting_action', '2026-03-20', 'upcoming'],
    ]);
    expect(computeDueList(db, { profile: 'NO', today: TODAY }).map((i) => i.caseReference)).toContain('KOMPIS-DEMO-2');
  });

  it('applies the provisions of the vault profile only', async () => {
    const db = await vault('DK');
    const caseId = addCase(db, 'KLIENT-DEMO-1', { expectedRelease: '2026-03-20' });
    save(db, caseId, 'meeting', meeting('2026-03-01', [action('2026-03-10')]));
    expect(computeDueList(db, { profile: 'DK', today: TODAY })).toEqual([]);
  });
});
