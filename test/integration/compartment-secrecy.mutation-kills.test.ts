// Issue 17: with the two checks of the compartment service swapped, a coordinator learned whether a
// mentor course exists (not_found for an unknown id, forbidden for a real one). These tests ask with a
// real, an unknown and a non-course id and require the same refusal for all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offeredNoCourse } from '../../shared/rules/test-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;
let courseId: string;

const UNKNOWN_COURSE = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const MENTOR_ID = '3f2b1c4e-8a7d-4e2f-9b1a-0c6d5e4f3a21';
const LOCKED = { code: 'forbidden', messageKey: 'error.compartment_locked' };

beforeAll(async () => {
  s = await apps.make('NO');
  caseId = (
    await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-800002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    })
  ).id;
  courseId = (
    await s.call('documents.create', {
      caseId,
      kind: 'mentor_course',
      content: offeredNoCourse({ grading: { level: 'BEGRENSET' } }),
    })
  ).document.id;
  await s.call('compartment.create', { passphrase: 'Mentorordningens eget lange passord' });
  await s.call('compartment.lock', {});
});
afterAll(() => apps.cleanup());

const conversation = (id: string) => ({
  courseId: id,
  mentorId: MENTOR_ID,
  place: 'Fiktivby fengsel, besøksrom 2',
  date: '2026-03-01',
  durationMinutes: 60,
  notes: 'Samtale om skolegang',
  grading: { level: 'BEGRENSET' as const },
});

describe('a coordinator with the compartment locked (NO pkt 13.5)', () => {
  it('cannot tell from listing conversations whether a mentor course exists', async () => {
    for (const id of [courseId, UNKNOWN_COURSE, caseId]) {
      const error = await s.fail('conversations.list', { courseId: id });
      expect({ code: error.code, messageKey: error.messageKey }).toEqual(LOCKED);
    }
  });

  it('cannot tell from saving a conversation whether a mentor course exists, and nothing is written', async () => {
    const before = s.rows();
    for (const id of [courseId, UNKNOWN_COURSE, caseId]) {
      const error = await s.fail('conversations.save', conversation(id));
      expect({ code: error.code, messageKey: error.messageKey }).toEqual(LOCKED);
    }
    expect(s.rows()).toEqual(before);
  });
});
