import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

const CONTACT = FICTIONAL_CONTACT;

beforeAll(async () => {
  s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
});
afterAll(() => apps.cleanup());

describe('contact register sent to KDI on every change (NO pkt 2)', () => {
  it('follows the register from empty to never sent, sent, and changed by a save or a deletion', async () => {
    expect(await s.call('contacts.registerStatus', {})).toMatchObject({ state: 'empty', entries: 0 });

    const kari = await s.call('contacts.save', { entry: CONTACT });
    await s.call('contacts.save', { entry: { ...CONTACT, name: 'Jens Opdigtet', role: 'radikaliseringskoordinator' } });
    expect(await s.call('contacts.registerStatus', {})).toMatchObject({
      state: 'never_sent',
      entries: 2,
      changedOn: '2026-03-02',
      citation: { text: 'NO pkt 2' },
    });

    s.setNow('2026-03-04T09:00:00.000Z');
    const sent = await s.call('contacts.recordSent', { sentOn: '2026-03-03' });
    expect(sent).toMatchObject({ state: 'sent', lastSentOn: '2026-03-03' });
    expect(await s.call('contacts.registerStatus', {})).toEqual(sent);

    s.setNow('2026-03-05T09:00:00.000Z');
    await s.call('contacts.save', { id: kari.id, entry: { ...CONTACT, phone: '+47 11 11 11 11' }, expectedVersion: 1 });
    expect(await s.call('contacts.registerStatus', {})).toMatchObject({
      state: 'changed',
      lastSentOn: '2026-03-03',
      changedOn: '2026-03-05',
    });

    await s.call('contacts.recordSent', { sentOn: '2026-03-05' });
    s.setNow('2026-03-06T09:00:00.000Z');
    await s.call('contacts.delete', { id: kari.id, reason: 'Fiktiv: har sluttet i rollen' });
    expect(await s.call('contacts.registerStatus', {})).toMatchObject({
      state: 'changed',
      entries: 1,
      changedOn: '2026-03-06',
    });
  });

  it('refuses a sending dated after today and records nothing', async () => {
    s.setNow('2026-03-10T09:00:00.000Z');
    const before = s.rows();
    const error = await s.fail('contacts.recordSent', { sentOn: '2026-03-11' });
    expect(error).toMatchObject({
      code: 'invalid_input',
      messageKey: 'mentors.contacts.sent.future',
      fields: ['sentOn'],
    });
    expect(s.rows()).toEqual(before);
  });

  it('refuses a sending dated before the register last changed: it did not carry the register as it stands', async () => {
    s.setNow('2026-03-20T09:00:00.000Z');
    await s.call('contacts.save', { entry: { ...CONTACT, name: 'Per Oppdiktet' } });
    const before = s.rows();
    expect(await s.fail('contacts.recordSent', { sentOn: '2026-03-10' })).toMatchObject({
      code: 'invalid_input',
      messageKey: 'mentors.contacts.sent.beforeChange',
      params: { changedOn: '2026-03-20' },
      fields: ['sentOn'],
    });
    expect(s.rows()).toEqual(before);
    expect(await s.call('contacts.recordSent', { sentOn: '2026-03-20' })).toMatchObject({ state: 'sent' });
  });
});

describe('the contact register in a DK vault', () => {
  it('is not kept: NO pkt 2 is the Norwegian guideline’s', async () => {
    const dk = await apps.make('DK');
    const before = dk.rows();
    for (const [channel, input] of [
      ['contacts.save', { entry: CONTACT }],
      ['contacts.recordSent', { sentOn: '2026-03-02' }],
      ['contacts.registerStatus', {}],
    ] as const) {
      expect(await dk.fail(channel, input)).toMatchObject({
        code: 'invalid_input',
        messageKey: 'rules.profile.kindNotOffered',
      });
    }
    expect(dk.rows()).toEqual(before);
  });
});
