import { describe, expect, it } from 'vitest';
import type { DkMentorCourseContent, IsoDate } from '../../shared/domain';
import { addMonths } from '../../shared/domain';
import { eligibleDkCourse, completePlan } from '../../shared/rules/test-fixtures';
import { softDeleteCase } from '../db/repositories/cases-repo';
import { recordDistribution } from '../db/repositories/distributions-repo';
import { softDeleteDocument } from '../db/repositories/documents-repo';
import {
  AT,
  TODAY,
  action,
  addCase,
  brief,
  dueVaults,
  holdsFuturePlan,
  meeting,
  save,
  sent,
} from '../../test/support/due-list-vault';
import { computeDueList } from './due-list';
import { documentFactsSource } from './due-list-facts';

const vault = dueVaults();

describe('due list: follow-up plan copies (NO pkt 11)', () => {
  it('shows a plan change finalised after the last copy to KDI as unsent to KDI, and not to region which has it', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    holdsFuturePlan(db, caseId);
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

  it('keeps an unsent change due from the day it was finalised, however often the plan is finalised again', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    holdsFuturePlan(db, caseId);
    const plan = save(db, caseId, 'follow_up_plan', completePlan(), { at: '2026-01-04T09:00:00.000Z' });
    for (const recipient of ['region', 'kdi']) sent(db, plan.id, recipient, '2026-01-05');
    // A real change finalised on 10 January, never sent; the plan is finalised again on 14 March.
    const changed = { ...completePlan(), securityMeasures: 'Endret.' };
    save(db, caseId, 'follow_up_plan', changed, { id: plan.id, at: '2026-01-10T09:00:00.000Z' });
    save(
      db,
      caseId,
      'follow_up_plan',
      { ...changed, cooperation: 'Igjen endret.' },
      { id: plan.id, at: '2026-03-14T09:00:00.000Z' },
    );
    const stored = computeDueList(db, { profile: 'NO', today: TODAY });
    expect(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource })).toEqual(stored);
    // Region and KDI have been uninformed since 10 January: overdue from then, asking for the newest version.
    expect(brief(stored)).toEqual([
      ['no_plan_copy_kdi', '2026-01-10', 'overdue'],
      ['no_plan_copy_region', '2026-01-10', 'overdue'],
    ]);
    expect(stored[0]?.params).toMatchObject({ version: 3, lastSent: 1 });
    // Region gets version 2 only: it is still owed version 3, due from the day that was finalised.
    sent(db, plan.id, 'region', '2026-03-14', 2);
    expect(brief(computeDueList(db, { profile: 'NO', today: TODAY }))).toEqual([
      ['no_plan_copy_kdi', '2026-01-10', 'overdue'],
      ['no_plan_copy_region', '2026-03-14', 'overdue'],
    ]);
  });

  it.each(['Europe/Oslo', 'Europe/Copenhagen'])(
    'counts the copies from the local day a plan was finalised after midnight in %s, so they are due, not overdue',
    async (timeZone) => {
      const db = await vault('NO');
      const caseId = addCase(db, 'KOMPIS-DEMO-1');
      holdsFuturePlan(db, caseId);
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
    holdsFuturePlan(db, caseId);
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
    holdsFuturePlan(db, one);
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
