import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain';
import { completePlan, eligibleDkCourse, offeredNoCourse } from '../../shared/rules/test-fixtures';
import { newDraft } from '../../shared/templates/drafts';
import { getCase, updateCase } from '../db/repositories/cases-repo';
import type { Db } from '../db/connection';
import { TODAY, addCase, brief, dueVaults, meeting, save } from '../../test/support/due-list-vault';
import { computeDueList, type DueListEntry } from './due-list';
import { documentFactsSource } from './due-list-facts';

const vault = dueVaults();

/** The kinds issue 13 adds to the due list (NO pkt 9, 10, 11, 12, 13.4, 13.7). */
const CASE_EVENT_KINDS = [
  'no_agency_problem_report',
  'no_arrival_meeting',
  'no_cooperation_meeting',
  'no_future_plan',
  'no_municipality_contact',
  'no_visit_routine',
];
const caseEvents = (items: DueListEntry[]) => items.filter((i) => CASE_EVENT_KINDS.includes(i.kind));
const grading = { level: 'BEGRENSET' } as const;

/**
 * A NO person in custody who arrived on 10 March, with a running NO course (started 15 December,
 * release 14 April) and a finalised follow-up plan noting an unreported problem with another agency.
 */
function caseWithEverythingOutstanding(db: Db) {
  const caseId = addCase(db, 'KOMPIS-DEMO-1', { arrivalDate: '2026-03-10', expectedRelease: '2026-04-14' });
  const course = save(db, caseId, 'mentor_course', offeredNoCourse({ startDate: '2025-12-15' }));
  const problem = { notedOn: '2026-03-05', agency: 'NAV Fiktivby', description: 'Svarer ikke.' };
  const plan = save(
    db,
    caseId,
    'follow_up_plan',
    { ...completePlan(), agencyProblems: [problem] },
    {
      at: '2026-03-01T09:00:00.000Z',
    },
  );
  return { caseId, course, plan, problem };
}

const listed = (db: Db, profile: Profile, today = TODAY) => caseEvents(computeDueList(db, { profile, today }));

