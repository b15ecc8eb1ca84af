import { execFileSync } from 'node:child_process';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { completePlan } from '../support/document-fixtures';
import { innsynKit } from '../support/innsyn-area';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
const kit = innsynKit('bro-innsyn-dates-');
const { dialogs } = kit;
afterAll(() => {
  apps.cleanup();
  kit.cleanup();
});
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const innsynArea = (s: ServiceApp, now: string) => kit.area(s, { now });

const pdfText = (path: string) =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ');

describe('dates on an innsyn copy', () => {
  it('are local time on the page frame, the title strip and every line of the redaction log', async () => {
    process.env.TZ = 'Europe/Oslo';
    const at = '2026-03-02T23:30:00.000Z'; // 03.03.2026 kl. 00.30 in Oslo
    const s = await apps.make('NO', at);
    const call = innsynArea(s, at);
    const { id: caseId } = await s.call('cases.create', {
      name: 'Fiktiv Persen',
      caseReference: 'KOMPIS 0000-TEST-0201',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const plan = await s.call('documents.create', {
      caseId,
      kind: 'follow_up_plan',
      content: completePlan({ cooperation: 'Qwertonkel avtaler møter.' }),
    });
    const prepared = await call('innsyn.prepare', { caseId, documentId: plan.document.id });
    const text = prepared.texts.find((x) => x.text.includes('Qwertonkel'));
    if (!text) throw new Error('text not found');
    await call('innsyn.export', {
      caseId,
      documentId: plan.document.id,
      versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
      redactions: [
        { type: 'passage', documentId: text.documentId, path: text.path, start: 0, end: 10, basis: 'no-fvl-19' },
      ],
      textsDigest: prepared.textsDigest,
    });
    const printed = pdfText(dialogs.saved.at(-1) as string);
    expect(printed).not.toContain('02.03.2026 kl. 23.30');
    // Footer ("printed"), title strip ("finalised") and the one log line: at least three.
    expect(printed.split('03.03.2026 kl. 00.30').length - 1).toBeGreaterThanOrEqual(3);
  });
});

describe('the audit entry of an innsyn copy', () => {
  it('is dated when the copy was made, after the save dialog, not when the dialog opened (audit 9)', async () => {
    let now = new Date('2026-03-02T10:00:00.000Z');
    const s = await apps.make('NO', now.toISOString());
    const { id: caseId } = await s.call('cases.create', {
      name: 'Fiktiv Persen',
      caseReference: 'KOMPIS 0000-TEST-0202',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    });
    const plan = await s.call('documents.create', { caseId, kind: 'follow_up_plan', content: completePlan() });
    // The user takes five minutes in the save dialog.
    const slow = {
      ...kit.dialogs,
      chooseSavePath: async (options: Parameters<typeof kit.dialogs.chooseSavePath>[0]) => {
        now = new Date('2026-03-02T10:05:00.000Z');
        return kit.dialogs.chooseSavePath(options);
      },
    };
    const call = kit.area(s, { dialogs: slow, now: () => now });
    const prepared = await call('innsyn.prepare', { caseId, documentId: plan.document.id });
    const saved = await call('innsyn.export', {
      caseId,
      documentId: plan.document.id,
      versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
      redactions: [],
      textsDigest: prepared.textsDigest,
    });
    if (!saved.saved) throw new Error('not saved');
    const [entry] = (await s.call('audit.list', { objectId: saved.copyId })).entries;
    expect(entry?.at).toBe('2026-03-02T10:05:00.000Z');
  });
});
