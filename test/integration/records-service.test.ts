import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offeredNoCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

const CONTACT = FICTIONAL_CONTACT;

beforeAll(async () => {
  s = await apps.make('NO');
});
afterAll(() => apps.cleanup());

describe('vault records: mentors and the contact register', () => {
  it('keeps the contact register sorted, versioned, and sendable to KDI on every change (NO pkt 2)', async () => {
    const kari = await s.call('contacts.save', { entry: CONTACT });
    expect(kari).toMatchObject({ name: 'Kari Fiktiv', grading: { level: 'UGRADERT' }, currentVersion: 1 });
    await s.call('contacts.save', {
      entry: { ...CONTACT, role: 'radikaliseringskoordinator', name: 'Jens Opdigtet', unit: 'Region Øst' },
    });
    const changed = await s.call('contacts.save', {
      id: kari.id,
      entry: { ...CONTACT, phone: '+47 11 11 11 11' },
      expectedVersion: 1,
    });
    expect(changed.currentVersion).toBe(2);
    expect((await s.call('contacts.list', {})).entries.map((e) => e.name)).toEqual(['Kari Fiktiv', 'Jens Opdigtet']);
    await s.call('distribution.record', {
      documentId: kari.id,
      version: 2,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'paper',
    });
    const diff = await s.call('documents.diff', { id: kari.id, from: 1 });
    expect(diff.changes).toEqual([
      { path: 'phone', change: 'changed', before: '+47 00 00 00 00', after: '+47 11 11 11 11' },
    ]);
    await s.call('contacts.delete', { id: kari.id, reason: 'Sluttet i stillingen' });
    expect((await s.call('contacts.list', {})).entries.map((e) => e.name)).toEqual(['Jens Opdigtet']);
  });

  it("lists the contact register by region in Norwegian order, whatever the machine's locale", async () => {
    const t = await apps.make('NO');
    for (const region of ['Region øst', 'Region vest', 'Region nord', 'Region sør'])
      await t.call('contacts.save', { entry: { ...CONTACT, region, name: `Kontakt ${region}` } });
    expect((await t.call('contacts.list', {})).entries.map((e) => e.region)).toEqual([
      'Region nord',
      'Region sør',
      'Region vest',
      'Region øst',
    ]);
  });

  it('keeps vault records out of case document channels, and case documents out of record channels', async () => {
    const entry = await s.call('contacts.save', { entry: CONTACT });
    expect(await s.fail('documents.get', { id: entry.id })).toMatchObject({ code: 'not_found' });
    expect(await s.fail('mentors.get', { id: entry.id })).toMatchObject({ code: 'not_found' });
    expect((await s.call('documents.list', {})).documents.map((d) => d.id)).not.toContain(entry.id);
  });

  it('checks a NO course against the mentor records: police certificate and confidentiality (NO pkt 13.2, 13.5)', async () => {
    const { id: _id, ...mentor } = suitableMentor({
      policeCertificate: {},
      confidentialityDeclarationSignedOn: undefined,
    });
    const saved = await s.call('mentors.save', { mentor });
    const kase = await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-600001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const doc = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'mentor_course',
      content: offeredNoCourse({
        mentors: [{ ...offeredNoCourse().mentors[0]!, mentorId: saved.id, contractSignedOn: '2026-01-20' }],
        grading: { level: 'BEGRENSET' },
      }),
    });
    expect(await s.fail('documents.finalise', { id: doc.document.id })).toMatchObject({
      params: { citations: 'NO pkt 13.2, NO pkt 13.5', count: 2 },
    });
    await s.call('mentors.save', {
      id: saved.id,
      mentor: {
        ...mentor,
        policeCertificate: { presentedOn: '2026-01-05', comprehensive: true },
        confidentialityDeclarationSignedOn: '2026-01-06',
      },
    });
    expect((await s.call('documents.finalise', { id: doc.document.id })).document.status).toBe('final');
    expect((await s.call('mentors.list', {})).mentors.map((m) => [m.id, m.currentVersion, m.courseIds])).toEqual([
      [saved.id, 2, [doc.document.id]],
    ]);
  });

  it("lowers a record's grading only with a reason", async () => {
    const entry = await s.call('contacts.save', { entry: CONTACT, grading: { level: 'BEGRENSET' } });
    expect(
      await s.fail('contacts.save', { id: entry.id, entry: CONTACT, grading: { level: 'UGRADERT' } }),
    ).toMatchObject({ fields: ['downgradeReason'] });
    await s.call('contacts.save', {
      id: entry.id,
      entry: CONTACT,
      grading: { level: 'UGRADERT' },
      downgradeReason: 'Offentlig kjent rolle',
    });
    const versions = await s.call('documents.versions', { id: entry.id });
    expect(versions.versions.map((v) => [v.grading, v.note])).toEqual([
      ['BEGRENSET', null],
      ['UGRADERT', 'Offentlig kjent rolle'],
    ]);
    expect((await s.call('audit.list', { objectId: entry.id })).entries.map((e) => e.action)).toEqual([
      'downgrade',
      'update',
      'create',
    ]);
  });
});