describe('due list: NO case events (issue 13)', () => {
  it('lists the arrival meeting, visit routine, future plan, agency report, cooperation meeting and municipality contact', async () => {
    const db = await vault('NO');
    const { course, plan } = caseWithEverythingOutstanding(db);
    const items = listed(db, 'NO');
    expect(brief(items)).toEqual([
      ['no_visit_routine', '2025-12-15', 'overdue'],
      ['no_future_plan', '2026-03-01', 'overdue'],
      ['no_agency_problem_report', '2026-03-05', 'overdue'],
      ['no_arrival_meeting', '2026-03-10', 'overdue'],
      ['no_cooperation_meeting', '2026-03-15', 'due'],
      ['no_municipality_contact', '2026-03-15', 'due'],
    ]);
    const byKind = Object.fromEntries(items.map((i) => [i.kind, i]));
    expect(byKind.no_agency_problem_report).toMatchObject({ documentId: plan.id, citation: { text: 'NO pkt 11' } });
    expect(byKind.no_arrival_meeting?.citation.text).toBe('NO pkt 12');
    expect(byKind.no_visit_routine?.citation.text).toBe('NO pkt 9');
    expect(byKind.no_future_plan?.citation.text).toBe('NO pkt 10');
    expect(byKind.no_cooperation_meeting).toMatchObject({
      documentId: course.id,
      documentKind: 'mentor_course',
      citation: { source: 'local', localPractice: { reading: 'NO pkt 13.4' } },
    });
    expect(byKind.no_municipality_contact).toMatchObject({
      documentId: course.id,
      params: { releaseDate: '2026-04-14' },
      citation: { source: 'local', localPractice: { reading: 'NO pkt 13.7' } },
    });
    // The documents themselves give the same list as the stored facts.
    expect(computeDueList(db, { profile: 'NO', today: TODAY, source: documentFactsSource })).toEqual(
      computeDueList(db, { profile: 'NO', today: TODAY }),
    );
  });

  it('shows the cooperation meeting upcoming the day before it is due, due on the day and overdue after', async () => {
    const db = await vault('NO');
    caseWithEverythingOutstanding(db);
    const cooperation = (today: string) => listed(db, 'NO', today).find((i) => i.kind === 'no_cooperation_meeting');
    expect(cooperation('2026-03-14')?.status).toBe('upcoming');
    expect(cooperation('2026-03-15')?.status).toBe('due');
    expect(cooperation('2026-03-16')?.status).toBe('overdue');
  });

  it('clears each item by the record that answers it', async () => {
    const db = await vault('NO');
    const { caseId, course, plan, problem } = caseWithEverythingOutstanding(db);
    save(db, caseId, 'meeting', meeting('2026-03-11', [], undefined, 'startup'), { status: 'draft' });
    save(db, caseId, 'visit_routine', newDraft('visit_routine', { profile: 'NO', grading }), { status: 'final' });
    save(db, caseId, 'future_plan', {
      ...newDraft('future_plan', { profile: 'NO', grading }),
      offeredOn: '2026-03-01',
    });
    const reported = { ...problem, reportedToKdiOn: '2026-03-06' };
    save(db, caseId, 'follow_up_plan', { ...completePlan(), agencyProblems: [reported] }, { id: plan.id });
    const answered = offeredNoCourse({
      startDate: '2025-12-15',
      cooperationMeetings: [{ date: '2026-03-02', notes: '' }],
      municipalityHandover: {
        municipality: 'Fiktivby',
        contactedOn: '2026-03-03',
        responsibilityTransferredTo: '',
        notes: '',
      },
    });
    save(db, caseId, 'mentor_course', answered, { id: course.id });
    expect(brief(listed(db, 'NO'))).toEqual([]);
    expect(brief(listed(db, 'NO', '2026-06-03'))).toEqual([['no_cooperation_meeting', '2026-06-02', 'overdue']]);
  });

  it('keeps the visit routine item while the routine is a draft: NO pkt 9 asks for routines prepared and handed out', async () => {
    const db = await vault('NO');
    const { caseId } = caseWithEverythingOutstanding(db);
    const routine = () => listed(db, 'NO').filter((i) => i.kind === 'no_visit_routine').length;
    const blank = save(db, caseId, 'visit_routine', newDraft('visit_routine', { profile: 'NO', grading }), {
      status: 'draft',
    });
    expect(routine()).toBe(1);
    save(db, caseId, 'visit_routine', newDraft('visit_routine', { profile: 'NO', grading }), {
      id: blank.id,
      status: 'final',
    });
    expect(routine()).toBe(0);
  });

  it('lists none of them for a released person, nor for a course that has ended', async () => {
    const db = await vault('NO');
    const { caseId } = caseWithEverythingOutstanding(db);
    const kase = getCase(db, caseId);
    if (!kase) throw new Error('case missing');
    updateCase(db, caseId, { ...kase, status: 'loslatt', at: '2026-03-14T09:00:00.000Z', searchText: 'x' });
    expect(listed(db, 'NO')).toEqual([]);
    const other = addCase(db, 'KOMPIS-DEMO-2', { expectedRelease: '2026-04-14' });
    save(
      db,
      other,
      'mentor_course',
      offeredNoCourse({ startDate: '2025-12-15', end: { endDate: '2026-01-10', notes: '' } }),
    );
    expect(listed(db, 'NO')).toEqual([]);
  });

  it('gives a DK vault none of them, whatever its records hold', async () => {
    const db = await vault('DK');
    caseWithEverythingOutstanding(db);
    expect(listed(db, 'DK')).toEqual([]);
    expect(computeDueList(db, { profile: 'DK', today: TODAY }).filter((i) => i.kind.startsWith('no_'))).toEqual([]);
  });

  it('gives a NO vault no DK course items, even for a DK-variant course in it', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-DEMO-1');
    save(db, caseId, 'mentor_course', eligibleDkCourse({ startDate: '2025-12-15', meetingsHeld: [] }));
    expect(computeDueList(db, { profile: 'DK', today: TODAY }).some((i) => i.kind.startsWith('dk_'))).toBe(true);
    expect(computeDueList(db, { profile: 'NO', today: TODAY }).filter((i) => i.kind.startsWith('dk_'))).toEqual([]);
  });
});

