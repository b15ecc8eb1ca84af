import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completePlan, GRADING } from '../support/document-fixtures';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { suitableMentor } from '../../shared/rules/test-fixtures';

const apps = serviceApps();
let s: ServiceApp;

beforeAll(async () => {
  s = await apps.make('NO');
});
afterAll(() => apps.cleanup());

describe('audit service', () => {
  it('logs every create, update, finalise, distribute, downgrade and delete with actor and object id only', async () => {
    const kase = await s.call('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-900001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const doc = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'follow_up_plan',
      content: completePlan({ grading: { level: 'KONFIDENSIELT' } }),
    });
    await s.call('documents.save', {
      id: doc.document.id,
      content: completePlan(),
      downgradeReason: 'Ola Testmann ba om innsyn',
    });
    await s.call('documents.finalise', { id: doc.document.id });
    await s.call('distribution.record', {
      documentId: doc.document.id,
      version: 3,
      recipient: 'kdi',
      sentOn: '2026-03-02',
      format: 'paper',
    });
    await s.call('documents.delete', { id: doc.document.id, reason: 'Kari Fiktiv ba om sletting' });
    const { id: _id, ...mentor } = suitableMentor();
    await s.call('mentors.save', { mentor });

    const entries = (await s.call('audit.list', { objectId: doc.document.id })).entries;
    expect(entries.map((e) => e.action)).toEqual(['delete', 'distribute', 'finalise', 'downgrade', 'update', 'create']);
    const actor = entries[0]?.actor;
    expect(actor).toMatch(/^user-[0-9a-f-]{36}$/);
    expect(entries.every((e) => e.actor === actor && e.objectType === 'document')).toBe(true);

    const table = JSON.stringify(s.app.session.current().db.prepare('SELECT * FROM audit_log').all());
    for (const text of ['Testmann', 'Fiktiv', 'Opdigtet', 'KOMPIS', 'innsyn', 'sletting', 'Politiet'])
      expect(table).not.toContain(text);
    expect(await s.call('audit.verify', {})).toEqual({ ok: true, entries: JSON.parse(table).length });
  });

  it('reports the first broken entry when the log has been tampered with', async () => {
    // Its own vault with entries of its own: this test must not depend on what the one above logged.
    const own = await apps.make('NO');
    for (const name of ['Kari Fiktiv', 'Per Oppdiktet', 'Liv Testdatter']) {
      await own.call('cases.create', {
        name,
        caseReference: `KOMPIS-9000${name.length}`,
        unit: 'Fiktivby fengsel',
        status: 'fengsel',
        grading: GRADING,
      });
    }
    const entries = await own.call('audit.verify', {});
    expect(entries).toMatchObject({ ok: true });
    expect(entries.entries).toBeGreaterThanOrEqual(3);
    const db = own.app.session.current().db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'export' WHERE seq = 3").run();
    expect(await own.call('audit.verify', {})).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it("moves the chain's head in place on every commit: its rows keep their row ids, and the chain verifies", async () => {
    const own = await apps.make('NO');
    const db = own.app.session.current().db;
    const heads = () =>
      db
        .prepare(
          "SELECT key, rowid AS id, value FROM meta WHERE key IN ('audit_head', 'audit_legacy_seq') ORDER BY key",
        )
        .all() as {
        key: string;
        id: number;
        value: string;
      }[];
    await own.call('cases.create', {
      name: 'Kari Fiktiv',
      caseReference: 'KOMPIS-90100',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const first = heads();
    await own.call('cases.create', {
      name: 'Per Oppdiktet',
      caseReference: 'KOMPIS-90101',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: GRADING,
    });
    const second = heads();
    // A replace gave new row ids (a delete and an insert, the key index's page written on every commit).
    expect(second.map(({ key, id }) => ({ key, id }))).toEqual(first.map(({ key, id }) => ({ key, id })));
    expect(second.find((row) => row.key === 'audit_head')?.value).not.toBe(
      first.find((row) => row.key === 'audit_head')?.value,
    );
    expect(await own.call('audit.verify', {})).toMatchObject({ ok: true });
  });
});
