import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { innsynChannels } from '../../shared/ipc/innsyn';
import type { ChannelDef } from '../../shared/ipc/channel';
import { FileSaver } from '../../main/files/file-saver';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { innsynHandlers } from '../../main/services/innsyn-service';
import { completePlan } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { answeringDialogs } from './export-fixtures';

const apps = serviceApps();
const dialogs = answeringDialogs();
const prefsDir = mkdtempSync(join(tmpdir(), 'bro-innsyn-dates-'));
afterAll(() => {
  apps.cleanup();
  dialogs.cleanup();
  rmSync(prefsDir, { recursive: true, force: true });
});
const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

type Channels = typeof innsynChannels;
function innsynArea(s: ServiceApp, now: string) {
  const files = new FileSaver(dialogs, createConfPrefsStore(prefsDir), s.app.session.files.dir);
  const handlers = innsynHandlers({ session: s.app.session, now: () => new Date(now), files });
  return async <C extends keyof Channels>(name: C, input: z.input<Channels[C]['input']>) => {
    const def: ChannelDef = innsynChannels[name];
    const handler = handlers[name] as (value: unknown) => unknown;
    return def.output.parse(await handler(def.input.parse(input))) as z.output<Channels[C]['output']>;
  };
}

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
    });
    const printed = pdfText(dialogs.saved.at(-1) as string);
    expect(printed).not.toContain('02.03.2026 kl. 23.30');
    // Footer ("printed"), title strip ("finalised") and the one log line: at least three.
    expect(printed.split('03.03.2026 kl. 00.30').length - 1).toBeGreaterThanOrEqual(3);
  });
});
