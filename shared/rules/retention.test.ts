import { describe, expect, it } from 'vitest';
import {
  addYears,
  caseClosedOn,
  longestPeriod,
  retentionFinding,
  retentionKindsOf,
  retentionPeriod,
} from './retention';

describe('retention period and due finding', () => {
  it('is not due for an open case, however old', () => {
    expect(retentionFinding({ profile: 'NO', kind: 'case', closedOn: null, today: '2040-01-01' })).toBeNull();
  });

  it('becomes due on the day five years after closing, not the day before', () => {
    const base = { profile: 'NO', kind: 'case', closedOn: '2020-06-15' } as const;
    expect(retentionFinding({ ...base, today: '2025-06-14' })).toBeNull();
    expect(retentionFinding({ ...base, today: '2025-06-15' })).toMatchObject({
      ruleId: 'retention.due',
      messageKey: 'purge.retention.due',
      params: { closedOn: '2020-06-15', dueOn: '2025-06-15', years: 5 },
    });
  });

  it('labels the default as Bro local practice with its reason, naming no provision', () => {
    const finding = retentionFinding({
      profile: 'DK',
      kind: 'mentor_course',
      closedOn: '2019-01-01',
      today: '2026-01-01',
    });
    expect(finding?.citation).toEqual({
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
    const input = { profile: 'NO', kind: 'case', closedOn: '2020-01-01', today: '2026-01-01' } as const;
    expect(retentionFinding({ ...input, settings: { case: 10 } })).toBeNull();
    expect(retentionFinding({ ...input, settings: { case: 0 } })?.params.dueOn).toBe('2020-01-01');
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
    expect(retentionKindsOf(['follow_up_plan'])).toEqual(['case']);
    expect(retentionKindsOf(['follow_up_plan', 'mentor_course'])).toEqual(['case', 'mentor_course']);
    const settings = { case: 3, mentor_course: 7 };
    expect(longestPeriod('NO', ['case'], settings).years).toBe(3);
    expect(longestPeriod('NO', ['case', 'mentor_course'], settings).years).toBe(7);
    expect(longestPeriod('DK', ['case', 'mentor_course'], { case: 9, mentor_course: 2 }).years).toBe(9);
    const base = { profile: 'NO', kind: 'case', closedOn: '2020-01-10', settings } as const;
    expect(retentionFinding({ ...base, today: '2023-01-10' })).not.toBeNull();
    expect(retentionFinding({ ...base, today: '2023-01-10', holds: ['mentor_course'] })).toBeNull();
    expect(retentionFinding({ ...base, today: '2027-01-10', holds: ['mentor_course'] })).toMatchObject({
      params: { dueOn: '2027-01-10', years: 7 },
    });
  });
});
