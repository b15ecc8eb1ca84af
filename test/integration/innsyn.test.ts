import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_BASIS, type Redaction } from '../../shared/domain/redaction';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { completePlan } from '../support/document-fixtures';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { innsynKit } from '../support/innsyn-area';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
const kit = innsynKit('bro-innsyn-prefs-');
const { dialogs } = kit;
afterAll(() => {
  apps.cleanup();
  kit.cleanup();
});

// Fictional strings, each distinctive so a search cannot hit something else.
const PASSAGE = 'Qwertonkel Blåbærvik';
const FIELD_TEXT = 'Zorblaxtiltak med fast kontaktbetjent er avtalt.';
const PARTICIPANT = 'Sindre Opdiktsen';
const SHORT_NAME = 'Ali';
const CONTACT = FICTIONAL_CONTACT.name; // 'Kari Fiktiv'
const LONGER_NAME = 'Kari Fiktivsen'; // contains CONTACT inside a longer word: must stay
const CONTAINS_SHORT = ['alibiet', 'Natalie']; // contain SHORT_NAME inside a word: must stay

const innsynArea = (s: ServiceApp, answering?: FileDialogs) => kit.area(s, answering ? { dialogs: answering } : {});

/** pdftotext's text of the file, with no-break spaces and line breaks folded to single spaces. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/\u00A0/g, ' ')
    .replace(/\s+/g, ' ');
}

/** The file's raw bytes plus every stream inflated: what a byte search of an uncompressed PDF sees. */
function rawAndInflated(bytes: Buffer): Buffer {
  const parts: Buffer[] = [bytes];
  const text = bytes.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      parts.push(inflateSync(bytes.subarray(start, end)));
    } catch {
      // not a deflated stream (or a font program's own encoding): its raw bytes are already searched
    }
  }
  return Buffer.concat(parts);
}

/** Searches for a string as UTF-8, Latin-1, UTF-16BE and hex UTF-16BE (how PDF writes text strings). */
function foundInBytes(haystack: Buffer, needle: string): boolean {
  const utf16 = Buffer.from(needle, 'utf16le').swap16();
  const candidates = [
    Buffer.from(needle, 'utf8'),
    Buffer.from(needle, 'latin1'),
    utf16,
    Buffer.from(utf16.toString('hex').toUpperCase(), 'latin1'),
    Buffer.from(utf16.toString('hex'), 'latin1'),
  ];
  return candidates.some((c) => haystack.includes(c));
}

async function seed(s: ServiceApp) {
  await s.call('contacts.save', { entry: FICTIONAL_CONTACT });
  const { id: caseId } = await s.call('cases.create', {
    name: 'Fiktiv Persen',
    caseReference: 'KOMPIS 0000-TEST-0101',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'BEGRENSET' },
  });
  const plan = await s.call('documents.create', {
    caseId,
    kind: 'follow_up_plan',
    content: completePlan({
      riskAndVulnerabilityFactors: `Domfelte har kontakt med ${PASSAGE} hver uke. ${LONGER_NAME} er nabo.`,
      measuresDuringSentence: FIELD_TEXT,
    }),
  });
  const meeting = await s.call('documents.create', { caseId, kind: 'meeting', meetingType: 'startup' });
  if (meeting.data.kind !== 'meeting') throw new Error('not a meeting');
  await s.call('documents.save', {
    id: meeting.document.id,
    content: {
      ...meeting.data.content,
      participants: [
        { name: PARTICIPANT, agency: 'politi', role: 'politikontakt' },
        { name: SHORT_NAME, agency: 'kommune', role: 'SLT-koordinator' },
      ],
      informationShared: `${PARTICIPANT} la fram saken. ${CONTACT} var enig med ${PARTICIPANT}. ${SHORT_NAME} sjekket alibiet; Natalie noterte.`,
    },
  });
  return { caseId, planId: plan.document.id };
}

