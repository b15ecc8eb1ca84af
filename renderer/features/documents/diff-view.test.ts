import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../../shared/domain';
import { hasMessage } from '../../../shared/i18n/translate';
import { changeRows, displayValue, fieldLabel, pathPattern } from './diff-view';
import { FIELD_LABELS, VALUE_LABELS } from './field-labels';

describe('readable version diff', () => {
  it('labels a participant row by its list and row number, then the field', () => {
    expect(pathPattern('participants.2.name')).toBe('participants.#.name');
    expect(fieldLabel('meeting', 'participants.2.name')).toEqual([
      { key: 'domain.meeting.participants', row: 3 },
      { key: 'domain.meeting.participant.name' },
    ]);
  });

  it('names which of the four concern points a position change is about', () => {
    expect(fieldLabel('concern', 'positions.infoflytRegistration.stance')).toEqual([
      { key: 'domain.concern.infoflytRegistration' },
      { key: 'domain.concern.stance' },
    ]);
  });

  it('labels a dated list entry (a DK quarterly meeting) by the list and its row', () => {
    expect(fieldLabel('mentor_course', 'meetingsHeld.0')).toEqual([
      { key: 'domain.mentorCourse.meetingsHeld', row: 1 },
    ]);
  });

  it('labels the § 18 mentortovholder and a status report element (§ 17, stk. 2) in the version diff', () => {
    expect(fieldLabel('mentor_course', 'mentortovholder.unit')).toEqual([
      { key: 'regulatory.dkCourse.mentortovholderUnit' },
    ]);
    expect(fieldLabel('mentor_course', 'mentorReports.1.actionPlanRevision')).toEqual(
      expect.arrayContaining([{ key: 'regulatory.statusReport.label.actionPlanRevision' }]),
    );
  });

  it('still shows a change to a field it has no label for, by its path', () => {
    expect(fieldLabel('observation', 'somethingNew')).toEqual([{ raw: 'somethingNew' }]);
  });

  it('shows values by their labels: stances, yes/no, dates, mentors and empty fields', () => {
    expect(displayValue('positions.securityMeasures.stance', 'needed')).toEqual({
      type: 'key',
      key: 'domain.stance.needed',
    });
    expect(displayValue('preparedWithoutPersonParticipation', true)).toEqual({ type: 'key', key: 'domain.yesNo.yes' });
    expect(displayValue('date', '2026-12-24')).toEqual({ type: 'date', iso: '2026-12-24' });
    expect(displayValue('observedAt', '2026-12-24T09:30:00+01:00')).toEqual({
      type: 'dateTime',
      iso: '2026-12-24T09:30:00+01:00',
    });
    expect(displayValue('mentors.#.mentorId', '0b6f3f0e-1111-4111-8111-111111111111')).toMatchObject({
      type: 'mentor',
    });
    expect(displayValue('cause', '')).toEqual({ type: 'empty' });
    expect(displayValue('cause', null)).toEqual({ type: 'empty' });
    expect(displayValue('mentors.#.agreedWeeklyHours', 7.5)).toEqual({ type: 'number', value: 7.5 });
  });

  it('leaves out template bookkeeping, action ids and blank new fields, keeps the real edits in order', () => {
    const rows = changeRows('meeting', [
      { path: 'template.version', change: 'changed', before: 1, after: 2 },
      { path: 'actions.0.id', change: 'added', after: '0b6f3f0e-1111-4111-8111-111111111111' },
      { path: 'actions.0.owner', change: 'added', after: 'Kari Fiktiv' },
      { path: 'actions.0.deadline', change: 'added', after: '' },
      { path: 'place', change: 'changed', before: 'Møterom 1', after: 'Møterom 2' },
    ]);
    expect(rows.map((row) => row.path)).toEqual(['actions.0.owner', 'place']);
    expect(rows[0]?.before).toEqual({ type: 'empty' });
    expect(rows[1]?.after).toEqual({ type: 'text', text: 'Møterom 2' });
  });

  it('has every field and value label in nb, da and en', () => {
    const keys = new Set<string>();
    for (const kind of DOCUMENT_KINDS) {
      for (const spec of Object.values(FIELD_LABELS[kind]))
        for (const key of typeof spec === 'string' ? [spec] : spec) keys.add(key);
    }
    for (const map of Object.values(VALUE_LABELS)) for (const key of Object.values(map)) keys.add(key);
    const missing = [...keys].flatMap((key) =>
      (['nb', 'da', 'en'] as const).filter((l) => !hasMessage(l, key)).map((l) => `${key} (${l})`),
    );
    expect(missing).toEqual([]);
  });
});
