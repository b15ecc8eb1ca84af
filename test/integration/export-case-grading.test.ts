// Every view of a case document prints the case's person data (name, birth date, unit), so a
// single-document export, print or innsyn copy holds the case too: it is never graded below the case
// (DOMAIN.md "Grading"), as the handover package already is. Fictional data only.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grading, Profile } from '../../shared/domain';
import type { ChannelDef } from '../../shared/ipc/channel';
import { innsynChannels } from '../../shared/ipc/innsyn';
import { FileSaver } from '../../main/files/file-saver';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { innsynHandlers } from '../../main/services/innsyn-service';
import { renderHandover } from '../../main/services/handover-package';
import { readZip } from '../../main/signing/zip-read';
import { pdfPageTexts, waitForPoppler } from '../support/poppler';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { answeringDialogs, bytesOf, exportArea, finalisedPlan, NOW, planWith } from './export-fixtures';
import { TRANSFER } from './handover-fixtures';

const apps = serviceApps();
const dialogs = answeringDialogs();
const prefsDir = mkdtempSync(join(tmpdir(), 'bro-case-grading-prefs-'));
beforeAll(() => waitForPoppler(), 300_000);
afterAll(() => {
  apps.cleanup();
  dialogs.cleanup();
  rmSync(prefsDir, { recursive: true, force: true });
});

const PERSON = 'Ola Graderttestmann';

async function gradedCase(s: ServiceApp, reference: string, grading: Grading): Promise<string> {
  const created = await s.call('cases.create', {
    name: PERSON,
    birthDate: '1990-05-17',
    caseReference: reference,
    unit: 'Fiktivby fengsel avd. Øst',
    status: 'fengsel',
    grading,
  });
  return created.id;
}

type InnsynChannels = typeof innsynChannels;
function innsynArea(s: ServiceApp) {
  const files = new FileSaver(dialogs, createConfPrefsStore(prefsDir), s.app.session.files.dir);
  const handlers = innsynHandlers({ session: s.app.session, now: () => new Date(NOW), files });
  return async <C extends keyof InnsynChannels>(name: C, input: z.input<InnsynChannels[C]['input']>) => {
    const def: ChannelDef = innsynChannels[name];
    const handler = handlers[name] as (value: unknown) => unknown;
    return def.output.parse(await handler(def.input.parse(input))) as z.output<InnsynChannels[C]['output']>;
  };
}

/** The first and last printed line of each page: the grading header and footer. */
async function headersAndFooters(pdf: Uint8Array): Promise<{ header: string; footer: string }[]> {
  return (await pdfPageTexts(pdf)).map((page) => {
    const lines = page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    return { header: lines[0] ?? '', footer: lines.slice(-3).join(' ') };
  });
}

async function expectMarkedOnEveryPage(pdf: Uint8Array, level: string) {
  const pages = await headersAndFooters(pdf);
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) {
    expect(page.header).toBe(level);
    expect(page.footer).toContain(level);
  }
}

async function savedInnsynCopy(s: ServiceApp, caseId: string, documentId: string) {
  const call = innsynArea(s);
  const prepared = await call('innsyn.prepare', { caseId, documentId });
  const versions = prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version }));
  const saved = await call('innsyn.export', {
    caseId,
    documentId,
    versions,
    redactions: [],
    textsDigest: prepared.textsDigest,
  });
  if (!saved.saved) throw new Error('innsyn.export saved nothing');
  const bytes = new Uint8Array(readFileSync(dialogs.saved.at(-1) ?? ''));
  const log = await call('innsyn.log', { caseId });
  return { prepared, saved, bytes, logged: log.copies.find((c) => c.id === saved.copyId) };
}