describe('innsyn copy (NO pkt 11): exempt text removed, basis in its place, log as annex', () => {
  let s: ServiceApp;
  let call: ReturnType<typeof innsynArea>;
  let ids: Awaited<ReturnType<typeof seed>>;
  beforeAll(async () => {
    s = await apps.make('NO');
    call = innsynArea(s);
    ids = await seed(s);
  });

  async function exportWith(redactions: (prepared: Awaited<ReturnType<typeof call<'innsyn.prepare'>>>) => Redaction[]) {
    const prepared = await call('innsyn.prepare', { caseId: ids.caseId });
    const versions = prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version }));
    const saved = await call('innsyn.export', {
      caseId: ids.caseId,
      versions,
      redactions: redactions(prepared),
      textsDigest: prepared.textsDigest,
    });
    if (!saved.saved) throw new Error('not saved');
    const path = dialogs.saved.at(-1) as string;
    return { saved, path, bytes: readFileSync(path) };
  }

  it('proposes third parties by whole name, counting only whole-word occurrences', async () => {
    const prepared = await call('innsyn.prepare', { caseId: ids.caseId });
    const byTerm = Object.fromEntries(prepared.proposals.map((p) => [p.term, p]));
    expect(byTerm[PARTICIPANT]).toMatchObject({ source: 'participant', occurrences: 3 });
    expect(byTerm[SHORT_NAME]).toMatchObject({ source: 'participant', occurrences: 2 });
    // In the plan (coordinating contact) and in the minutes; not inside "Kari Fiktivsen".
    expect(byTerm[CONTACT]).toMatchObject({ source: 'contact', occurrences: 2 });
    expect(byTerm['Fiktiv Persen']).toBeUndefined();
    expect(prepared.bases.map((b) => b.citation)).toContain('offl. § 13, jf. fvl. § 13');
  });

  it('removes a mid-sentence passage, a whole field and every occurrence of confirmed names from the PDF', async () => {
    const { saved, path, bytes } = await exportWith((prepared) => {
      const risk = prepared.texts.find((t) => t.documentId === ids.planId && t.text.includes(PASSAGE));
      const field = prepared.texts.find((t) => t.documentId === ids.planId && t.text === FIELD_TEXT);
      if (!risk || !field) throw new Error('texts not found');
      const start = risk.text.indexOf(PASSAGE);
      return [
        {
          type: 'passage',
          documentId: ids.planId,
          path: risk.path,
          start,
          end: start + PASSAGE.length,
          basis: 'no-fvl-19',
        },
        { type: 'field', documentId: ids.planId, path: field.path, basis: 'no-offl-24' },
        ...prepared.proposals.map((p) => ({
          type: 'term' as const,
          term: p.term,
          source: p.source,
          basis: NAME_BASIS.NO,
        })),
      ];
    });
    expect(saved.removals).toBeGreaterThanOrEqual(9);
    const text = pdfText(path);
    for (const removed of [PASSAGE, 'Qwertonkel', 'Blåbærvik', 'Zorblaxtiltak', PARTICIPANT, 'Opdiktsen'])
      expect(text).not.toContain(removed);
    expect(text.replaceAll(LONGER_NAME, '')).not.toContain(CONTACT);
    expect(text).not.toMatch(/\bAli\b/);
    // The basis stands where the text was; the rest of the sentence and names inside other words stay.
    expect(text).toContain('Domfelte har kontakt med [fvl. § 19] hver uke.');
    expect(text).toContain('[offl. § 24]');
    expect(text).toContain('[offl. § 13, jf. fvl. § 13] la fram saken.');
    expect(text).toContain(`${LONGER_NAME} er nabo.`);
    for (const word of CONTAINS_SHORT) expect(text).toContain(word);
    // The redaction log is printed as the annex.
    expect(text).toContain('Vedlegg: logg over unntak');
    expect(text).toContain('Tekstutdrag');
    expect(text).toContain('Hele feltet');

    const searched = rawAndInflated(bytes);
    expect(foundInBytes(searched, 'Kopi ved innsyn')).toBe(true); // the search sees the title in the metadata
    for (const removed of [PASSAGE, 'Qwertonkel', 'Zorblaxtiltak', PARTICIPANT, 'Opdiktsen', FIELD_TEXT])
      expect(foundInBytes(searched, removed)).toBe(false);
  });

  it('keeps the redaction log on the case (where, why, who, when) without the removed text, and logs the export', async () => {
    const { copies } = await call('innsyn.log', { caseId: ids.caseId });
    const copy = copies[0];
    expect(copy?.entries.map((e) => [e.type, e.citation])).toEqual([
      ['passage', 'fvl. § 19'],
      ['field', 'offl. § 24'],
      ['term', 'offl. § 13, jf. fvl. § 13'],
      ['term', 'offl. § 13, jf. fvl. § 13'],
      ['term', 'offl. § 13, jf. fvl. § 13'],
    ]);
    expect(copy?.entries.every((e) => e.by.startsWith('user-') && e.at === '2026-03-02T10:00:00.000Z')).toBe(true);
    const stored = JSON.stringify(copies);
    for (const removed of [PASSAGE, 'Zorblaxtiltak', PARTICIPANT, CONTACT]) expect(stored).not.toContain(removed);
    const log = await s.call('export.log', { documentId: ids.planId });
    expect(log.entries.map((e) => e.fileSha256)).toContain(copy?.fileSha256);
  });

  it('the same copy without redactions shows the strings, so the checks above can fail', async () => {
    const { path } = await exportWith(() => []);
    const text = pdfText(path);
    expect(text).toContain(PASSAGE);
    expect(text).toContain(PARTICIPANT);
    expect(text).toContain('Ingen opplysninger er unntatt');
  });

  it('refuses a basis from the other profile and a place not in the copy, changing nothing', async () => {
    const prepared = await call('innsyn.prepare', { caseId: ids.caseId });
    const versions = prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version }));
    const before = s.rows();
    const files = dialogs.saved.length;
    await expect(
      call('innsyn.export', {
        caseId: ids.caseId,
        versions,
        redactions: [{ type: 'term', term: CONTACT, source: 'contact', basis: 'dk-offl-30-1' }],
        textsDigest: prepared.textsDigest,
      }),
    ).rejects.toMatchObject({ messageKey: 'innsyn.error.basis' });
    await expect(
      call('innsyn.export', {
        caseId: ids.caseId,
        versions,
        redactions: [
          { type: 'passage', documentId: ids.planId, path: 'blocks.999.text', start: 0, end: 3, basis: 'no-fvl-19' },
        ],
        textsDigest: prepared.textsDigest,
      }),
    ).rejects.toMatchObject({ messageKey: 'innsyn.error.location' });
    expect(s.rows()).toEqual(before);
    expect(dialogs.saved.length).toBe(files);
  });
});

