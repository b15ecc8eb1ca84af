import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithCourse, conversationInput, MENTOR_SCHEME_PASSPHRASE } from '../support/compartment-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;
let courseId: string;

const NOTES = 'Samtale med Ola Testmann om skolegang og familie';

beforeAll(async () => {
  s = await apps.make('NO');
  ({ caseId, courseId } = await caseWithCourse(s, 'KOMPIS-800001'));
});
afterAll(() => apps.cleanup());

const conversation = () => conversationInput(courseId, NOTES);

describe('mentor compartment channels (NO pkt 13.5, 13.10)', () => {
  it('lets the mentor scheme record and read conversations once its compartment is open', async () => {
    expect(await s.call('compartment.status', {})).toEqual({ state: 'none' });
    expect(await s.fail('conversations.list', { courseId })).toMatchObject({ code: 'forbidden' });
    expect(await s.fail('compartment.create', { passphrase: 'kort' })).toMatchObject({ code: 'weak_passphrase' });
    expect(await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toEqual({ state: 'unlocked' });
    const saved = await s.call('conversations.save', conversation());
    expect(saved).toMatchObject({ courseId, notes: NOTES, durationMinutes: 60 });
    const corrected = await s.call('conversations.save', { ...conversation(), id: saved.id, durationMinutes: 45 });
    expect((await s.call('conversations.list', { courseId })).conversations).toMatchObject([
      { id: corrected.id, durationMinutes: 45 },
    ]);
    expect(await s.fail('conversations.list', { courseId: caseId })).toMatchObject({ code: 'not_found' });
  });

  it('gives a coordinator (vault open, compartment locked) forbidden, and never shows the records in case views', async () => {
    s.app.session.lock();
    await s.call('vault.unlock', { passphrase: PASSPHRASE });
    expect(await s.call('compartment.status', {})).toEqual({ state: 'locked' });
    expect(await s.fail('conversations.list', { courseId })).toMatchObject({
      code: 'forbidden',
      messageKey: 'error.compartment_locked',
    });
    expect(await s.fail('conversations.save', conversation())).toMatchObject({ code: 'forbidden' });

    const views = [
      await s.call('cases.get', { id: caseId }),
      await s.call('documents.list', { caseId }),
      await s.call('documents.get', { id: courseId }),
      await s.call('search.query', { text: 'skolegang' }),
      await s.call('audit.list', {}),
    ];
    for (const view of views) expect(JSON.stringify(view)).not.toMatch(/skolegang|besøksrom/);
    expect((await s.call('search.query', { text: 'skolegang' })).hits).toEqual([]);
  });

  it('opens only with the mentor scheme passphrase, logging failed attempts', async () => {
    expect(await s.fail('compartment.unlock', { passphrase: PASSPHRASE })).toMatchObject({ code: 'wrong_passphrase' });
    expect(await s.fail('compartment.unlock', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toMatchObject({
      code: 'throttled',
    });
    s.setNow('2026-03-02T10:05:00.000Z');
    expect(await s.call('compartment.unlock', { passphrase: MENTOR_SCHEME_PASSPHRASE })).toEqual({ state: 'unlocked' });
    expect((await s.call('conversations.list', { courseId })).conversations[0]?.notes).toBe(NOTES);
    const actions = (await s.call('audit.list', { objectId: 'mentor-scheme' })).entries.map((e) => e.action);
    expect(actions).toEqual(['compartment_unlock', 'unlock_failed', 'create']);
    expect(await s.call('compartment.lock', {})).toEqual({ state: 'locked' });
    expect(await s.fail('conversations.list', { courseId })).toMatchObject({ code: 'forbidden' });
  });
});

describe('the grading of conversation records', () => {
  it("refuses the other profile's grading, changing nothing", async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-GRAD-1');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const before = s.rows();
    const input = { ...conversationInput(courseId, 'Samtale om arbeid'), grading: { level: 'YDERST HEMMELIGT' } };
    expect(await s.fail('conversations.save', input)).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.grading_profile',
    });
    expect(s.rows()).toEqual(before);
  });

  it('lowers a grading only with a reason, kept in the sealed record and logged as a downgrade', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-GRAD-2');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const input = conversationInput(courseId, 'Samtale om reiser');
    const saved = await s.call('conversations.save', { ...input, grading: { level: 'HEMMELIG' } });
    const before = s.rows();
    const lower = { ...input, id: saved.id, grading: { level: 'UGRADERT' as const } };
    expect(await s.fail('conversations.save', lower)).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.downgrade_reason_required',
    });
    expect(s.rows()).toEqual(before);
    const lowered = await s.call('conversations.save', {
      ...lower,
      downgradeReason: 'Vurdert på nytt av mentorordningen',
    });
    expect(lowered.grading).toEqual({ level: 'UGRADERT' });
    const actions = (await s.call('audit.list', { objectId: saved.id })).entries.map((e) => e.action);
    expect(actions).toContain('downgrade');
    const db = s.app.session.current().db;
    const stored = s.app.compartment.read(db, courseId).records.find((r) => r.id === saved.id);
    expect(stored?.payload).toMatchObject({
      gradingChanges: [{ from: 'HEMMELIG', to: 'UGRADERT', reason: 'Vurdert på nytt av mentorordningen' }],
    });
    // Raising needs no reason and is no downgrade.
    await s.call('conversations.save', { ...lower, grading: { level: 'BEGRENSET' } });
    const after = (await s.call('audit.list', { objectId: saved.id })).entries.filter((e) => e.action === 'downgrade');
    expect(after).toHaveLength(1);
  });
});