describe('a UGRADERT plan in a KONFIDENSIELT case (NO)', () => {
  let s: ServiceApp;
  let area: ReturnType<typeof exportArea>;
  let caseId: string;
  let plan: { id: string; version: number };

  beforeAll(async () => {
    s = await apps.make('NO');
    area = exportArea(s);
    caseId = await gradedCase(s, 'KOMPIS-GRAD-0001', { level: 'KONFIDENSIELT' });
    plan = await finalisedPlan(s, caseId, planWith('Kort plan.', { grading: { level: 'UGRADERT' } }));
    await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel, radikaliseringskontakt' });
  }, 300_000);

  it('offers KONFIDENSIELT as the lowest level in the export dialog', async () => {
    const prepared = await area.call('export.prepare', { documentId: plan.id });
    expect(prepared.grading).toEqual({ level: 'UGRADERT' });
    expect(prepared.minimumLevel).toBe('KONFIDENSIELT');
  });

  it('prints the print preview and the logged print under KONFIDENSIELT', async () => {
    const preview = await area.call('export.print', { documentId: plan.id });
    expect(preview.grading).toEqual({ level: 'KONFIDENSIELT' });
    const pdf = bytesOf(preview.fileBase64);
    expect((await pdfPageTexts(pdf)).join('\n')).toContain(PERSON);
    await expectMarkedOnEveryPage(pdf, 'KONFIDENSIELT');

    expect(await s.call('files.print', { documentId: plan.id })).toEqual({ outcome: 'unavailable' });
    const log = await area.call('export.log', { documentId: plan.id });
    expect(log.entries.filter((e) => e.format === 'print').map((e) => e.grading)).toEqual(['KONFIDENSIELT']);
  });

  it('signs the PDF and the container under KONFIDENSIELT and logs that grading', async () => {
    const pdf = await area.call('export.pdf', { documentId: plan.id, recipient: 'kdi' });
    expect(pdf.grading).toEqual({ level: 'KONFIDENSIELT' });
    await expectMarkedOnEveryPage(bytesOf(pdf.fileBase64), 'KONFIDENSIELT');
    const asice = await area.call('export.asice', { documentId: plan.id, recipient: 'region' });
    expect(asice.grading).toEqual({ level: 'KONFIDENSIELT' });

    const log = (await area.call('export.log', { documentId: plan.id })).entries;
    const byId = (id: string) => log.find((e) => e.id === id);
    expect(byId(pdf.exportId)).toMatchObject({ format: 'pdf', grading: 'KONFIDENSIELT' });
    expect(byId(asice.exportId)).toMatchObject({ format: 'asice', grading: 'KONFIDENSIELT' });
  });

  it('marks the plan’s PDF inside a handover package KONFIDENSIELT, as the package itself', async () => {
    const moving = await gradedCase(s, 'KOMPIS-GRAD-0009', { level: 'KONFIDENSIELT' });
    const moved = await finalisedPlan(s, moving, planWith('Kort plan.', { grading: { level: 'UGRADERT' } }));
    await s.call('transfer.save', { caseId: moving, transfer: TRANSFER });
    const rendered = await renderHandover(
      { session: s.app.session, now: () => new Date(NOW) },
      { caseId: moving, choices: [{ documentId: moved.id, include: true, reason: 'Overføring' }] },
    );
    const zip = await readZip(rendered.bytes);
    if (!zip.ok) throw new Error(zip.messageKey);
    const pdf = zip.entries.find((entry) => entry.name.endsWith('follow_up_plan.pdf'));
    expect(pdf).toBeDefined();
    await expectMarkedOnEveryPage(pdf?.bytes ?? new Uint8Array(), 'KONFIDENSIELT');
  });

  it('refuses an export, print or preview graded UGRADERT, citing the rule, and logs nothing', async () => {
    const before = (await area.call('export.log', { documentId: plan.id })).entries.length;
    const refusal = {
      code: 'rule_blocked',
      messageKey: 'export.gradingTooLow',
      params: { required: 'KONFIDENSIELT', citations: 'Bro' },
      fields: ['grading'],
    };
    const low = { level: 'UGRADERT' } as const;
    // One after the other: a saved export is read back from the dialog's last path.
    const attempts = [
      () => area.call('export.pdf', { documentId: plan.id, recipient: 'kdi', grading: low }),
      () => area.call('export.asice', { documentId: plan.id, recipient: 'kdi', grading: low }),
      () => area.call('export.print', { documentId: plan.id, grading: low }),
    ];
    for (const attempt of attempts) expect(await attempt().catch((e: unknown) => e)).toMatchObject(refusal);
    expect(await s.fail('files.print', { documentId: plan.id, grading: low })).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'export.gradingTooLow',
    });
    expect((await area.call('export.log', { documentId: plan.id })).entries).toHaveLength(before);
  });

  it('may still be raised above the case', async () => {
    const file = await area.call('export.pdf', {
      documentId: plan.id,
      recipient: 'pst',
      grading: { level: 'HEMMELIG' },
    });
    expect(file.grading).toEqual({ level: 'HEMMELIG' });
    await expectMarkedOnEveryPage(bytesOf(file.fileBase64), 'HEMMELIG');
  });

  it('gives an innsyn copy of the plan KONFIDENSIELT, in the file and in both logs', async () => {
    const { prepared, saved, bytes, logged } = await savedInnsynCopy(s, caseId, plan.id);
    expect(prepared.grading).toBe('KONFIDENSIELT');
    expect(saved).toMatchObject({ saved: true, grading: 'KONFIDENSIELT' });
    expect(logged?.grading).toBe('KONFIDENSIELT');
    const text = (await pdfPageTexts(bytes)).join('\n');
    expect(text).toContain('KONFIDENSIELT');
    expect(text).not.toContain('UGRADERT');
    const log = (await area.call('export.log', { documentId: plan.id })).entries;
    expect(log.find((e) => e.fileSha256 === (saved.saved ? saved.sha256 : ''))?.grading).toBe('KONFIDENSIELT');
  });
});

