import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { exportArea, finalisedPlan, makeCase } from './export-fixtures';

/**
 * An insider with the passphrase edits a finalised plan's text in vault.db with a SQL shell and leaves
 * its hash as it was (the audit that found this: the planted text was shown, printed and logged as a
 * normal export). The version is now refused wherever its content is read, with a message saying
 * what happened; nothing is printed or logged, and the other documents are untouched.
 */

const apps = serviceApps();
let s: ServiceApp;
let area: ReturnType<typeof exportArea>;
let altered: { id: string; version: number };
let intact: { id: string; version: number };

const db = () => s.app.session.current().db;
const prints = () =>
  (db().prepare("SELECT count(*) FROM export_log WHERE format = 'print'", { pluck: true }).get() as number) ?? 0;

beforeAll(async () => {
  s = await apps.make('NO');
  area = exportArea(s);
  const caseId = await makeCase(s);
  altered = await finalisedPlan(s, caseId);
  intact = await finalisedPlan(s, await makeCase(s, 'KOMPIS-4712'));
  db()
    .prepare(
      "UPDATE document_versions SET content = json_set(content, '$.measuresDuringSentence', 'INNSMUGLET tekst') WHERE document_id = ? AND version = ?",
    )
    .run([altered.id, altered.version]);
}, 120_000);
afterAll(() => apps.cleanup());

describe('a version whose text was changed outside Bro', () => {
  it('is not shown: the document answers with what happened, naming the version', async () => {
    const error = await s.fail('documents.get', { id: altered.id });
    expect(error).toMatchObject({
      code: 'vault_corrupt',
      messageKey: 'error.version_altered',
      params: { version: altered.version },
    });
  });

  it('is neither printed nor exported, and nothing is logged', async () => {
    const before = prints();
    const refused = await s.app.router.invoke('export.print', { documentId: altered.id });
    expect(refused).toMatchObject({ ok: false, error: { messageKey: 'error.version_altered' } });
    const printed = await s.app.router.invoke('files.print', { documentId: altered.id });
    expect(printed).toMatchObject({ ok: false, error: { messageKey: 'error.version_altered' } });
    expect(prints()).toBe(before);
  });

  it('gives no search snippet of its planted text', async () => {
    const kase = await makeCase(s, 'KOMPIS-4713');
    const obs = await s.call('documents.create', { caseId: kase, kind: 'observation', grading: { level: 'UGRADERT' } });
    if (obs.data.kind !== 'observation') throw new Error('not an observation');
    const content = { ...obs.data.content, seenOrHeard: 'Snakket om brevduer i kantina' };
    await s.call('documents.save', { id: obs.document.id, content });
    db()
      .prepare(
        "UPDATE document_versions SET content = replace(content, 'brevduer', 'INNSMUGLET') WHERE document_id = ?",
      )
      .run([obs.document.id]);
    const hits = (await s.call('search.query', { text: 'kantina' })).hits;
    expect(hits.map((hit) => hit.objectId)).toContain(obs.document.id);
    expect(hits.map((hit) => hit.snippet).join('\n')).not.toContain('INNSMUGLET');
  });

  it('leaves every other document as it was', async () => {
    expect((await s.call('documents.get', { id: intact.id })).document.id).toBe(intact.id);
    const preview = await area.call('export.print', { documentId: intact.id });
    expect(preview.fileBase64.length).toBeGreaterThan(0);
  });
});