describe('the grading banner and conversation records', () => {
  it('counts a record graded higher than the rest while the compartment is open, and not once it is shut', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-GRAD-3');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const banner = async () => (await s.call('vault.status', {})).highestGrading;
    const shut = await banner();
    await s.call('conversations.save', {
      ...conversationInput(courseId, 'Samtale med høy gradering'),
      grading: { level: 'STRENGT HEMMELIG' },
    });
    expect(await banner()).toBe('STRENGT HEMMELIG');
    await s.call('compartment.lock', {});
    expect(await banner()).toBe(shut);
  });
});

describe('correcting a conversation record', () => {
  it('keeps the day it was recorded, its place in the list and every earlier wording, sealed', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-RETT-1');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    s.setNow('2026-03-02T10:00:00.000Z');
    const first = await s.call('conversations.save', conversationInput(courseId, 'Første samtale'));
    s.setNow('2026-03-09T10:00:00.000Z');
    const second = await s.call('conversations.save', conversationInput(courseId, 'Andre samtale'));
    s.setNow('2026-05-02T10:00:00.000Z');
    const corrected = await s.call('conversations.save', {
      ...conversationInput(courseId, 'Første samtale, rettet'),
      id: first.id,
      expectedRevision: 1,
    });
    expect(corrected).toMatchObject({ createdAt: first.createdAt, revision: 2, notes: 'Første samtale, rettet' });
    const listed = (await s.call('conversations.list', { courseId })).conversations;
    expect(listed.map((c) => [c.id, c.createdAt, c.revision])).toEqual([
      [first.id, '2026-03-02T10:00:00.000Z', 2],
      [second.id, '2026-03-09T10:00:00.000Z', 1],
    ]);
    const sealed = s.app.compartment.read(s.app.session.current().db, courseId).records.find((r) => r.id === first.id);
    expect(sealed?.payload).toMatchObject({
      notes: 'Første samtale, rettet',
      savedAt: '2026-05-02T10:00:00.000Z',
      earlier: [{ notes: 'Første samtale', savedAt: '2026-03-02T10:00:00.000Z' }],
    });
    // One who can edit the database but not open the compartment cannot redate it.
    s.app.session
      .current()
      .db.prepare('UPDATE mentor_conversations SET created_at = ? WHERE id IN (?, ?)')
      .run(['2025-01-01T00:00:00.000Z', first.id, second.id]);
    const shown = (await s.call('conversations.list', { courseId })).conversations.map((c) => c.createdAt).sort();
    expect(shown).toEqual(['2026-03-02T10:00:00.000Z', '2026-03-09T10:00:00.000Z']);
  });

  it('refuses a correction made from an older reading, so the newer one is not silently undone', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-RETT-2');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const saved = await s.call('conversations.save', conversationInput(courseId, 'Samtale'));
    await s.call('conversations.save', {
      ...conversationInput(courseId, 'Samtale. Tillegg: familie'),
      id: saved.id,
      expectedRevision: 1,
    });
    const before = s.rows();
    expect(
      await s.fail('conversations.save', {
        ...conversationInput(courseId, 'Samtale, rettet fra gammel kopi'),
        id: saved.id,
        expectedRevision: 1,
      }),
    ).toMatchObject({ code: 'conflict', messageKey: 'error.conflict' });
    expect(s.rows()).toEqual(before);
    const [kept] = (await s.call('conversations.list', { courseId })).conversations;
    expect(kept?.notes).toBe('Samtale. Tillegg: familie');
  });
});

describe('a conversation record changed outside Bro', () => {
  it('is named, while the intact records of the course are listed and can be corrected', async () => {
    const s = await apps.make('NO');
    const { courseId } = await caseWithCourse(s, 'KOMPIS-SKADE-1');
    await s.call('compartment.create', { passphrase: MENTOR_SCHEME_PASSPHRASE });
    const intact = await s.call('conversations.save', conversationInput(courseId, 'Hel samtale'));
    const damaged = await s.call('conversations.save', conversationInput(courseId, 'Skadet samtale'));
    s.app.session
      .current()
      .db.prepare('UPDATE mentor_conversations SET tag = zeroblob(16) WHERE id = ?')
      .run([damaged.id]);
    const listed = await s.call('conversations.list', { courseId });
    expect(listed.conversations.map((c) => c.id)).toEqual([intact.id]);
    expect(listed.damaged).toEqual([damaged.id]);
    // The banner, which reads every sealed record's grading while the compartment is open, still answers.
    expect(await s.call('vault.status', {})).toMatchObject({ state: 'unlocked' });
    await s.call('conversations.save', { ...conversationInput(courseId, 'Hel samtale, rettet'), id: intact.id });
    expect(
      await s.fail('conversations.save', { ...conversationInput(courseId, 'Overskrevet'), id: damaged.id }),
    ).toMatchObject({ code: 'vault_corrupt', messageKey: 'error.conversation_altered' });
  });
});