describe('innsyn copies made at the same time', () => {
  it('never carry the same copy number: the second is refused and writes nothing', async () => {
    const s = await apps.make('NO');
    const call = innsynArea(s);
    const { caseId, planId } = await seed(s);
    const prepared = await call('innsyn.prepare', { caseId, documentId: planId });
    const input = {
      caseId,
      documentId: planId,
      versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
      redactions: [],
      textsDigest: prepared.textsDigest,
    };
    const chosen = dialogs.saved.length;
    const results = await Promise.allSettled([call('innsyn.export', input), call('innsyn.export', input)]);
    const paths = dialogs.saved.slice(chosen);
    // Both counted the case's copies before either was written, so both would print "copy 1".
    expect(paths.map((path) => path.split(/[\\/]/).at(-1))).toEqual([
      'innsyn-follow_up_plan-1.pdf',
      'innsyn-follow_up_plan-1.pdf',
    ]);
    const saved = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(saved).toHaveLength(1);
    expect(refused.map((r) => (r.reason as { messageKey?: string }).messageKey)).toEqual([
      'innsyn.error.copyNumberTaken',
    ]);
    const copies = () =>
      s.app.session.current().db.prepare('SELECT count(*) FROM innsyn_copies', { pluck: true }).get() as number;
    expect(copies()).toBe(1);
    expect(paths.filter((path) => existsSync(path))).toHaveLength(1);
    // The next copy is number 2.
    const next = await call('innsyn.export', input);
    expect(next.saved).toBe(true);
    expect(dialogs.saved.at(-1)).toMatch(/innsyn-follow_up_plan-2\.pdf$/);
  });
});