describe('due list: DK § 13, stk. 4', () => {
  it('names the person responsible for the course on its quarterly meeting item, from the stored facts', async () => {
    const db = await vault('DK');
    const caseId = addCase(db, 'KLIENT-DEMO-1');
    const content = eligibleDkCourse({ startDate: '2025-12-15', responsiblePerson: 'Mette Fiktiv', meetingsHeld: [] });
    save(db, caseId, 'mentor_course', content);
    const meetingItem = computeDueList(db, { profile: 'DK', today: TODAY }).find(
      (i) => i.kind === 'dk_quarterly_meeting',
    );
    expect(meetingItem).toMatchObject({
      dueDate: '2026-03-15',
      messageKey: 'rules.dk.due.quarterlyMeetingResponsible',
      params: { responsible: 'Mette Fiktiv' },
      citation: { text: 'DK § 13, stk. 3' },
    });
    const blank = addCase(db, 'KLIENT-DEMO-2');
    save(db, blank, 'mentor_course', { ...content, responsiblePerson: '' });
    const unnamed = computeDueList(db, { profile: 'DK', today: TODAY, caseId: blank }).find(
      (i) => i.kind === 'dk_quarterly_meeting',
    );
    expect(unnamed?.messageKey).toBe('rules.dk.due.quarterlyMeeting');
  });
});

describe('NO pkt 10: a future plan for a case in the target group by its own record (audit 9)', () => {
  // "skal også domfelte som er siktet eller dømt for terrorrelaterte handlinger, … og domfelte som er
  // vurdert som særlig sårbare for ekstreme ideologier, tilbys en realistisk fremtidsplan"
  const futurePlanItems = (db: Db, fromDocuments = false) =>
    computeDueList(db, { profile: 'NO', today: TODAY, ...(fromDocuments ? { source: documentFactsSource } : {}) })
      .filter((item) => item.kind === 'no_future_plan')
      .map((item) => [item.caseReference, item.dueDate]);

  it('is due from arrival for a terror-related case, from its making for a vulnerable one, not for hate speech alone', async () => {
    const db = await vault('NO');
    addCase(db, 'KOMPIS-TG-1', { arrivalDate: '2026-03-05', targetGroup: 'terror_related' });
    addCase(db, 'KOMPIS-TG-2', { targetGroup: 'vulnerable' });
    addCase(db, 'KOMPIS-TG-3', { arrivalDate: '2026-03-05', targetGroup: 'hate_crime' });
    expect(futurePlanItems(db)).toEqual([
      ['KOMPIS-TG-2', '2026-01-10'],
      ['KOMPIS-TG-1', '2026-03-05'],
    ]);
    expect(futurePlanItems(db, true)).toEqual(futurePlanItems(db));
  });

  it('is answered once a future plan records the day it was offered, not by an empty draft', async () => {
    const db = await vault('NO');
    const caseId = addCase(db, 'KOMPIS-TG-4', { arrivalDate: '2026-03-05', targetGroup: 'terror_related' });
    const draft = save(db, caseId, 'future_plan', newDraft('future_plan', { profile: 'NO', grading }));
    expect(futurePlanItems(db)).toEqual([['KOMPIS-TG-4', '2026-03-05']]);
    expect(futurePlanItems(db, true)).toEqual(futurePlanItems(db));
    save(
      db,
      caseId,
      'future_plan',
      { ...newDraft('future_plan', { profile: 'NO', grading }), offeredOn: '2026-03-08' },
      { id: draft.id },
    );
    expect(futurePlanItems(db)).toEqual([]);
    expect(futurePlanItems(db, true)).toEqual([]);
  });
});
