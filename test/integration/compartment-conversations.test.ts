// The mentor scheme's conversation records with the compartment open (NO pkt 13.5, 13.10): which
// course a record may belong to, which record a correction may replace, and what the audit log says.
// A real app over a real vault; each refusal leaves every row as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseWithCourse,
  conversationInput as conversation,
  MENTOR_SCHEME_PASSPHRASE,
  newCourse as courseOn,
} from '../support/compartment-fixtures';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;
let courseId: string;

const UNKNOWN_ID = '0b9c8d7e-6f5a-4b3c-9d2e-1f0a9b8c7d6e';
const NOT_FOUND = { code: 'not_found' };

const newCourse = () => courseOn(s, caseId);

beforeAll(async () => {
  s = await apps.make('NO');
  ({ caseId, courseId } = await caseWithCourse(s, 'KOMPIS-800003'));
  await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
});
afterAll(() => apps.cleanup());

describe('conversation records with the compartment open', () => {
  it('logs a new record as created and a correction as updated, by the record id only', async () => {
    const saved = await s.call('conversations.save', conversation(courseId));
    await s.call('conversations.save', { ...conversation(courseId), id: saved.id, durationMinutes: 30 });
    const entries = (await s.call('audit.list', { objectId: saved.id })).entries;
    expect(entries.map((e) => [e.action, e.objectType])).toEqual([
      ['update', 'conversation'],
      ['create', 'conversation'],
    ]);
    expect((await s.call('conversations.list', { courseId })).conversations).toMatchObject([
      { id: saved.id, durationMinutes: 30, createdAt: expect.any(String) },
    ]);
  });

  it('refuses a correction of a record that does not exist, or belongs to another course, and writes nothing', async () => {
    const other = await newCourse();
    const elsewhere = await s.call('conversations.save', conversation(other));
    const before = s.rows();
    for (const id of [UNKNOWN_ID, elsewhere.id])
      expect(await s.fail('conversations.save', { ...conversation(courseId), id })).toMatchObject(NOT_FOUND);
    expect(s.rows()).toEqual(before);
  });

  it('treats a deleted mentor course as gone: no records listed, none saved', async () => {
    const doomed = await newCourse();
    await s.call('conversations.save', conversation(doomed));
    await s.call('documents.delete', { id: doomed, reason: 'Registrert på feil sak' });
    const before = s.rows();
    expect(await s.fail('conversations.list', { courseId: doomed })).toMatchObject(NOT_FOUND);
    expect(await s.fail('conversations.save', conversation(doomed))).toMatchObject(NOT_FOUND);
    expect(s.rows()).toEqual(before);
  });

  it('refuses a record on a document that is not a mentor course', async () => {
    const plan = await s.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ grading: { level: 'BEGRENSET' } }),
    });
    expect(await s.fail('conversations.save', conversation(plan.document.id))).toMatchObject(NOT_FOUND);
  });

  it('does not log a refused unlock that was never tried (throttled) as a failed one', async () => {
    await s.call('compartment.lock', {});
    expect(await s.fail('compartment.unlock', { passphrase: 'Feil passord for ordningen' })).toMatchObject({
      code: 'wrong_passphrase',
    });
    const failed = async () =>
      (await s.call('audit.list', { objectId: 'mentor-scheme' })).entries.filter((e) => e.action === 'unlock_failed');
    expect(await failed()).toHaveLength(1);
    expect(await s.fail('compartment.unlock', { passphrase: 'Feil passord for ordningen' })).toMatchObject({
      code: 'throttled',
    });
    expect(await failed()).toHaveLength(1);
  });
});