describe('innsyn copies of what changed after the preview', () => {
  /** The save dialog, with `meanwhile` run while it is open (another window's work). */
  const dialogWhile = (meanwhile: () => Promise<unknown>): FileDialogs => ({
    ...dialogs,
    chooseSavePath: async (options) => {
      await meanwhile();
      return dialogs.chooseSavePath(options);
    },
  });
  const pinned = async (s: ServiceApp, call: ReturnType<typeof innsynArea>) => {
    const { caseId, planId } = await seed(s);
    const prepared = await call('innsyn.prepare', { caseId, documentId: planId });
    const versions = prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version }));
    const input = { caseId, documentId: planId, versions, redactions: [], textsDigest: prepared.textsDigest };
    return { caseId, planId, input };
  };
  const count = (s: ServiceApp, sql: string) =>
    s.app.session.current().db.prepare(sql, { pluck: true }).get() as number;

  it('refuses a version saved since the preview, writing nothing', async () => {
    const s = await apps.make('NO');
    const call = innsynArea(s);
    const { planId, input } = await pinned(s, call);
    await s.call('documents.save', { id: planId, content: completePlan({ cooperation: 'Endret etter visningen' }) });
    const before = s.rows();
    const files = dialogs.saved.length;
    await expect(call('innsyn.export', input)).rejects.toMatchObject({ messageKey: 'innsyn.error.changed' });
    expect(s.rows()).toEqual(before);
    expect(dialogs.saved.length).toBe(files);
  });

  it.each([
    [
      'deleted',
      (s: ServiceApp, ids: { planId: string }) => s.call('documents.delete', { id: ids.planId, reason: 'Feil' }),
    ],
    [
      'purged with its case',
      async (s: ServiceApp, ids: { caseId: string }) => {
        // An open case is deleted, with its reason, before it is purged.
        await s.call('cases.delete', { id: ids.caseId, reason: 'Registrert ved en feil' });
        return s.call('cases.purge', {
          caseId: ids.caseId,
          confirmReference: 'KOMPIS 0000-TEST-0101',
          reason: 'registered_in_error',
        });
      },
    ],
    [
      'in a case raised to a higher grading',
      // The copy's grading is the case's: one written with the grading read before the dialog would be too low.
      (s: ServiceApp, ids: { caseId: string }) =>
        s.call('cases.update', {
          id: ids.caseId,
          name: 'Fiktiv Persen',
          caseReference: 'KOMPIS 0000-TEST-0101',
          unit: 'Fiktivby fengsel',
          status: 'fengsel',
          grading: { level: 'KONFIDENSIELT' },
        }),
    ],
  ])('refuses a document %s while the save dialog is open: no file, no copy, no log', async (_name, meanwhile) => {
    const s = await apps.make('NO');
    const ids: { caseId: string; planId: string } = { caseId: '', planId: '' };
    const call = innsynArea(
      s,
      dialogWhile(() => meanwhile(s, ids)),
    );
    const { caseId, planId, input } = await pinned(s, innsynArea(s));
    Object.assign(ids, { caseId, planId });
    await expect(call('innsyn.export', input)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'innsyn.error.changed',
    });
    expect(existsSync(dialogs.saved.at(-1) ?? '')).toBe(false);
    expect(count(s, 'SELECT count(*) FROM innsyn_copies')).toBe(0);
    expect(count(s, "SELECT count(*) FROM export_log WHERE format = 'print'")).toBe(0);
  });
});

