// The compartment channels on a vault made inside each test, so the channels themselves are built
// while the test runs: a new vault's compartment from "none" to open, its audit entry, a weak
// passphrase refused by name, and a correction of one record among several on a course.
import { afterAll, describe, expect, it } from 'vitest';
import { caseWithCourse, conversationInput, MENTOR_SCHEME_PASSPHRASE } from '../support/compartment-fixtures';
import { serviceApps } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());

describe('the mentor compartment on a new vault', () => {
  it('starts as none, refuses a weak passphrase by name, then opens and is logged as created once', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-800010');
    expect(await s.call('compartment.status', {})).toEqual({ state: 'none' });
    expect(await s.fail('compartment.create', { passphrase: 'kort' })).toMatchObject({
      code: 'weak_passphrase',
      messageKey: 'error.weak_passphrase',
    });
    expect(await s.call('compartment.status', {})).toEqual({ state: 'none' });
    expect(await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toEqual({ state: 'unlocked' });
    const entries = (await s.call('audit.list', { objectId: 'mentor-scheme' })).entries;
    expect(entries.map((e) => [e.action, e.objectType])).toEqual([['create', 'compartment']]);
    const saved = await s.call('conversations.save', conversationInput(courseId));
    expect((await s.call('conversations.list', { courseId })).conversations.map((c) => c.id)).toEqual([saved.id]);
  });

  it('corrects one record of a course that has several, leaving the others as they were', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-800011');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const first = await s.call('conversations.save', conversationInput(courseId, 'Første samtale'));
    const second = await s.call('conversations.save', conversationInput(courseId, 'Andre samtale'));
    await s.call('conversations.save', { ...conversationInput(courseId, 'Første samtale, rettet'), id: first.id });
    const listed = (await s.call('conversations.list', { courseId })).conversations;
    expect(listed.map((c) => [c.id, c.notes]).sort()).toEqual(
      [
        [first.id, 'Første samtale, rettet'],
        [second.id, 'Andre samtale'],
      ].sort(),
    );
  });
});

describe('a compartment lock pressed while its key is being derived', () => {
  it('holds against an unlock under way: the unlock fails by name and nothing opens', async () => {
    const s = await apps.make('NO');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    await s.call('compartment.lock', {});
    const unlocking = s.app.router.invoke('compartment.unlock', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    await new Promise((resolve) => setImmediate(resolve));
    expect(await s.call('compartment.lock', {})).toEqual({ state: 'locked' });
    expect(await unlocking).toMatchObject({
      ok: false,
      error: { code: 'forbidden', messageKey: 'error.compartment_locked' },
    });
    expect(await s.call('compartment.status', {})).toEqual({ state: 'locked' });
    // The next unlock opens it.
    expect(await s.call('compartment.unlock', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toEqual({ state: 'unlocked' });
  });

  it('holds against a creation under way: the compartment is made, and left locked', async () => {
    const s = await apps.make('NO');
    const creating = s.app.router.invoke('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    await new Promise((resolve) => setImmediate(resolve));
    await s.call('compartment.lock', {});
    expect(await creating).toMatchObject({ ok: true, value: { state: 'locked' } });
    expect(await s.call('compartment.status', {})).toEqual({ state: 'locked' });
  });
});

describe('the compartment passphrase', () => {
  it('may not be the vault passphrase: refused, naming the field, and no compartment is made', async () => {
    const s = await apps.make('NO');
    expect(await s.fail('compartment.create', { passphrase: PASSPHRASE })).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.compartment_same_as_vault',
      fields: ['passphrase'],
    });
    expect(await s.call('compartment.status', {})).toEqual({ state: 'none' });
    expect(await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toEqual({ state: 'unlocked' });
  });
});
