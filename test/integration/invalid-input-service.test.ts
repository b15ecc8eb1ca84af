import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../shared/domain';
import { contract, type Channel } from '../../shared/ipc/contract';
import { suitableMentor } from '../../shared/rules/test-fixtures';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';

/**
 * Every channel of the case, document and mentor-scheme services, on a vault with data in it: input
 * that fails the channel's schema, or the kind-specific content check behind it, is refused with a
 * typed invalid_input error and not one row of any table changes.
 */
const apps = serviceApps();
let s: ServiceApp;
let samples: Partial<Record<Channel, Record<string, unknown>>>;

const SERVICE_CHANNELS = (Object.keys(contract) as Channel[]).filter(
  (name) => !/^(vault|session|settings)\./.test(name),
);
const JUNK: unknown[] = [42, 'text', [], null, true, { unexpectedField: 'x' }];

beforeAll(async () => {
  s = await apps.make('NO');
  await s.call('compartment.create', { passphrase: 'Mentorordningens eget lange passord' });
  const kase = await s.call('cases.create', {
    name: 'Ola Testmann',
    caseReference: 'KOMPIS-990001',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: GRADING,
  });
  const plan = await s.call('documents.create', { caseId: kase.id, kind: 'follow_up_plan', content: completePlan() });
  await s.call('documents.finalise', { id: plan.document.id });
  const course = await s.call('documents.create', { caseId: kase.id, kind: 'mentor_course' });
  const { id: _id, ...mentor } = suitableMentor();
  const mentorView = await s.call('mentors.save', { mentor });
  const id = plan.document.id;
  const entry = {
    role: 'radikaliseringskontakt',
    name: 'Kari Fiktiv',
    unit: 'Fiktivby fengsel',
    region: 'Øst',
    phone: '',
    email: '',
  };
  const section = { field: 'cooperation', heading: 'Samhandling', guidance: '' };
  samples = {
    'cases.list': {
      query: 'ola',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: 'BEGRENSET',
      sort: 'updated',
      limit: 10,
      offset: 0,
    },
    'cases.get': { id: kase.id },
    'cases.purgePreview': { caseId: kase.id },
    'cases.deletedList': {},
    'records.deleted': { kind: 'mentor' },
    'records.purge': { kind: 'contact_entry', id: mentorView.id },
    'progress.get': { operation: 'restore' },
    'cases.purge': { caseId: kase.id, confirmReference: 'KOMPIS-990001', reason: 'registered_in_error' },
    'innsyn.prepare': { caseId: kase.id, documentId: id },
    'innsyn.export': {
      caseId: kase.id,
      versions: [{ documentId: id, version: 2 }],
      redactions: [{ type: 'field', documentId: id, path: 'title', basis: 'no-offl-13' }],
      textsDigest: '0'.repeat(64),
    },
    'innsyn.log': { caseId: kase.id },
    'cases.create': {
      name: 'Jens Opdigtet',
      caseReference: 'KOMPIS-990002',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    },
    'cases.update': {
      id: kase.id,
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-990001',
      unit: 'Fiktivby fengsel',
      status: 'loslatt',
      grading: GRADING,
    },
    'cases.delete': { id: kase.id, reason: 'Feil' },
    'cases.units': {},
    'documents.list': { caseId: kase.id, kind: 'meeting', includeDeleted: true },
    'documents.get': { id, version: 1 },
    'documents.create': { caseId: kase.id, kind: 'observation', grading: GRADING, note: 'Ny' },
    'documents.save': { id, content: completePlan({ cooperation: 'Endret' }), expectedVersion: 2, note: 'Endret' },
    'documents.check': { id },
    'documents.finalise': { id, expectedVersion: 2 },
    'documents.versions': { id },
    'documents.diff': { id, from: 1, to: 2 },
    'documents.delete': { id, reason: 'Feil' },
    'documents.changesSinceSent': { id, recipient: 'region' },
    'distribution.record': { documentId: id, version: 2, recipient: 'kdi', sentOn: '2026-03-02', format: 'paper' },
    'distribution.list': { documentId: id },
    'mentors.list': {},
    'mentors.get': { id: mentorView.id },
    'mentors.save': { id: mentorView.id, mentor, grading: GRADING },
    'mentors.delete': { id: mentorView.id, reason: 'Feil' },
    'contacts.list': {},
    'contacts.save': { entry },
    'contacts.delete': { id: mentorView.id, reason: 'Feil' },
    'contacts.registerStatus': {},
    'contacts.recordSent': { sentOn: '2026-03-02' },
    'templates.list': { locale: 'nb', kind: 'meeting' },
    'templates.get': { id: 'no-follow-up-plan', locale: 'da' },
    'templates.save': { basedOn: 'no-follow-up-plan', locale: 'nb', title: 'Plan', intro: '', sections: [section] },
    'search.query': { text: 'ola', caseId: kase.id, limit: 5 },
    'compartment.status': {},
    'compartment.create': { passphrase: 'Et annet langt passord for ordningen' },
    'compartment.unlock': { passphrase: 'Mentorordningens eget lange passord' },
    'compartment.lock': {},
    'conversations.list': { courseId: course.document.id },
    'conversations.save': {
      courseId: course.document.id,
      mentorId: mentorView.id,
      place: 'Rom 2',
      date: '2026-03-01',
      durationMinutes: 30,
      notes: 'Samtale',
      grading: GRADING,
    },
    'audit.list': { objectId: id, limit: 5 },
    'audit.verify': {},
    'due.list': { caseId: kase.id, today: '2026-03-02' },
    'due.view': { unit: 'Fiktivby fengsel', kind: 'no_meeting_action', mine: true, groupBy: 'case', limit: 5 },
    'retention.get': {},
    'retention.update': { kind: 'case', years: 7, basis: 'Arkivplan for Fiktivby' },
    'export.prepare': { documentId: id },
    'export.pdf': { documentId: id, recipient: 'kdi' },
    'export.asice': { documentId: id, version: 2, recipient: 'kdi', locale: 'nb' },
    'export.print': { documentId: id },
    'export.log': { documentId: id },
    'verify.file': { fileName: 'plan.asice', fileBase64: 'UEsDBA==' },
    'import.file': { fileName: 'plan.asice', fileBase64: 'UEsDBA==', acceptUntrusted: false },
    'import.list': {},
    'import.get': { id: mentorView.id },
    'import.purge': { id: mentorView.id, reason: 'registered_in_error' },
    'signing.identity': {},
    'signing.generateIdentity': { unitName: 'Fiktivby fengsel', algorithm: 'ecdsa-p256' },
    'signing.importPkcs12': { fileBase64: 'MIIB', password: 'hemmelig' },
    'signing.certificate': {},
    'signing.fingerprintSheet': { locale: 'nb' },
    'signing.trustList': {},
    'signing.token': {},
    'trust.list': {},
    'trust.add': { files: [{ fileName: 'ca.pem', fileBase64: Buffer.from('not a certificate').toString('base64') }] },
    'trust.remove': { id: 'a'.repeat(64) },
    'signing.setToken': { token: { modulePath: '/usr/lib/softhsm/libsofthsm2.so', tokenLabel: 'Bro test' } },
    'signing.trust': { label: 'KDI', fingerprint: 'ab'.repeat(32) },
    'signing.untrust': { fingerprint: 'ab'.repeat(32) },
    'backup.create': {},
    'backup.chooseRestoreFile': {},
    'backup.chooseRestoreFolder': {},
    'backup.restore': { passphrase: 'Sikkerhetskopiens passordfrase', into: 'chosenFolder' },
    'files.openSigned': {},
    'trust.addFromFile': {},
    'files.print': { documentId: id },
    'signing.saveCertificate': {},
    'signing.saveFingerprintSheet': { locale: 'da' },
    'transfer.get': { caseId: kase.id },
    'transfer.cancel': { caseId: kase.id },
    'transfer.save': {
      caseId: kase.id,
      transfer: { kind: 'other_unit', receivingUnit: 'Nordby fengsel', plannedDate: '2026-04-01' },
    },
    'handover.prepare': { caseId: kase.id },
    'handover.save': { caseId: kase.id, choices: [{ documentId: id, include: true, reason: 'Gjeldende plan' }] },
    'handover.preview': { fileName: 'h.asice', fileBase64: 'UEsDBA==', acceptUntrusted: false },
    'handover.import': {
      fileName: 'h.asice',
      fileBase64: 'UEsDBA==',
      acceptUntrusted: false,
      mergeIntoCaseId: kase.id,
    },
  };
});
afterAll(() => apps.cleanup());

