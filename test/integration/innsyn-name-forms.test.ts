import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_BASIS, redactionMarker, type Redaction } from '../../shared/domain/redaction';
import { innsynChannels } from '../../shared/ipc/innsyn';
import type { ChannelDef } from '../../shared/ipc/channel';
import { FileSaver } from '../../main/files/file-saver';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { innsynHandlers } from '../../main/services/innsyn-service';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { answeringDialogs } from './export-fixtures';

// A confirmed name is removed however the text writes it: spaced, hyphenated or composed otherwise
// than the participant list. Fictional names only.

const apps = serviceApps();
const dialogs = answeringDialogs();
const prefsDir = mkdtempSync(join(tmpdir(), 'bro-innsyn-forms-'));
afterAll(() => {
  apps.cleanup();
  dialogs.cleanup();
  rmSync(prefsDir, { recursive: true, force: true });
});

type Channels = typeof innsynChannels;
function innsynArea(s: ServiceApp) {
  const files = new FileSaver(dialogs, createConfPrefsStore(prefsDir), s.app.session.files.dir);
  const handlers = innsynHandlers({ session: s.app.session, now: () => new Date('2026-03-02T10:00:00.000Z'), files });
  return async <C extends keyof Channels>(name: C, input: z.input<Channels[C]['input']>) => {
    const def: ChannelDef = innsynChannels[name];
    const handler = handlers[name] as (value: unknown) => unknown;
    return def.output.parse(await handler(def.input.parse(input))) as z.output<Channels[C]['output']>;
  };
}

/** What a reader reads in the PDF: NFC, invisible characters gone, any whitespace one space. */
const read = (text: string) =>
  text
    .normalize('NFC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(/\p{White_Space}+/gu, ' ');
const pdfText = (path: string) => read(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));

const SINDRE = 'Sindre Opdiktsen';
const ASE = 'Åse Fiktivdal'; // precomposed Å in the participant list
const AGE = 'Åge Blåfjellnes'.normalize('NFD'); // decomposed in the participant list
const FORMS: readonly (readonly [string, string])[] = [
  ['newline', 'Sindre\nOpdiktsen'],
  ['crlf', 'Sindre\r\nOpdiktsen'],
  ['twospaces', 'Sindre  Opdiktsen'],
  ['tab', 'Sindre\tOpdiktsen'],
  ['nbsp', 'Sindre\u00A0Opdiktsen'],
  ['softhyphen', 'Sindre Opdik\u00ADtsen'],
  ['zerowidth', 'Sin\u200Bdre Opdiktsen'],
  ['upper', 'SINDRE OPDIKTSEN'],
  ['nfd', ASE.normalize('NFD')],
  ['nfc', AGE.normalize('NFC')],
];
const line = (tag: string, written: string) => `<${tag}> ${written} sa noe.`;
const PASSAGE = 'Qwertonkel';

describe('innsyn copy: a confirmed name is removed in whatever form the text writes it', () => {
  let s: ServiceApp;
  let call: ReturnType<typeof innsynArea>;
  let caseId: string;
  beforeAll(async () => {
    s = await apps.make('NO');
    call = innsynArea(s);
    ({ id: caseId } = await s.call('cases.create', {
      name: 'Fiktiv Persen',
      caseReference: 'KOMPIS 0000-TEST-0111',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'BEGRENSET' },
    }));
    const meeting = await s.call('documents.create', { caseId, kind: 'meeting', meetingType: 'startup' });
    if (meeting.data.kind !== 'meeting') throw new Error('not a meeting');
    await s.call('documents.save', {
      id: meeting.document.id,
      content: {
        ...meeting.data.content,
        participants: [
          { name: SINDRE, agency: 'politi', role: 'politikontakt' },
          { name: ASE, agency: 'kommune', role: 'SLT-koordinator' },
          { name: AGE, agency: 'kommune', role: 'SLT-koordinator' },
        ],
        // The passage comes after decomposed letters and soft hyphens, so its offsets shift if the
        // text seen and the text printed differ.
        informationShared: [
          ...FORMS.map(([tag, written]) => line(tag, written)),
          `Om ${PASSAGE} ble ikke sagt mer.`,
        ].join('\n'),
      },
    });
  });

  async function exportWith(redactions: (prepared: Awaited<ReturnType<typeof call<'innsyn.prepare'>>>) => Redaction[]) {
    const prepared = await call('innsyn.prepare', { caseId });
    const versions = prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version }));
    const saved = await call('innsyn.export', {
      caseId,
      versions,
      redactions: redactions(prepared),
      textsDigest: prepared.textsDigest,
    });
    if (!saved.saved) throw new Error('not saved');
    return { saved, text: pdfText(dialogs.saved.at(-1) as string) };
  }

  it('counts every form in the proposal, so the screen does not call a name handled too early', async () => {
    const { proposals } = await call('innsyn.prepare', { caseId });
    const count = Object.fromEntries(proposals.map((p) => [p.term.normalize('NFC'), p.occurrences]));
    // Each name once in the participant list, plus its forms in the free text.
    expect(count).toEqual({ [SINDRE]: 1 + 8, [ASE]: 1 + 1, [AGE.normalize('NFC')]: 1 + 1 });
  });

  it('shows the caseworker the text as it prints: no soft hyphens, composed letters, LF line breaks', async () => {
    const { texts } = await call('innsyn.prepare', { caseId });
    const shared = texts.find((t) => t.text.includes('<newline>'));
    expect(shared?.text).toContain(line('softhyphen', 'Sindre Opdiktsen'));
    expect(shared?.text).toContain(line('nfd', ASE));
    expect(shared?.text).toContain(line('crlf', 'Sindre\nOpdiktsen'));
    expect(shared?.text).not.toMatch(/[\u00AD\r]/);
  });

  it('leaves none of them in the PDF, and a passage after them is cut exactly where the screen showed it', async () => {
    const { saved, text } = await exportWith((prepared) => {
      const shared = prepared.texts.find((t) => t.text.includes(PASSAGE));
      if (!shared) throw new Error('text not found');
      const start = shared.text.indexOf(PASSAGE);
      return [
        ...prepared.proposals.map((p) => ({
          type: 'term' as const,
          term: p.term,
          source: p.source,
          basis: NAME_BASIS.NO,
        })),
        {
          type: 'passage',
          documentId: shared.documentId,
          path: shared.path,
          start,
          end: start + PASSAGE.length,
          basis: 'no-fvl-19',
        },
      ];
    });
    const lower = text.toLocaleLowerCase();
    for (const word of ['sindre', 'opdiktsen', 'åse', 'fiktivdal', 'åge', 'blåfjellnes', PASSAGE.toLocaleLowerCase()])
      expect(lower).not.toContain(word);
    const marker = read(redactionMarker(['offl. § 13, jf. fvl. § 13']));
    for (const [tag] of FORMS) expect(text).toContain(`<${tag}> ${marker} sa noe.`);
    expect(text).toContain('Om [fvl. § 19] ble ikke sagt mer.');
    expect(saved.removals).toBe(3 + 10 + 1);
  });

  it('without redactions the PDF shows every form, so the checks above can fail', async () => {
    const { text } = await exportWith(() => []);
    // pdftotext may part a word at a zero-width glyph ("Sin dre"), so compare without spaces.
    const compact = (t: string) => t.replace(/ /g, '');
    for (const [tag, written] of FORMS) expect(compact(text)).toContain(compact(read(line(tag, written))));
  });
});