describe('a case graded lower than its document (NO)', () => {
  it('keeps the document’s grading for export and innsyn', async () => {
    const s = await apps.make('NO');
    const area = exportArea(s);
    const caseId = await gradedCase(s, 'KOMPIS-GRAD-0002', { level: 'UGRADERT' });
    const plan = await finalisedPlan(s, caseId, planWith('Kort plan.', { grading: { level: 'KONFIDENSIELT' } }));
    expect((await area.call('export.prepare', { documentId: plan.id })).minimumLevel).toBe('KONFIDENSIELT');
    const preview = await area.call('export.print', { documentId: plan.id });
    expect(preview.grading).toEqual({ level: 'KONFIDENSIELT' });
    await expectMarkedOnEveryPage(bytesOf(preview.fileBase64), 'KONFIDENSIELT');
    expect(
      await area
        .call('export.print', { documentId: plan.id, grading: { level: 'BEGRENSET' } })
        .catch((e: unknown) => e),
    ).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'export.gradingTooLow',
      params: { required: 'KONFIDENSIELT' },
    });
    expect((await savedInnsynCopy(s, caseId, plan.id)).saved).toMatchObject({ grading: 'KONFIDENSIELT' });
  });

  it('keeps the case’s exemption from public access on an export of a document without one', async () => {
    const s = await apps.make('NO');
    const area = exportArea(s);
    const exempt = { level: 'KONFIDENSIELT' as const, exemptionBasis: 'offl. § 13, jf. fvl. § 13' };
    const caseId = await gradedCase(s, 'KOMPIS-GRAD-0003', exempt);
    const plan = await finalisedPlan(s, caseId, planWith('Kort plan.', { grading: { level: 'BEGRENSET' } }));
    const preview = await area.call('export.print', { documentId: plan.id });
    expect(preview.grading).toEqual(exempt);
    const [first] = await pdfPageTexts(bytesOf(preview.fileBase64));
    expect(first).toContain('Unntatt offentlighet, offl. § 13, jf. fvl. § 13');
  });
});

describe('an IKKE KLASSIFICERET draft in a FORTROLIGT case (DK)', () => {
  const profile: Profile = 'DK';
  let s: ServiceApp;
  let area: ReturnType<typeof exportArea>;
  let caseId: string;
  let documentId: string;

  beforeAll(async () => {
    s = await apps.make(profile);
    area = exportArea(s, undefined, () => 'da');
    caseId = await gradedCase(s, 'KLI-GRAD-0001', { level: 'FORTROLIGT' });
    const created = await s.call('documents.create', {
      caseId,
      kind: 'mentor_course',
      grading: { level: 'IKKE KLASSIFICERET' },
    });
    documentId = created.document.id;
  }, 300_000);

  it('offers, prints and logs FORTROLIGT, and refuses IKKE KLASSIFICERET', async () => {
    const prepared = await area.call('export.prepare', { documentId });
    expect(prepared.grading).toEqual({ level: 'IKKE KLASSIFICERET' });
    expect(prepared.minimumLevel).toBe('FORTROLIGT');
    const preview = await area.call('export.print', { documentId });
    expect(preview.grading).toEqual({ level: 'FORTROLIGT' });
    await expectMarkedOnEveryPage(bytesOf(preview.fileBase64), 'FORTROLIGT');
    expect(
      await area
        .call('export.print', { documentId, grading: { level: 'IKKE KLASSIFICERET' } })
        .catch((e: unknown) => e),
    ).toMatchObject({ code: 'rule_blocked', messageKey: 'export.gradingTooLow', params: { required: 'FORTROLIGT' } });
    // Norwegian "Unntatt offentlighet" and a NO level are the other profile's: named so, not as too low.
    for (const grading of [
      { level: 'FORTROLIGT', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
      { level: 'KONFIDENSIELT' },
    ] as const)
      expect(await area.call('export.print', { documentId, grading }).catch((e: unknown) => e)).toMatchObject({
        code: 'invalid_input',
        messageKey: 'error.grading_profile',
      });
    expect(await s.call('files.print', { documentId })).toEqual({ outcome: 'unavailable' });
    expect((await area.call('export.log', { documentId })).entries.map((e) => e.grading)).toEqual(['FORTROLIGT']);
  });

  it('gives an innsyn copy FORTROLIGT', async () => {
    const { prepared, saved, bytes } = await savedInnsynCopy(s, caseId, documentId);
    expect(prepared.grading).toBe('FORTROLIGT');
    expect(saved).toMatchObject({ saved: true, grading: 'FORTROLIGT' });
    expect((await pdfPageTexts(bytes)).join('\n')).toContain('FORTROLIGT');
  });
});
