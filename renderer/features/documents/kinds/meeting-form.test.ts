import { describe, expect, it } from 'vitest';
import { missingExpectedRows, newAction } from './meeting-form';

describe('meeting form', () => {
  it('offers rows for the police and PST when only the correctional service is listed', () => {
    const rows = missingExpectedRows({
      meetingType: 'startup',
      participants: [{ name: 'Kari Fiktiv', agency: 'kriminalomsorgen', role: '' }],
    });
    expect(rows.map((row) => row.agency)).toEqual(['politi', 'pst']);
  });

  it('asks for the probation office when a start-up meeting becomes a release meeting', () => {
    const participants = [
      { name: 'Kari Fiktiv', agency: 'kriminalomsorgen' as const, role: '' },
      { name: 'Ola Testmann', agency: 'politi' as const, role: '' },
      { name: 'Jens Opdigtet', agency: 'pst' as const, role: '' },
    ];
    expect(missingExpectedRows({ meetingType: 'release', participants })).toEqual([
      { name: '', agency: 'kriminalomsorgen', unitKind: 'probation_office', role: '' },
    ]);
  });

  it('offers nothing when every expected agency has a row', () => {
    const participants = [
      { name: '', agency: 'kriminalomsorgen' as const, role: '' },
      { name: '', agency: 'politi' as const, role: '' },
      { name: '', agency: 'pst' as const, role: '' },
    ];
    expect(missingExpectedRows({ meetingType: 'follow_up_prison', participants })).toEqual([]);
  });

  it('starts each action open, with an id of its own', () => {
    const [a, b] = [newAction(), newAction()];
    expect(a.status).toBe('open');
    expect(a.id).not.toBe(b.id);
  });
});