describe('innsyn copies of documents with long titles and headings', () => {
  it('are made with the whole title and heading, however long a template or a redaction makes them', async () => {
    const s = await apps.make('NO');
    const call = innsynArea(s);
    const { caseId } = await seed(s);
    const builtin = await s.call('templates.get', { id: 'no-follow-up-plan', locale: 'nb' });
    // As long as a template allows (300): after the kind's name, or with a marker for the name, longer.
    const title = `Oppfølgingsplan for Fiktivby fengsel ${'avdeling A, '.repeat(30)}`.slice(0, 280).trim();
    const heading = `Samarbeid med ${SHORT_NAME} og ${'andre etater i regionen, '.repeat(13)}`.slice(0, 299).trim();
    const template = await s.call('templates.save', {
      basedOn: 'no-follow-up-plan',
      locale: 'nb',
      title,
      intro: builtin.intro,
      sections: builtin.sections.map((x, i) => ({
        field: x.field,
        heading: i === 0 ? heading : x.heading,
        guidance: x.guidance,
      })),
    });
    const created = await s.call('documents.create', { caseId, kind: 'follow_up_plan', templateId: template.id });
    const prepared = await call('innsyn.prepare', { caseId, documentId: created.document.id });
    const saved = await call('innsyn.export', {
      caseId,
      documentId: created.document.id,
      versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
      redactions: [{ type: 'term', term: SHORT_NAME, source: 'participant', basis: NAME_BASIS.NO }],
      textsDigest: prepared.textsDigest,
    });
    expect(saved.saved).toBe(true);
    const text = pdfText(dialogs.saved.at(-1) as string);
    expect(text).toContain(title.slice(-40));
    expect(text).toContain(heading.slice(-40));
    expect(text).not.toMatch(new RegExp(`\\b${SHORT_NAME}\\b`));
  });
});

describe('innsyn copies and a purge', () => {
  it('go with the case: the copy rows and their redaction log are purged with it', async () => {
    const s = await apps.make('NO');
    const call = innsynArea(s);
    const { caseId, planId } = await seed(s);
    const prepared = await call('innsyn.prepare', { caseId, documentId: planId });
    const saved = await call('innsyn.export', {
      caseId,
      documentId: planId,
      versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
      redactions: [{ type: 'term', term: CONTACT, source: 'contact', basis: NAME_BASIS.NO }],
      textsDigest: prepared.textsDigest,
    });
    expect(saved.saved).toBe(true);
    expect(prepared.documents.map((d) => d.documentId)).toEqual([planId]);
    const count = (table: string) =>
      s.app.session.current().db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get() as number;
    expect([count('innsyn_copies'), count('redaction_log')]).toEqual([1, 1]);
    expect((await s.call('cases.purgePreview', { caseId })).innsynCopies).toBe(1);
    await s.call('cases.delete', { id: caseId, reason: 'Registrert ved en feil' });
    await s.call('cases.purge', { caseId, confirmReference: 'KOMPIS 0000-TEST-0101', reason: 'registered_in_error' });
    expect([count('innsyn_copies'), count('redaction_log')]).toEqual([0, 0]);
    // The log that recorded the copy's making records its purge too, by its id (audit 9).
    if (!saved.saved) throw new Error('not saved');
    const entries = (await s.call('audit.list', { objectId: saved.copyId })).entries;
    expect(entries.map((e) => [e.action, e.objectType])).toContainEqual(['delete', 'innsyn_copy_purged']);
  });
});

describe('innsyn copy in a DK vault', () => {
  it('offers only Danish provisions', async () => {
    const s = await apps.make('DK');
    const call = innsynArea(s);
    const { id: caseId } = await s.call('cases.create', {
      name: 'Fiktiv Jensen',
      caseReference: 'KLI-0000-TEST',
      unit: 'Fiktivby Fængsel',
      status: 'fengsel',
      grading: { level: 'IKKE KLASSIFICERET' },
    });
    await s.call('documents.create', { caseId, kind: 'mentor_course' });
    const { bases, proposals } = await call('innsyn.prepare', { caseId });
    expect(bases.map((b) => b.citation)).toContain('offl. § 30, nr. 1');
    expect(bases.every((b) => b.id.startsWith('dk-'))).toBe(true);
    expect(proposals).toEqual([]);
  });
});
