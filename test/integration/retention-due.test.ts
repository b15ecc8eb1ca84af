import { afterEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../shared/domain';
import { listAudit } from '../../main/audit/audit-log';
import { computeDueList } from '../../main/services/due-list';
import { storedFactsSource } from '../../main/services/due-facts-stored';
import { documentFactsSource } from '../../main/services/due-list-facts';
import { offeredNoCourse } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

/**
 * Issue 14 part 3: the retention period is a vault setting (per kind, with its default and basis),
 * and the due list shows each closed case whose period has run out, once, linking to the case.
 */

const apps = serviceApps();
afterEach(() => apps.cleanup());

async function closedCase(s: ServiceApp, reference: string, release: IsoDate | null, status = 'loslatt' as const) {
  return s.call('cases.create', {
    name: 'Per Fiktivsen',
    caseReference: reference,
    unit: 'Fiktivby fengsel',
    status,
    ...(release ? { expectedReleaseDate: release } : {}),
    grading: { level: reference.startsWith('KURSUS') ? 'IKKE KLASSIFICERET' : 'UGRADERT' },
  });
}

async function retentionRows(s: ServiceApp, today: IsoDate) {
  const { items } = await s.call('due.list', { today });
  return items
    .filter((item) => item.kind === 'retention_expired')
    .map((item) => [item.caseReference, item.dueDate, item.status, item.params.years]);
}

describe('retention on the due list', () => {
  it('lists a closed case on the day its period ends, overdue after, upcoming within two weeks before, and never an open case', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const closed = await closedCase(s, 'KOMPIS-RET-1', '2021-03-15');
    await closedCase(s, 'KOMPIS-RET-OPEN', '2021-03-15', 'fengsel' as never);
    expect(await retentionRows(s, '2026-02-28')).toEqual([]);
    expect(await retentionRows(s, '2026-03-01')).toEqual([['KOMPIS-RET-1', '2026-03-15', 'upcoming', 5]]);
    expect(await retentionRows(s, '2026-03-15')).toEqual([['KOMPIS-RET-1', '2026-03-15', 'due', 5]]);
    expect(await retentionRows(s, '2026-03-16')).toEqual([['KOMPIS-RET-1', '2026-03-15', 'overdue', 5]]);
    const { items } = await s.call('due.list', { today: '2026-03-15' });
    expect(items.find((item) => item.kind === 'retention_expired')).toMatchObject({
      caseId: closed.id,
      personName: 'Per Fiktivsen',
      documentId: undefined,
      citation: { source: 'local', id: 'retentionPeriod' },
      messageKey: 'retention.due.expired',
    });
  });

  it('drops a reopened case from the list, and a case closed again counts from its new closing', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await closedCase(s, 'KOMPIS-RET-2', '2020-06-01');
    expect(await retentionRows(s, '2026-03-02')).toEqual([['KOMPIS-RET-2', '2025-06-01', 'overdue', 5]]);
    const { id, effectiveGrading: _e, createdAt: _c, updatedAt: _u, ...fields } = kase;
    await s.call('cases.update', { id, ...fields, status: 'fengsel', expectedReleaseDate: '2026-09-01' });
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
    // Closed again: retention runs from the new release date, not the first one.
    await s.call('cases.update', { id, ...fields, status: 'loslatt', expectedReleaseDate: '2026-09-01' });
    expect(await retentionRows(s, '2031-03-02')).toEqual([]);
    expect(await retentionRows(s, '2031-09-01')).toEqual([['KOMPIS-RET-2', '2031-09-01', 'due', 5]]);
  });

  it('counts a case marked released just after midnight on the DST night from the local day, not the UTC one', async () => {
    // 2026-03-28T23:30Z is 00:30 on 29 March in Oslo (the night clocks go forward).
    const s = await apps.make('NO', '2026-03-28T23:30:00.000Z');
    await closedCase(s, 'KOMPIS-RET-DST', null);
    const db = s.app.session.current().db;
    const rows = (today: IsoDate, timeZone: string) =>
      computeDueList(db, { profile: 'NO', today, timeZone })
        .filter((item) => item.kind === 'retention_expired')
        .map((item) => [item.dueDate, item.status]);
    expect(rows('2031-03-29', 'Europe/Oslo')).toEqual([['2031-03-29', 'due']]);
    expect(rows('2031-03-28', 'Europe/Oslo')).toEqual([['2031-03-29', 'upcoming']]);
    expect(rows('2031-03-28', 'UTC')).toEqual([['2031-03-28', 'due']]);
  });
});

