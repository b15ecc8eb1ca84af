import { describe, expect, it, vi } from 'vitest';
import type { IsoDate } from '../../shared/domain';
import { newDraft } from '../../shared/templates/drafts';
import { softDeleteDocument } from '../db/repositories/documents-repo';
import {
  ACTION_ID,
  AT,
  TODAY,
  action,
  addCase,
  brief,
  dueVaults,
  holdsFuturePlan,
  PKT6_RECIPIENTS,
  sent,
  meeting,
  save,
} from '../../test/support/due-list-vault';
import { computeDueList } from './due-list';
import { storedFactsSource } from './due-facts-stored';
import { documentFactsSource } from './due-list-facts';

const vault = dueVaults();

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
    // NO pkt 10: the person is in the target group from the concern on, and is offered a future plan.
    expect(brief(items)).toEqual([
      ['no_concern_report', '2026-03-12', 'overdue'],
      ['no_future_plan', '2026-03-12', 'overdue'],
      ['no_startup_meeting', '2026-03-12', 'overdue'],
    ]);
    expect(items[0]).toMatchObject({ documentId: draft.id, documentKind: 'concern', citation: { text: 'NO pkt 6' } });
    const report = newDraft('concern_report', { profile: 'NO', grading: { level: 'BEGRENSET' } });
    const sentReport = save(db, caseId, 'concern_report', report, { at: '2026-03-13T09:00:00.000Z' });
    save(db, caseId, 'meeting', meeting('2026-03-16', [], undefined, 'startup'), { status: 'draft' });
    // A finalised report is not yet sent: the item stays until police, PST, region and KDI have it.
    const bothWays = () => {
      const stored = computeDueList(db, { profile: 'NO', today: TODAY });
      expect(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource })).toEqual(stored);
      return brief(stored);
    };
    for (const recipient of PKT6_RECIPIENTS) {
      expect(bothWays()[0], recipient).toEqual(['no_concern_report', '2026-03-12', 'overdue']);
      sent(db, sentReport.id, recipient, '2026-03-13');
    }
    expect(bothWays()).toEqual([['no_future_plan', '2026-03-12', 'overdue']]);
    save(db, caseId, 'future_plan', {
      ...newDraft('future_plan', { profile: 'NO', grading: { level: 'BEGRENSET' } }),
      offeredOn: '2026-03-01',
    });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
  });
});

describe('due list: the day of a concern is the day it arose (NO pkt 5, 6 and 12)', () => {
  it('counts from raisedOn, so a report sent and a meeting held before the finalisation answer it', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    holdsFuturePlan(db, caseId);
    const concern = {
      ...newDraft('concern', { profile: 'NO', grading: { level: 'BEGRENSET' } }),
      raisedOn: '2026-03-01',
    };
    // The investigation is finalised on the 10th; the concern arose on the 1st.
    save(db, caseId, 'concern', concern, { at: '2026-03-10T09:00:00.000Z' });
    const bothWays = () => {
      const stored = computeDueList(db, { profile: 'NO', today: TODAY });
      expect(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource })).toEqual(stored);
      return brief(stored);
    };
    expect(bothWays()).toEqual([
      ['no_concern_report', '2026-03-01', 'overdue'],
      ['no_startup_meeting', '2026-03-01', 'overdue'],
    ]);
    // The report went out on the 2nd and the start-up meeting was held on the 3rd: both before the 10th.
    const report = save(
      db,
      caseId,
      'concern_report',
      newDraft('concern_report', { profile: 'NO', grading: { level: 'BEGRENSET' } }),
      {
        at: '2026-03-02T09:00:00.000Z',
      },
    );
    for (const recipient of PKT6_RECIPIENTS) sent(db, report.id, recipient, '2026-03-02');
    save(db, caseId, 'meeting', meeting('2026-03-03', [], undefined, 'startup'), { at: '2026-03-03T12:00:00.000Z' });
    expect(bothWays()).toEqual([]);
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
    // A correction saved as a draft after them leaves the finalised minutes standing.
    save(
      db,
      caseId,
      'meeting',
      { ...releaseMeeting('2026-04-14'), place: 'Rettet møterom' },
      { id: draft.id, status: 'draft' },
    );
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    expect(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource })).toEqual([]);
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

describe('due list: repeated lists', () => {
  it('answers a list asked again from memory until anything is written to the vault, then reads it again', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    save(db, caseId, 'meeting', meeting('2026-03-01', [action('2026-03-14')]));
    const reads = vi.spyOn(storedFactsSource, 'meetings');
    const first = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual(first);
    expect(reads).toHaveBeenCalledTimes(1);
    computeDueList(db, { profile: 'NO', today: '2026-03-16' });
    expect(reads).toHaveBeenCalledTimes(2);
    save(db, caseId, 'meeting', meeting('2026-03-02', [action('2026-03-13')]));
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY }))).toEqual([
      ['no_meeting_action', '2026-03-13', 'overdue'],
      ['no_meeting_action', '2026-03-14', 'overdue'],
    ]);
    expect(reads).toHaveBeenCalledTimes(3);
    reads.mockRestore();
  });
});
