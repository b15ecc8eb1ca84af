import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAsice } from '../../main/signing';
import { flipByte, writeZip, type ZipSpec } from '../fixtures/signing/signing-fixtures';
import { loadVaultIdentity } from '../../main/services/signing-service';
import { HANDOVER_MANIFEST_NAME, HandoverManifestSchema } from '../../shared/domain/transfer';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { b64, handoverSaver, seedSender, vaultState, zipEntries } from './handover-fixtures';

const apps = serviceApps();
let a: ServiceApp;
let b: ServiceApp;
let untrusting: ServiceApp;
let genuine: Uint8Array;
let other: Uint8Array;

const PLAN_JSON = 'documents/01-follow_up_plan.json';
const PLAN_PDF = 'documents/01-follow_up_plan.pdf';

async function packageOf(reference: string): Promise<Uint8Array> {
  const seeded = await seedSender(a, reference);
  await a.call('transfer.save', {
    caseId: seeded.caseId,
    transfer: { kind: 'community_sentence', receivingUnit: 'Nordby friomsorgskontor', plannedDate: '2026-04-01' },
  });
  const { bytes } = await handoverSaver(a)({
    caseId: seeded.caseId,
    choices: [{ documentId: seeded.sent.id, include: true, reason: 'Gjeldende plan' }],
  });
  if (!bytes) throw new Error('not saved');
  return bytes;
}

beforeAll(async () => {
  [a, b, untrusting] = await Promise.all([apps.make('NO'), apps.make('NO'), apps.make('NO')]);
  const identity = await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: identity.certificate.fingerprint });
  genuine = await packageOf('KOMPIS-TAMPER-1');
  other = await packageOf('KOMPIS-TAMPER-2');
}, 300_000);
afterAll(() => apps.cleanup());

/** Imports into `into` (B by default), expecting a refusal that leaves every row and every file as it was. */
async function refusedUnchanged(bytes: Uint8Array, into: ServiceApp = b, acceptUntrusted = true) {
  const before = vaultState(into);
  const input = { fileName: 'handover.asice', fileBase64: b64(bytes), acceptUntrusted };
  const preview = await into.call('handover.preview', input);
  const result = await into.call('handover.import', input);
  expect(preview.outcome).toBe('refused');
  if (result.outcome !== 'refused') throw new Error('imported a package that should be refused');
  expect(vaultState(into)).toEqual(before);
  return result;
}

const repack = async (bytes: Uint8Array, change: (list: ZipSpec[]) => ZipSpec[]) =>
  writeZip(change(await zipEntries(bytes)));

describe('a tampered handover package is refused and the receiving vault is unchanged', () => {
  it('refuses a package with one byte changed in a document', async () => {
    const tampered = await repack(genuine, (list) =>
      list.map((entry) => (entry.name === PLAN_JSON ? { ...entry, bytes: flipByte(entry.bytes, 40) } : entry)),
    );
    const result = await refusedUnchanged(tampered);
    expect(result.reason.messageKey).toBe('export.import.invalid');
    expect(result.report.problems).toContainEqual(
      expect.objectContaining({ file: PLAN_JSON, messageKey: 'signing.problem.fileModified' }),
    );
  });

  it('refuses a package with a document added', async () => {
    const extra = (await zipEntries(other)).find((entry) => entry.name === PLAN_JSON);
    if (!extra) throw new Error('no plan in the other package');
    const tampered = await repack(genuine, (list) => [
      ...list,
      { name: 'documents/02-follow_up_plan.json', bytes: extra.bytes },
    ]);
    const result = await refusedUnchanged(tampered);
    expect(result.report.problems).toContainEqual(
      expect.objectContaining({ messageKey: 'signing.problem.fileNotSigned' }),
    );
  });

  it('refuses a package whose manifest was edited', async () => {
    const tampered = await repack(genuine, (list) =>
      list.map((entry) => {
        if (entry.name !== HANDOVER_MANIFEST_NAME) return entry;
        const text = Buffer.from(entry.bytes).toString('utf8').replace('Gjeldende plan', 'Gjeldende plan (endret)');
        return { ...entry, bytes: new TextEncoder().encode(text) };
      }),
    );
    const result = await refusedUnchanged(tampered);
    expect(result.report.problems).toContainEqual(
      expect.objectContaining({ file: HANDOVER_MANIFEST_NAME, messageKey: 'signing.problem.fileModified' }),
    );
  });

  it('refuses a document swapped in from another genuine package of the same unit', async () => {
    const donor = await zipEntries(other);
    const tampered = await repack(genuine, (list) =>
      list.map(
        (entry) => donor.find((d) => (d.name === PLAN_JSON || d.name === PLAN_PDF) && d.name === entry.name) ?? entry,
      ),
    );
    const result = await refusedUnchanged(tampered);
    expect(result.reason.messageKey).toBe('export.import.invalid');
    expect(result.report.status).toBe('invalid');
  });

  it('refuses, writing nothing, an untrusted signer without the explicit choice; imports with it, marked untrusted', async () => {
    const result = await refusedUnchanged(genuine, untrusting, false);
    expect(result.reason.messageKey).toBe('export.import.untrusted');
    const imported = await untrusting.call('handover.import', {
      fileName: 'handover.asice',
      fileBase64: b64(genuine),
      acceptUntrusted: true,
    });
    if (imported.outcome !== 'imported') throw new Error('refused');
    const view = await untrusting.call('transfer.get', { caseId: imported.caseId });
    expect(view.receivedFrom).toMatchObject([{ signerTrusted: false, sendingUnit: 'Fiktivby fengsel' }]);
  });
});