describe('retention of deleted cases', () => {
  const deletedRows = async (s: ServiceApp, today: IsoDate) =>
    (await s.call('due.list', { today })).items
      .filter((item) => item.kind === 'retention_expired_deleted')
      .map((item) => [item.caseReference, item.dueDate, item.status, item.params.closedOn]);

  it('lists a case deleted while open, counts it from the day it was deleted, and purges it from the deleted cases', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await closedCase(s, 'KOMPIS-DEL-1', '2027-01-10', 'fengsel' as never);
    await s.call('cases.delete', { id: kase.id, reason: 'Overført til annen enhet' });
    // Gone from the case list, but not from the file: it is listed among the deleted, with its retention.
    expect((await s.call('cases.list', {})).rows.map((c) => c.caseReference)).not.toContain('KOMPIS-DEL-1');
    expect((await s.call('cases.deletedList', {})).cases).toEqual([
      {
        caseId: kase.id,
        caseReference: 'KOMPIS-DEL-1',
        deletedOn: '2026-03-02',
        reason: 'Overført til annen enhet',
        closedOn: '2026-03-02',
        dueOn: '2031-03-02',
        due: false,
        retentionYears: 5,
      },
    ]);
    expect(await deletedRows(s, '2031-02-15')).toEqual([]);
    expect(await deletedRows(s, '2031-02-16')).toEqual([['KOMPIS-DEL-1', '2031-03-02', 'upcoming', '2026-03-02']]);
    expect(await deletedRows(s, '2031-03-03')).toEqual([['KOMPIS-DEL-1', '2031-03-02', 'overdue', '2026-03-02']]);
    const { items } = await s.call('due.list', { today: '2031-03-02' });
    expect(items.find((item) => item.caseId === kase.id)).toMatchObject({
      kind: 'retention_expired_deleted',
      messageKey: 'retention.due.deletedExpired',
      citation: { source: 'local', id: 'retentionPeriod' },
    });
    // Before its day the purge for an expired period is refused; on it, it goes, and leaves both lists.
    const input = { caseId: kase.id, confirmReference: 'KOMPIS-DEL-1', reason: 'retention_expired' as const };
    expect((await s.fail('cases.purge', input)).messageKey).toBe('purge.error.notDue');
    s.setNow('2031-03-02T10:00:00.000Z');
    expect((await s.call('cases.deletedList', {})).cases[0]).toMatchObject({ due: true });
    expect(await s.call('cases.purgePreview', { caseId: kase.id })).toMatchObject({
      closedOn: '2026-03-02',
      due: true,
    });
    await s.call('cases.purge', input);
    expect((await s.call('cases.deletedList', {})).cases).toEqual([]);
    expect(await deletedRows(s, '2031-03-02')).toEqual([]);
  });

  it('counts a released case deleted later from its closing, so deleting never keeps it longer', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await closedCase(s, 'KOMPIS-DEL-2', '2021-06-01');
    s.setNow('2026-04-20T10:00:00.000Z');
    await s.call('cases.delete', { id: kase.id, reason: 'Ryddet' });
    expect(await retentionRows(s, '2026-04-20')).toEqual([]);
    expect(await deletedRows(s, '2026-05-20')).toEqual([['KOMPIS-DEL-2', '2026-06-01', 'upcoming', '2021-06-01']]);
    expect((await s.call('cases.deletedList', {})).cases[0]).toMatchObject({
      deletedOn: '2026-04-20',
      closedOn: '2021-06-01',
      dueOn: '2026-06-01',
      due: false,
    });
  });

  it('gives the same list kept, worked out afresh and from the documents after a case is deleted', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    await closedCase(s, 'KOMPIS-DEL-3', '2020-01-10');
    const deleted = await closedCase(s, 'KOMPIS-DEL-4', null, 'fengsel' as never);
    const db = s.app.session.current().db;
    const today = '2031-03-05';
    computeDueList(db, { profile: 'NO', today });
    await s.call('cases.delete', { id: deleted.id, reason: 'Registrert ved en feil' });
    const kept = computeDueList(db, { profile: 'NO', today });
    expect(kept.filter((item) => item.caseId === deleted.id).map((item) => item.kind)).toEqual([
      'retention_expired_deleted',
    ]);
    expect(kept).toEqual(computeDueList(db, { profile: 'NO', today, source: storedFactsSource }));
    expect(kept).toEqual(computeDueList(db, { profile: 'NO', today, source: documentFactsSource }));
  });
});

