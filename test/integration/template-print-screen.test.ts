// A document prints with the template it is shown with (shared/templates templateChoiceFor). A meeting
// made from a vault copy whose type was changed since kept the copy's headings on screen and printed
// field labels; one made from a built-in template printed field labels while the screen showed the new
// type's headings (audit 8). A document handed over from a vault copy names the sender's copy, which
// the receiving vault does not hold: the screen failed to load it on every opening (the Playwright spec
// received-template shows that); screen and paper now take the built-in template. Fictional people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinTemplateIdFor, templateChoiceFor } from '../../shared/templates';
import { completePlan } from '../support/document-fixtures';
import { b64, handoverSaver, TRANSFER } from './handover-fixtures';
import { pdfPageTexts } from '../support/poppler';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;
let caseId: string;

beforeAll(async () => {
  s = await apps.make('NO');
  ({ id: caseId } = await s.call('cases.create', {
    name: 'Ola Fiktiv Møtesen',
    caseReference: 'KOMPIS-TPL-MT-1',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  }));
});
afterAll(() => apps.cleanup());

async function printedText(documentId: string, app = s): Promise<string> {
  const printed = await app.call('export.print', { documentId });
  return (await pdfPageTexts(new Uint8Array(Buffer.from(printed.fileBase64, 'base64')))).join('\n');
}

/** A vault copy of a built-in template with `mark` before its title and every heading, and the built-in. */
async function markedCopy(basedOn: string, mark: string) {
  const base = await s.call('templates.get', { id: basedOn, locale: 'nb' });
  const copy = await s.call('templates.save', {
    basedOn,
    locale: 'nb',
    title: `${mark} ${base.title}`,
    intro: base.intro,
    sections: base.sections.map((section) => ({ ...section, heading: `${mark} ${section.heading}` })),
  });
  return { base, copy };
}

/** A meeting started from `templateId`, then saved as a release meeting. */
async function startupMadeRelease(templateId: string) {
  const created = await s.call('documents.create', { caseId, kind: 'meeting', templateId });
  if (created.data.kind !== 'meeting') throw new Error('not a meeting');
  const saved = await s.call('documents.save', {
    id: created.document.id,
    content: { ...created.data.content, meetingType: 'release' },
  });
  return { id: created.document.id, data: saved.data };
}

describe('a meeting whose type changed after it was started', () => {
  it('prints the vault copy it was made from, as the screen shows it', async () => {
    const { base, copy } = await markedCopy('no-meeting-startup', 'Fjellby');
    const meeting = await startupMadeRelease(copy.id);
    expect(templateChoiceFor(meeting.data)).toEqual({ source: 'vault', id: copy.id, version: copy.version });
    const text = await printedText(meeting.id);
    expect(text).toContain(`Fjellby ${base.sections[0]?.heading ?? ''}`);
  });

  it("prints the built-in template of its new type, as the screen shows it, not the old type's", async () => {
    const meeting = await startupMadeRelease('no-meeting-startup');
    expect(templateChoiceFor(meeting.data)).toEqual({ source: 'builtin', id: 'no-meeting-release' });
    const release = await s.call('templates.get', { id: 'no-meeting-release', locale: 'nb' });
    const startup = await s.call('templates.get', { id: 'no-meeting-startup', locale: 'nb' });
    const text = await printedText(meeting.id);
    expect(text).toContain(release.title);
    expect(text).not.toContain(startup.title);
  });
});

describe('a document handed over from a vault copy the receiving unit does not hold', () => {
  it('is printed there as it is shown: with the built-in template', async () => {
    const b = await apps.make('NO');
    const aPrint = (await s.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' })).certificate;
    await b.call('signing.generateIdentity', { unitName: 'Nordby fengsel' });
    await b.call('signing.trust', { label: 'Fiktivby fengsel', fingerprint: aPrint.fingerprint });
    const { base, copy } = await markedCopy('no-follow-up-plan', 'Tverrdal');
    const created = await s.call('documents.create', { caseId, kind: 'follow_up_plan', templateId: copy.id });
    if (created.data.kind !== 'follow_up_plan') throw new Error('not a plan');
    const { template } = created.data.content;
    await s.call('documents.save', { id: created.document.id, content: { ...completePlan(), template } });
    await s.call('documents.finalise', { id: created.document.id });
    await s.call('transfer.save', { caseId, transfer: TRANSFER });
    const choices = [{ documentId: created.document.id, include: true, reason: 'Gjeldende plan' }];
    const { bytes } = await handoverSaver(s)({ caseId, choices });
    if (!bytes) throw new Error('not saved');
    const imported = await b.call('handover.import', { fileName: 'h.asice', fileBase64: b64(bytes) });
    if (imported.outcome !== 'imported') throw new Error(JSON.stringify(imported));
    const received = await b.call('documents.get', { id: imported.documentIds[0] ?? '' });
    // It names the sender's copy, which this vault does not hold; the screen falls back as the print does.
    expect(templateChoiceFor(received.data)).toEqual({ source: 'vault', id: copy.id, version: copy.version });
    expect(await b.fail('templates.get', { id: copy.id, version: copy.version, locale: 'nb' })).toMatchObject({
      code: 'not_found',
    });
    expect(builtinTemplateIdFor(received.data)).toBe('no-follow-up-plan');
    const text = await printedText(received.document.id, b);
    const headings = base.sections.map((section) => section.heading);
    // The built-in plan's headings (which are also its field labels: paper looked so before too).
    expect(headings.filter((heading) => text.includes(heading)).length).toBe(headings.length);
  });
});