/** Schema-invalid variants of a valid input: junk, an unknown key, and each key dropped or retyped. */
function variants(name: Channel): unknown[] {
  const sample = samples[name] ?? {};
  const out: unknown[] = [...JUNK, { ...sample, unexpectedField: 1 }];
  for (const key of Object.keys(sample)) {
    const { [key]: _dropped, ...rest } = sample;
    out.push(rest, { ...sample, [key]: { nested: ['x'] } }, { ...sample, [key]: -1 });
  }
  // The router reads a missing input as {}.
  return out.filter((input) => !contract[name].input.safeParse(input ?? {}).success);
}

describe('invalid input through every service channel', () => {
  it('has a valid sample for every service channel', () => {
    for (const name of SERVICE_CHANNELS)
      expect({ name, valid: contract[name].input.safeParse(samples[name]).success }).toEqual({ name, valid: true });
  });

  it.each(SERVICE_CHANNELS)('%s refuses schema-invalid input with invalid_input and changes no row', async (name) => {
    const before = s.rows();
    const inputs = variants(name);
    expect(inputs.length).toBeGreaterThan(3);
    for (const input of inputs) {
      const error = await s.fail(name, input);
      expect(error).toMatchObject({ code: 'invalid_input', messageKey: 'error.invalid_input' });
      expect(JSON.stringify(error)).not.toMatch(/Ola|Testmann|at .*\.ts/);
    }
    expect(s.rows()).toEqual(before);
  });

  it.each(DOCUMENT_KINDS)(
    'refuses %s content that does not fit its kind, naming the fields, and changes no row',
    async (kind) => {
      const before = s.rows();
      const caseId = samples['cases.get']?.id as string;
      const error = await s.fail('documents.create', {
        caseId,
        kind,
        content: { grading: GRADING, unexpected: true, variant: 'XX' },
      });
      expect(error.code).toBe('invalid_input');
      expect(error.fields?.every((field) => field.startsWith('content'))).toBe(true);
      expect(s.rows()).toEqual(before);
    },
  );

  it('refuses service-level invalid input (wrong profile, wrong content, unknown section) and changes no row', async () => {
    const before = s.rows();
    const id = samples['documents.check']?.id as string;
    const cases = [
      s.fail('documents.save', { id, content: { ...completePlan(), responsibleUnitHead: 17 } }),
      s.fail('documents.save', { id, content: completePlan({ grading: { level: 'FORTROLIGT' } }) }),
      s.fail('cases.create', { ...samples['cases.create'], grading: { level: 'HEMMELIGT' } }),
      s.fail('mentors.save', {
        ...samples['mentors.save'],
        grading: { level: 'FORTROLIGT' },
        id: undefined,
        mentor: { ...suitableMentor(), id: undefined },
      }),
      s.fail('templates.save', {
        ...samples['templates.save'],
        sections: [{ field: 'risk', heading: 'Risiko', guidance: '' }],
      }),
    ];
    for (const error of await Promise.all(cases)) expect(error.code).toBe('invalid_input');
    expect(s.rows()).toEqual(before);
  });
});
