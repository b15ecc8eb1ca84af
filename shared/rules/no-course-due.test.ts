import { describe, expect, it } from 'vitest';
import { noCourseDueItems, type NoCourseDueFacts } from './no-course-due';

const running: NoCourseDueFacts = { outcome: 'offered', startDate: '2025-01-15', cooperationMeetings: [] };

const kinds = (course: Partial<NoCourseDueFacts>, today: string, release?: string) =>
  noCourseDueItems({ ...running, ...course }, today, release).map((i) => [i.kind, i.dueDate, i.status]);

describe('NO 13.4 cooperation meetings on the due list', () => {
  it('is due three months after the start while none is held: the day before, at and after', () => {
    expect(kinds({}, '2025-04-14')).toEqual([['no_cooperation_meeting', '2025-04-15', 'upcoming']]);
    expect(kinds({}, '2025-04-15')).toEqual([['no_cooperation_meeting', '2025-04-15', 'due']]);
    expect(kinds({}, '2025-04-16')).toEqual([['no_cooperation_meeting', '2025-04-15', 'overdue']]);
  });

  it('counts from the latest meeting held, and cites Bro’s interval as local practice reading 13.4', () => {
    const [item] = noCourseDueItems({ ...running, cooperationMeetings: ['2025-05-31', '2025-03-01'] }, '2025-06-01');
    expect(item).toMatchObject({ kind: 'no_cooperation_meeting', dueDate: '2025-08-31', status: 'upcoming' });
    expect(item?.params).toEqual({ lastMeeting: '2025-05-31' });
    expect(item?.citation).toMatchObject({ source: 'local', localPractice: { reading: 'NO pkt 13.4' } });
  });

  it('asks nothing of a course not offered, not started or ended', () => {
    expect(kinds({ outcome: 'pending' }, '2026-01-01', '2026-02-01')).toEqual([]);
    expect(kinds({ outcome: 'not_offered' }, '2026-01-01')).toEqual([]);
    expect(kinds({ startDate: undefined }, '2026-01-01')).toEqual([]);
    expect(kinds({ endDate: '2025-06-01' }, '2026-01-01', '2026-02-01')).toEqual([]);
  });
});

describe('NO 13.4 and 13.7 on the days around a course’s recorded end and meetings entered ahead', () => {
  it('a meeting dated after today has not been held: the one that is due stays due', () => {
    // Overdue since 2025-04-15; the next meeting is entered for a day still ahead.
    expect(kinds({ cooperationMeetings: ['2025-09-01'] }, '2025-06-01')).toEqual([
      ['no_cooperation_meeting', '2025-04-15', 'overdue'],
    ]);
    // On its day it counts.
    expect(kinds({ cooperationMeetings: ['2025-09-01'] }, '2025-09-01')).toEqual([
      ['no_cooperation_meeting', '2025-12-01', 'upcoming'],
    ]);
  });

  it('a course runs until its recorded end date has passed: its duties stay until then', () => {
    const release = '2025-07-01';
    // KDI has recorded an end date still ahead: the overdue meeting and the municipality contact stay.
    expect(kinds({ endDate: '2025-06-30' }, '2025-06-01', release)).toEqual([
      ['no_cooperation_meeting', '2025-04-15', 'overdue'],
      ['no_municipality_contact', '2025-06-01', 'due'],
    ]);
    expect(kinds({ endDate: '2025-06-30' }, '2025-06-30', release).length).toBe(2);
    expect(kinds({ endDate: '2025-06-30' }, '2025-07-01', release)).toEqual([]);
  });

  it('asks for no meeting due after the course has ended', () => {
    expect(kinds({ cooperationMeetings: ['2025-04-01'], endDate: '2025-06-30' }, '2025-05-01')).toEqual([]);
    expect(kinds({ cooperationMeetings: ['2025-04-01'], endDate: '2025-07-01' }, '2025-05-01')).toEqual([
      ['no_cooperation_meeting', '2025-07-01', 'upcoming'],
    ]);
  });
});

describe('NO 13.7 contact with the municipality before release', () => {
  const release = '2025-09-30';
  it('is due 30 days before the expected release: the day before, at and after', () => {
    const municipality = (today: string) => kinds({ cooperationMeetings: [today] }, today, release)[0];
    expect(municipality('2025-08-30')).toEqual(['no_municipality_contact', '2025-08-31', 'upcoming']);
    expect(municipality('2025-08-31')).toEqual(['no_municipality_contact', '2025-08-31', 'due']);
    expect(municipality('2025-09-01')).toEqual(['no_municipality_contact', '2025-08-31', 'overdue']);
  });

  it('is cleared by a recorded contact, absent without a release date, and cites local practice reading 13.7', () => {
    expect(kinds({ municipalityContactedOn: '2025-08-01' }, '2025-09-01', release).map((k) => k[0])).toEqual([
      'no_cooperation_meeting',
    ]);
    expect(kinds({}, '2025-09-01').map((k) => k[0])).toEqual(['no_cooperation_meeting']);
    const item = noCourseDueItems(running, '2025-09-01', release, 45).find((i) => i.kind === 'no_municipality_contact');
    expect(item).toMatchObject({ dueDate: '2025-08-16', params: { releaseDate: release } });
    expect(item?.citation).toMatchObject({ source: 'local', localPractice: { reading: 'NO pkt 13.7' } });
  });
});
