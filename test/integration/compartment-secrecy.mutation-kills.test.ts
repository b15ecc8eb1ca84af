// Issue 17: with the two checks of the compartment service swapped, a coordinator learned whether a
// mentor course exists (not_found for an unknown id, forbidden for a real one). These tests ask with a
// real, an unknown and a non-course id and require the same refusal for all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseWithCourse,
  conversationInput as conversation,
  MENTOR_SCHEME_PASSPHRASE,
} from '../support/compartment-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;
let courseId: string;

const UNKNOWN_COURSE = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const LOCKED = { code: 'forbidden', messageKey: 'error.compartment_locked' };

beforeAll(async () => {
  s = await apps.make('NO');
  ({ caseId, courseId } = await caseWithCourse(s, 'KOMPIS-800002'));
  await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
  await s.call('compartment.lock', {});
});
afterAll(() => apps.cleanup());

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
