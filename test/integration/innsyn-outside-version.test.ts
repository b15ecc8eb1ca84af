import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Redaction } from '../../shared/domain/redaction';
import type { FileDialogs } from '../../main/files/file-dialogs';
import { eligibleDkCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { innsynKit } from '../support/innsyn-area';
import { serviceApps, type ServiceApp } from '../support/service-app';

// The printed view of a document takes text from outside its version (here the mentor register), and a
// passage is addressed by path and offset: a change there after the preview is refused, not misredacted.

const apps = serviceApps();
const kit = innsynKit('bro-innsyn-outside-');
const { dialogs } = kit;
afterAll(() => {
  apps.cleanup();
  kit.cleanup();
});

const innsynArea = (s: ServiceApp, answering?: FileDialogs) => kit.area(s, answering ? { dialogs: answering } : {});

const GRADING = { level: 'TIL TJENESTEBRUG' } as const;
const MENTOR = 'Birte Fiktivsen';
const RENAMED = 'Birgitte Fiktivsen-Holmgaard';

/** A DK case with a mentor course naming one mentor; the export input marking every place the name stands. */
async function previewed(s: ServiceApp) {
  const { id: _id, ...mentor } = suitableMentor({ name: MENTOR });
  const saved = await s.call('mentors.save', { mentor, grading: GRADING });
  const { id: caseId } = await s.call('cases.create', {
    name: 'Jens Opdigtet',
    caseReference: 'KS-TEST-0301',
    unit: 'KiF Testby afdeling',
    status: 'samfunnsstraff',
    grading: GRADING,
  });
  const course = await s.call('documents.create', {
    caseId,
    kind: 'mentor_course',
    content: eligibleDkCourse({
      grading: GRADING,
      mentors: [
        {
          mentorId: saved.id,
          agreedWeeklyHours: 4,
          relationDescription: '',
          closeRelation: false,
          ownUnitExceptionJustification: '',
        },
      ],
    }),
  });
  const documentId = course.document.id;
  const prepared = await innsynArea(s)('innsyn.prepare', { caseId, documentId });
  const redactions: Redaction[] = prepared.texts
    .filter((t) => t.text.includes(MENTOR))
    .map((t) => ({
      type: 'passage',
      documentId: t.documentId,
      path: t.path,
      start: t.text.indexOf(MENTOR),
      end: t.text.indexOf(MENTOR) + MENTOR.length,
      basis: 'dk-offl-30-1',
    }));
  const input = {
    caseId,
    documentId,
    versions: prepared.documents.map((d) => ({ documentId: d.documentId, version: d.version })),
    redactions,
    textsDigest: prepared.textsDigest,
  };
  // Another window saves the mentor record anew, with the full name.
  const rename = () => s.call('mentors.save', { id: saved.id, mentor: { ...mentor, name: RENAMED }, grading: GRADING });
  return { input, rename };
}

const count = (s: ServiceApp, sql: string) => s.app.session.current().db.prepare(sql, { pluck: true }).get() as number;

describe('innsyn copy of texts changed outside the document version after the preview', () => {
  it('makes the copy when nothing changed', async () => {
    const s = await apps.make('DK');
    const { input } = await previewed(s);
    expect(input.redactions.length).toBeGreaterThan(0);
    expect(await innsynArea(s)('innsyn.export', input)).toMatchObject({ saved: true });
  });

  it('refuses a mentor renamed between the preview and the export, writing nothing', async () => {
    const s = await apps.make('DK');
    const { input, rename } = await previewed(s);
    await rename();
    const files = dialogs.saved.length;
    await expect(innsynArea(s)('innsyn.export', input)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'innsyn.error.changed',
    });
    expect(dialogs.saved.length).toBe(files);
    expect(count(s, 'SELECT count(*) FROM innsyn_copies')).toBe(0);
  });

  it('refuses an export that does not say which texts it marked: the rename would print through, so no dialog opens', async () => {
    const s = await apps.make('DK');
    const { input, rename } = await previewed(s);
    await rename();
    const { textsDigest: _marked, ...unmarked } = input;
    const files = dialogs.saved.length;
    // Through the router, as the window calls it.
    expect(await s.fail('innsyn.export', unmarked as typeof input)).toMatchObject({ code: 'invalid_input' });
    expect(dialogs.saved.length).toBe(files);
    expect(count(s, 'SELECT count(*) FROM innsyn_copies')).toBe(0);
  });

  it('refuses a mentor renamed while the save dialog is open: no file, no copy, no log', async () => {
    const s = await apps.make('DK');
    const { input, rename } = await previewed(s);
    const during: FileDialogs = {
      ...dialogs,
      chooseSavePath: async (options) => {
        await rename();
        return dialogs.chooseSavePath(options);
      },
    };
    await expect(innsynArea(s, during)('innsyn.export', input)).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'innsyn.error.changed',
    });
    expect(existsSync(dialogs.saved.at(-1) ?? '')).toBe(false);
    expect(count(s, 'SELECT count(*) FROM innsyn_copies')).toBe(0);
    expect(count(s, "SELECT count(*) FROM export_log WHERE format = 'print'")).toBe(0);
  });
});
