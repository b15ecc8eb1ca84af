import { describe, expect, it } from 'vitest';
import { addYears, caseClosedOn, retentionDue, retentionPeriod, type CourseSpan } from './retention';

describe('retention period and due day', () => {
  const none: CourseSpan[] = [];
  it('is not due for an open case, however old', () => {
    expect(retentionDue({ profile: 'NO', closedOn: null, courses: none, today: '2040-01-01' })).toBeNull();
  });

  it('runs out five years after closing', () => {
    expect(retentionDue({ profile: 'NO', closedOn: '2020-06-15', courses: none, today: '2025-06-14' })).toMatchObject({
      closedOn: '2020-06-15',
      dueOn: '2025-06-15',
      period: { years: 5 },
    });
  });

  it('labels the default as Bro local practice with its reason, naming no provision', () => {
    const due = retentionDue({ profile: 'DK', closedOn: '2019-01-01', courses: none, today: '2026-01-01' });
    expect(due?.period.citation).toEqual({
      source: 'local',
      id: 'retentionPeriod',
      text: 'Bro',
      localPractice: { reasonKey: 'purge.local.retentionPeriod' },
    });
  });

  it("uses the organisation's own period when set, and ignores a nonsense one", () => {
    expect(retentionPeriod('NO', 'case', { case: 10 }).years).toBe(10);
    expect(retentionPeriod('NO', 'case', { case: -1 }).years).toBe(5);
    expect(retentionPeriod('NO', 'case', { case: 2.5 }).years).toBe(5);
    const input = { profile: 'NO', closedOn: '2020-01-01', courses: none, today: '2026-01-01' } as const;
    expect(retentionDue({ ...input, settings: { case: 10 } })?.dueOn).toBe('2030-01-01');
    expect(retentionDue({ ...input, settings: { case: 0 } })?.dueOn).toBe('2020-01-01');
  });

  it('moves 29 February to 28 February in a year without it', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('starts retention on the recorded release date of a released case, else its last save', () => {
    const today = '2026-05-01';
    expect(
      caseClosedOn({ status: 'fengsel', expectedRelease: '2026-01-01', updatedOn: '2026-02-01', today }),
    ).toBeNull();
    expect(caseClosedOn({ status: 'loslatt', expectedRelease: '2026-01-01', updatedOn: '2026-02-01', today })).toBe(
      '2026-01-01',
    );
    expect(caseClosedOn({ status: 'loslatt', expectedRelease: '2027-01-01', updatedOn: '2026-02-01', today })).toBe(
      '2026-02-01',
    );
    expect(caseClosedOn({ status: 'loslatt', expectedRelease: null, updatedOn: '2026-02-01', today })).toBe(
      '2026-02-01',
    );
  });

  it('starts retention on the day a case was marked released, or its release date when later and passed', () => {
    const today = '2026-05-01';
    const closed = (expectedRelease: string | null, closedOn: string) =>
      caseClosedOn({ status: 'loslatt', expectedRelease, updatedOn: '2026-04-20', today, closedOn });
    expect(closed('2019-06-01', '2026-03-02')).toBe('2026-03-02');
    expect(closed('2026-04-01', '2026-03-02')).toBe('2026-04-01');
    expect(closed('2026-06-01', '2026-03-02')).toBe('2026-03-02');
    expect(closed(null, '2026-03-02')).toBe('2026-03-02');
  });

  it('closes a deleted case on the day it was deleted, or on its own closing day when that came first', () => {
    const today = '2026-05-01';
    const deleted = (status: string, expectedRelease: string | null, closedOn: string | null, deletedOn: string) =>
      caseClosedOn({ status, expectedRelease, updatedOn: '2026-04-20', today, closedOn, deletedOn });
    // Deleted while open: followed up until that day.
    expect(deleted('fengsel', '2027-01-01', null, '2026-02-10')).toBe('2026-02-10');
    // Released (marked so on 2 March) and deleted later: deleting does not start the period again.
    expect(deleted('loslatt', null, '2026-03-02', '2026-04-15')).toBe('2026-03-02');
    // Marked released, then deleted before the release date recorded on it came: closed on deletion.
    expect(deleted('loslatt', '2026-04-25', '2026-03-02', '2026-04-10')).toBe('2026-04-10');
    expect(deleted('loslatt', '2026-04-25', '2026-03-02', '2026-04-25')).toBe('2026-04-25');
    // Came in closed (no day recorded): the release date when passed, the last save otherwise.
    expect(deleted('loslatt', '2025-01-01', null, '2026-04-15')).toBe('2025-01-01');
    expect(deleted('loslatt', null, null, '2026-04-21')).toBe('2026-04-20');
    expect(deleted('loslatt', null, null, '2026-04-19')).toBe('2026-04-19');
  });

  it('applies the longest period of the kinds a case holds, and the case period when it holds no mentor course', () => {
    const settings = { case: 3, mentor_course: 7 };
    const ended: CourseSpan = { variant: 'NO', startDate: '2019-01-01', endDate: '2019-06-01', deletedOn: null };
    const base = { profile: 'NO', closedOn: '2020-01-10', today: '2023-01-10', settings } as const;
    expect(retentionDue({ ...base, courses: none })).toMatchObject({ dueOn: '2023-01-10', period: { years: 3 } });
    expect(retentionDue({ ...base, courses: [ended] })).toMatchObject({ dueOn: '2027-01-10', period: { years: 7 } });
    expect(
      retentionDue({ ...base, profile: 'DK', courses: [ended], settings: { case: 9, mentor_course: 2 } }),
    ).toMatchObject({ dueOn: '2029-01-10', period: { years: 9 } });
  });
});

describe('retention of a case that held a mentor course (audit 7)', () => {
  const course = (overrides: Partial<CourseSpan>): CourseSpan => ({
    variant: 'DK',
    startDate: '2019-06-01',
    endDate: null,
    deletedOn: null,
    ...overrides,
  });
  const released = { closedOn: '2020-01-10', today: '2026-03-01' } as const;

  it('DK: is held while a course started before release goes on after it (DK § 3, stk. 2; § 4, stk. 2)', () => {
    const due = retentionDue({ profile: 'DK', ...released, courses: [course({})] });
    expect(due).toMatchObject({ closedOn: '2020-01-10', dueOn: null });
    // Ended since: its records are kept the period from its end, not from the release.
    expect(retentionDue({ profile: 'DK', ...released, courses: [course({ endDate: '2025-06-01' })] })).toMatchObject({
      dueOn: '2030-06-01',
    });
  });

  it('NO: counts a course ended after the case closed from its end (NO pkt 13.6), one with no end from the closing', () => {
    const no = (overrides: Partial<CourseSpan>) => course({ variant: 'NO', ...overrides });
    expect(retentionDue({ profile: 'NO', ...released, courses: [no({ endDate: '2025-06-01' })] })?.dueOn).toBe(
      '2030-06-01',
    );
    // NO pkt 13.7 hands the person over before release: no course runs on unrecorded.
    expect(retentionDue({ profile: 'NO', ...released, courses: [no({})] })?.dueOn).toBe('2025-01-10');
    // An end still to come has not happened: held until then.
    expect(retentionDue({ profile: 'NO', ...released, courses: [no({ endDate: '2026-09-01' })] })?.dueOn).toBeNull();
  });

  it('counts the latest end of several, an end before the closing from the closing, a deleted course from its deletion', () => {
    const courses = [
      course({ endDate: '2018-01-01' }),
      course({ endDate: '2022-03-01' }),
      course({ deletedOn: '2023-02-01' }),
    ];
    expect(retentionDue({ profile: 'DK', ...released, courses })?.dueOn).toBe('2028-02-01');
    expect(retentionDue({ profile: 'DK', ...released, courses: [course({ endDate: '2018-01-01' })] })?.dueOn).toBe(
      '2025-01-10',
    );
  });

  it('DK: a course not started yet, or with no start, does not hold the case', () => {
    expect(retentionDue({ profile: 'DK', ...released, courses: [course({ startDate: null })] })?.dueOn).toBe(
      '2025-01-10',
    );
    expect(retentionDue({ profile: 'DK', ...released, courses: [course({ startDate: '2026-06-01' })] })?.dueOn).toBe(
      '2025-01-10',
    );
  });
});

describe('closing a case transferred out (NO pkt 8, audit 7)', () => {
  const open = { status: 'fengsel', expectedRelease: null, updatedOn: '2026-01-01' } as const;
  it('closes it on the planned day once passed, not before; an earlier release or deletion still counts first', () => {
    expect(caseClosedOn({ ...open, today: '2026-03-19', transferredOn: '2026-03-20' })).toBeNull();
    expect(caseClosedOn({ ...open, today: '2026-03-20', transferredOn: '2026-03-20' })).toBe('2026-03-20');
    expect(caseClosedOn({ ...open, today: '2026-04-01', transferredOn: null })).toBeNull();
    const released = { ...open, status: 'loslatt', closedOn: '2026-02-01', today: '2026-04-01' } as const;
    expect(caseClosedOn({ ...released, transferredOn: '2026-03-20' })).toBe('2026-02-01');
    expect(caseClosedOn({ ...open, today: '2026-04-01', transferredOn: '2026-03-20', deletedOn: '2026-03-01' })).toBe(
      '2026-03-01',
    );
  });
});