/** A package re-signed with A's own key after `change`: the signature holds, the contents must still be checked. */
async function resigned(change: (list: ZipSpec[]) => ZipSpec[]): Promise<Uint8Array> {
  const data = (await zipEntries(genuine)).filter((e) => e.name !== 'mimetype' && !e.name.startsWith('META-INF/'));
  const signer = await loadVaultIdentity(a.app.session.current().db);
  return buildAsice(change(data), signer, { signingTime: new Date() });
}

function editManifest(
  list: ZipSpec[],
  edit: (manifest: Record<string, unknown>) => Record<string, unknown>,
): ZipSpec[] {
  return list.map((entry) => {
    if (entry.name !== HANDOVER_MANIFEST_NAME) return entry;
    const manifest = HandoverManifestSchema.parse(JSON.parse(Buffer.from(entry.bytes).toString('utf8')));
    return { ...entry, bytes: new TextEncoder().encode(JSON.stringify(edit(manifest))) };
  });
}

describe('a validly signed package is still read strictly', () => {
  it('refuses a NO package in a DK vault, writing nothing', async () => {
    const dk = await apps.make('DK');
    const { identity } = await a.call('signing.identity', {});
    if (!identity) throw new Error('no identity');
    await dk.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: identity.certificate.fingerprint });
    const result = await refusedUnchanged(genuine, dk);
    expect(result.reason.messageKey).toBe('handover.import.wrongProfile');
  });

  it.each([
    [
      'a package graded below its contents',
      (list: ZipSpec[]) => editManifest(list, (m) => ({ ...m, grading: { level: 'UGRADERT' } })),
      'handover.import.gradingTooLow',
    ],
    [
      "a package graded on the other country's scale",
      (list: ZipSpec[]) => editManifest(list, (m) => ({ ...m, grading: { level: 'YDERST HEMMELIGT' } })),
      'handover.import.wrongProfile',
    ],
    [
      'a file the manifest does not name',
      (list: ZipSpec[]) => [...list, { name: 'extra.txt', bytes: new TextEncoder().encode('x') }],
      'handover.import.unexpectedFiles',
    ],
    [
      'a missing case record',
      (list: ZipSpec[]) => list.filter((e) => e.name !== 'case.json'),
      'handover.import.unexpectedFiles',
    ],
    [
      'document JSON that breaks its schema',
      (list: ZipSpec[]) =>
        list.map((e) =>
          e.name === PLAN_JSON ? { ...e, bytes: new TextEncoder().encode('{"grading":{"level":"KONFIDENSIELT"}}') } : e,
        ),
      'handover.import.schemaInvalid',
    ],
    [
      'a container without a handover manifest',
      (list: ZipSpec[]) => list.filter((e) => e.name !== HANDOVER_MANIFEST_NAME),
      'handover.import.notHandover',
    ],
    [
      'a manifest naming the files of another place',
      (list: ZipSpec[]) =>
        editManifest(list, (m) => ({
          ...m,
          documents: (m.documents as object[]).map((d) => ({ ...d, jsonFile: 'documents/09-follow_up_plan.json' })),
        })),
      'handover.import.manifestInvalid',
    ],
    [
      'an empty list of former references',
      (list: ZipSpec[]) => editManifest(list, (m) => ({ ...m, formerReferences: [] })),
      'handover.import.manifestInvalid',
    ],
    [
      'more former references than a case keeps',
      (list: ZipSpec[]) =>
        editManifest(list, (m) => ({ ...m, formerReferences: Array.from({ length: 51 }, (_, i) => `REF-${i}`) })),
      'handover.import.manifestInvalid',
    ],
    [
      'a former reference that is no text',
      (list: ZipSpec[]) => editManifest(list, (m) => ({ ...m, formerReferences: [42] })),
      'handover.import.manifestInvalid',
    ],
  ])('refuses %s, writing nothing', async (_name, change, messageKey) => {
    const result = await refusedUnchanged(await resigned(change));
    expect(result.report.status).toBe('valid');
    expect(result.reason.messageKey).toBe(messageKey);
  });
});

describe('former references a genuine signer names', () => {
  it("point at a case here only as an offer: another person's case named so is not merged into without the user's choice", async () => {
    const here = await b.call('cases.create', {
      name: 'Kari Fiktiv Annensen',
      caseReference: 'KOMPIS-ANNEN-9',
      unit: 'Nordby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const bytes = await resigned((list) => editManifest(list, (m) => ({ ...m, formerReferences: ['KOMPIS-ANNEN-9'] })));
    const input = { fileName: 'handover.asice', fileBase64: b64(bytes) };
    const before = vaultState(b);
    expect(await b.call('handover.preview', input)).toMatchObject({ outcome: 'acceptable', existingCaseId: here.id });
    expect(await b.call('handover.import', input)).toMatchObject({
      outcome: 'refused',
      reason: { messageKey: 'handover.import.caseExists' },
    });
    expect(vaultState(b)).toEqual(before);
  });
});
