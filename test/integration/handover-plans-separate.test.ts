// NO pkt 10: "Fremtidsplanen vil danne utgangspunkt for utarbeidelse av oppfølgingsplan, men det er
// viktig at disse planene holdes adskilt." The one export Bro makes of several documents, the handover
// package, took both in one signed container (audit 4): now refused, with nothing signed, written or
// logged; each plan still goes in a package of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { handoverSaver, TRANSFER, zipEntries } from './handover-fixtures';

const apps = serviceApps();
let a: ServiceApp;
let caseId: string;
let planId: string;
let futureId: string;

beforeAll(async () => {
  a = await apps.make('NO');
  await a.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  ({ id: caseId } = await a.call('cases.create', {
    name: 'Ola Fiktiv Planskille',
    birthDate: '1990-01-01',
    caseReference: 'KOMPIS-AUD-10',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  }));
  const plan = await a.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
  planId = (await a.call('documents.finalise', { id: plan.document.id })).document.id;
  const future = await a.call('documents.create', { caseId, kind: 'future_plan' });
  await a.call('documents.save', {
    id: future.document.id,
    content: {
      offeredOn: '2026-02-01',
      personResponse: 'accepted',
      plan: 'Skole og bolig etter løslatelse (fiktivt).',
      notes: '',
      grading: { level: 'BEGRENSET' },
    },
  });
  futureId = (await a.call('documents.finalise', { id: future.document.id })).document.id;
  await a.call('transfer.save', { caseId, transfer: TRANSFER });
}, 300_000);
afterAll(() => apps.cleanup());

const choice = (documentId: string, reason: string) => ({ documentId, include: true, reason });

describe('the future plan and the follow-up plan in handover packages (NO pkt 10)', () => {
  it('are refused together in one package, with nothing written or logged', async () => {
    const logged = async () => (await a.call('export.log', { documentId: planId })).entries.length;
    const before = await logged();
    const save = handoverSaver(a);
    await expect(
      save({ caseId, choices: [choice(planId, 'Gjeldende plan'), choice(futureId, 'Fremtidsplanen')] }),
    ).rejects.toMatchObject({
      code: 'rule_blocked',
      messageKey: 'handover.error.plansSeparate',
      params: { citation: 'NO pkt 10' },
    });
    expect(await logged()).toBe(before);
  });

  it('go each in a package of its own', async () => {
    for (const [id, kind] of [
      [planId, 'follow_up_plan'],
      [futureId, 'future_plan'],
    ] as const) {
      const { output, bytes } = await handoverSaver(a)({ caseId, choices: [choice(id, 'Til mottakende enhet')] });
      expect(output.saved).toBe(true);
      const names = (await zipEntries(bytes!)).map((entry) => entry.name);
      expect(names.filter((name) => /-(follow_up_plan|future_plan)\.json$/.test(name))).toEqual([
        expect.stringMatching(new RegExp(`-${kind}\\.json$`)),
      ]);
    }
  });
});
