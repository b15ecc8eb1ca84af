// The receiving unit gave the case a reference of its own: the next package the sender makes under the
// reference the case came with finds that case, to merge into, rather than making a second case for
// the same person (audit 5). And the other way round: the sender renumbered its case after the first
// package; the next one names the references it had, and finds the case here. Two real vaults, real
// signed packages. Fictional people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { b64, handoverSaver, seedSender, TRANSFER } from './handover-fixtures';

const apps = serviceApps();
let a: ServiceApp;
let b: ServiceApp;

beforeAll(async () => {
  [a, b] = await Promise.all([apps.make('NO'), apps.make('NO')]);
  const { fingerprint } = (await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' })).certificate;
  await b.call('signing.generateIdentity', { unitName: 'Nordby fengsel' });
  await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint });
}, 300_000);
afterAll(() => apps.cleanup());

async function send(caseId: string, documentId: string) {
  const saved = await handoverSaver(a)({ caseId, choices: [{ documentId, include: true, reason: 'Gjeldende plan' }] });
  if (!saved.bytes) throw new Error('not saved');
  return { fileName: 'pakke.asice', fileBase64: b64(saved.bytes) };
}

/** The sender's case with its first package imported at the receiving unit, which made a case of it. */
async function firstImported(reference: string) {
  const seeded = await seedSender(a, reference);
  await a.call('transfer.save', { caseId: seeded.caseId, transfer: TRANSFER });
  const first = await b.call('handover.import', await send(seeded.caseId, seeded.sent.id));
  if (first.outcome !== 'imported') throw new Error('refused');
  return { seeded, receivedCaseId: first.caseId };
}

/** Gives a case a new reference, as its editor does. */
async function renumber(app: ServiceApp, caseId: string, caseReference: string) {
  const {
    effectiveGrading: _e,
    createdAt: _c,
    updatedAt,
    id: _id,
    ...fields
  } = (await app.call('cases.get', { id: caseId })).case;
  await app.call('cases.update', { ...fields, id: caseId, caseReference, expectedUpdatedAt: updatedAt });
}

/** The next package is offered `caseId` to merge into, refused without that choice, and merged with it. */
async function expectOfferedThenMerged(second: Awaited<ReturnType<typeof send>>, caseId: string) {
  expect(await b.call('handover.preview', second)).toMatchObject({ outcome: 'acceptable', existingCaseId: caseId });
  expect(await b.call('handover.import', second)).toMatchObject({
    outcome: 'refused',
    reason: { messageKey: 'handover.import.caseExists' },
  });
  const merged = await b.call('handover.import', { ...second, mergeIntoCaseId: caseId });
  expect(merged).toMatchObject({ outcome: 'imported', caseId, merged: true });
}

describe('a package under the reference the receiving unit has since replaced', () => {
  it('is offered the renamed case to merge into, and merges there', async () => {
    const { seeded, receivedCaseId } = await firstImported('KOMPIS-REF-A1');
    await renumber(b, receivedCaseId, 'NORDBY-LOKAL-77');

    await expectOfferedThenMerged(await send(seeded.caseId, seeded.notChosen.id), receivedCaseId);
    const named = (await b.call('cases.list', { query: 'Overføring' })).rows.filter((row) =>
      row.name.includes('Overføring'),
    );
    expect(named.map((row) => row.caseReference)).toEqual(['NORDBY-LOKAL-77']);
  });
});

describe('a package for a case the sender has renumbered since its earlier package', () => {
  it('names the references the case had, and is offered the case made from the earlier one to merge into', async () => {
    const { seeded, receivedCaseId } = await firstImported('KOMPIS-REF-B1');
    await renumber(a, seeded.caseId, 'KOMPIS-REF-B2');

    await expectOfferedThenMerged(await send(seeded.caseId, seeded.notChosen.id), receivedCaseId);
    // One case for the person here, under the reference it came with.
    const cases = (await b.call('cases.list', {})).rows.map((row) => row.caseReference);
    expect(cases.filter((reference) => reference.startsWith('KOMPIS-REF-B'))).toEqual(['KOMPIS-REF-B1']);
  });
});