describe('retention setting', () => {
  it('round-trips a period with its basis, applies it to the due list, logs the change and goes back to the default', async () => {
    const s = await apps.make('DK', '2026-03-02T10:00:00.000Z');
    const initial = await s.call('retention.get', {});
    expect(initial.periods.map((p) => [p.kind, p.years, p.source])).toEqual([
      ['case', 5, 'default'],
      ['mentor_course', 5, 'default'],
    ]);
    expect(initial.periods[0]?.defaultCitation).toMatchObject({
      source: 'local',
      localPractice: { reasonKey: 'purge.local.retentionPeriod' },
    });
    await closedCase(s, 'KURSUS-RET-3', '2023-01-10');
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
    const set = await s.call('retention.update', { kind: 'case', years: 3, basis: 'Arkivplan for Fiktivby, 2025' });
    expect(set.periods[0]).toMatchObject({
      kind: 'case',
      years: 3,
      source: 'vault',
      basis: 'Arkivplan for Fiktivby, 2025',
    });
    expect(await s.call('retention.get', {})).toEqual(set);
    expect(await retentionRows(s, '2026-03-02')).toEqual([['KURSUS-RET-3', '2026-01-10', 'overdue', 3]]);
    const db = s.app.session.current().db;
    expect(
      listAudit(db, { objectId: 'case' }).some((e) => e.objectType === 'retention_period' && e.objectId === 'case'),
    ).toBe(true);
    const back = await s.call('retention.update', { kind: 'case', years: null });
    expect(back.periods[0]).toMatchObject({ years: 5, source: 'default', basis: '' });
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
  });

  it('is the period purge checks: a case due under the vault setting can be purged for expired retention', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await closedCase(s, 'KOMPIS-RET-4', '2022-06-01');
    const input = { caseId: kase.id, confirmReference: 'KOMPIS-RET-4', reason: 'retention_expired' as const };
    expect((await s.fail('cases.purge', input)).messageKey).toBe('purge.error.notDue');
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
    await s.call('retention.update', { kind: 'case', years: 3, basis: 'Arkivplan for Fiktivby, 2025' });
    expect(await retentionRows(s, '2026-03-02')).toEqual([['KOMPIS-RET-4', '2025-06-01', 'overdue', 3]]);
    expect((await s.call('cases.purgePreview', { caseId: kase.id })).retentionYears).toBe(3);
    await s.call('cases.purge', input);
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
  });

  it('keeps a case holding a mentor course until the longer of the case and mentor-course periods has run out', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const plain = await closedCase(s, 'KOMPIS-RET-5', '2020-01-10');
    const withCourse = await closedCase(s, 'KOMPIS-RET-6', '2020-01-10');
    await s.call('documents.create', {
      caseId: withCourse.id,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: { level: 'UGRADERT' } }),
    });
    await s.call('retention.update', { kind: 'case', years: 3 });
    await s.call('retention.update', { kind: 'mentor_course', years: 7 });
    expect(await retentionRows(s, '2026-03-02')).toEqual([['KOMPIS-RET-5', '2023-01-10', 'overdue', 3]]);
    expect((await s.call('cases.purgePreview', { caseId: withCourse.id })).retentionYears).toBe(7);
    const early = { caseId: withCourse.id, confirmReference: 'KOMPIS-RET-6', reason: 'retention_expired' as const };
    expect((await s.fail('cases.purge', early)).messageKey).toBe('purge.error.notDue');
    expect((await s.call('cases.purgePreview', { caseId: plain.id })).retentionYears).toBe(3);
  });

  it('counts a deleted mentor course as the purge does, so both give the same day', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const kase = await closedCase(s, 'KOMPIS-RET-7', '2019-01-10');
    const course = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: { level: 'UGRADERT' } }),
    });
    await s.call('retention.update', { kind: 'mentor_course', years: 10, basis: 'Arkivplan' });
    // The deleted course and its records stay in the file until the purge: its period still holds.
    await s.call('documents.delete', { id: course.document.id, reason: 'Feil sak' });
    expect(await retentionRows(s, '2026-03-02')).toEqual([]);
    expect(await s.call('cases.purgePreview', { caseId: kase.id })).toMatchObject({ due: false, dueOn: '2029-01-10' });
    expect(await retentionRows(s, '2029-01-10')).toEqual([['KOMPIS-RET-7', '2029-01-10', 'due', 10]]);
  });

  it('counts a case from the day it was marked released, not from a release on parole years before', async () => {
    const s = await apps.make('NO', '2025-06-01T10:00:00.000Z');
    const parole = await closedCase(s, 'KOMPIS-RET-8', '2019-06-01', 'proveloslatt' as 'loslatt');
    const { id, effectiveGrading: _e, createdAt: _c, updatedAt: _u, ...fields } = parole;
    // Supervision ends on 2 March 2026: the case is marked released that day.
    s.setNow('2026-03-02T10:00:00.000Z');
    await s.call('cases.update', { id, ...fields, status: 'loslatt' });
    expect(await s.call('cases.purgePreview', { caseId: id })).toMatchObject({
      closedOn: '2026-03-02',
      dueOn: '2031-03-02',
      due: false,
    });
    const early = { caseId: id, confirmReference: 'KOMPIS-RET-8', reason: 'retention_expired' as const };
    expect((await s.fail('cases.purge', early)).messageKey).toBe('purge.error.notDue');
    expect(await retentionRows(s, '2031-03-02')).toEqual([['KOMPIS-RET-8', '2031-03-02', 'due', 5]]);
    // A later save keeps the day; reopening drops it, and a new closing counts from its own day.
    s.setNow('2026-05-02T10:00:00.000Z');
    await s.call('cases.update', { id, ...fields, status: 'loslatt', unit: 'Nordby fengsel' });
    expect((await s.call('cases.purgePreview', { caseId: id })).closedOn).toBe('2026-03-02');
    await s.call('cases.update', { id, ...fields, status: 'fengsel' });
    s.setNow('2026-09-01T10:00:00.000Z');
    await s.call('cases.update', { id, ...fields, status: 'loslatt' });
    expect((await s.call('cases.purgePreview', { caseId: id })).closedOn).toBe('2026-09-01');
    // The case as it is viewed and handed over carries no such day.
    expect(Object.keys((await s.call('cases.get', { id })).case)).not.toContain('closedOn');
  });

  it.each([
    ['zero years', { kind: 'case', years: 0 }],
    ['a negative period', { kind: 'case', years: -1 }],
    ['part of a year', { kind: 'case', years: 2.5 }],
    ['more than a hundred years', { kind: 'case', years: 101 }],
    ['years as text', { kind: 'case', years: '5' }],
    ['an unknown kind', { kind: 'observation', years: 5 }],
    ['a basis over 300 characters', { kind: 'case', years: 5, basis: 'x'.repeat(301) }],
    ['an unknown field', { kind: 'case', years: 5, profile: 'NO' }],
  ])('refuses %s and changes nothing', async (_name, input) => {
    const s = await apps.make('NO');
    const before = s.rows();
    const error = await s.fail('retention.update', input);
    expect(error.code).toBe('invalid_input');
    expect(s.rows()).toEqual(before);
  });
});
