// A received document no case here holds (at KDI, most of them) can be purged for good, with a reason
// the audit log keeps (before, nothing ever took one out of the file). One a live case holds goes with
// that case's purge and is refused here, changing nothing. Real vaults, a real signed container from
// another unit. Fictional people only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseByReference } from '../../main/db/repositories/cases-repo';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { receivingFrom } from './received-fixtures';

const apps = serviceApps();
afterAll(() => apps.cleanup());
let receiveInto: Awaited<ReturnType<typeof receivingFrom>>;

beforeAll(async () => {
  receiveInto = await receivingFrom(await apps.make('NO'));
}, 300_000);

const receive = async (kdi: ServiceApp, reference: string) => await receiveInto(kdi, reference);

/** The received documents listed, each with whether a live case holds it (in no order: two may share a millisecond). */
const heldByCaseListed = async (kdi: ServiceApp) =>
  new Map((await kdi.call('import.list', {})).documents.map((d) => [d.id, d.heldByCase]));

const BASE = { unit: 'KDI mentorordningen', status: 'fengsel' as const, grading: { level: 'UGRADERT' as const } };

describe('purging a received document', () => {
  it('takes one no case holds out of the list, the reading and the file, and logs its id and the reason', async () => {
    const kdi = await apps.make('NO');
    const caseless = await receive(kdi, 'KOMPIS-RP-1');
    const kept = await receive(kdi, 'KOMPIS-RP-2');
    expect(caseless.heldByCase).toBe(false);

    expect(await kdi.call('import.purge', { id: caseless.id, reason: 'registered_in_error' })).toEqual({
      overwritten: true,
    });
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id)).toEqual([kept.id]);
    expect(await kdi.fail('import.get', { id: caseless.id })).toMatchObject({ code: 'not_found' });
    const db = kdi.app.session.current().db;
    expect(db.prepare('SELECT count(*) FROM received_documents WHERE id = ?', { pluck: true }).get([caseless.id])).toBe(
      0,
    );
    const entries = (await kdi.call('audit.list', { objectId: caseless.id })).entries;
    expect(entries.map((e) => [e.action, e.objectType])).toContainEqual([
      'delete',
      'received_purged.registered_in_error',
    ]);
    // Once gone, it cannot be purged again.
    expect(await kdi.fail('import.purge', { id: caseless.id, reason: 'administrator_decision' })).toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses one a live case holds, by its reference now or before, changing nothing', async () => {
    const kdi = await apps.make('NO');
    const kase = await kdi.call('cases.create', { ...BASE, name: 'Kari Fiktiv Mottatt', caseReference: 'KOMPIS-RP-3' });
    const held = await receive(kdi, 'KOMPIS-RP-3');
    expect(held.heldByCase).toBe(true);
    expect((await kdi.call('import.list', {})).documents.map((d) => [d.id, d.heldByCase])).toEqual([[held.id, true]]);
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt, ...fields } = kase;
    await kdi.call('cases.update', {
      ...fields,
      id: kase.id,
      caseReference: 'KOMPIS-RP-33',
      expectedUpdatedAt: updatedAt,
    });
    const before = kdi.rows();

    expect(await kdi.fail('import.purge', { id: held.id, reason: 'administrator_decision' })).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'export.import.purge.heldByCase',
      params: { reference: 'KOMPIS-RP-3' },
    });
    expect(kdi.rows()).toEqual(before);
    expect((await kdi.call('import.get', { id: held.id })).received.heldByCase).toBe(true);
  });

  it('refuses one only a deleted case holds: it is out of the lists and goes with that case', async () => {
    const kdi = await apps.make('NO');
    const kase = await kdi.call('cases.create', { ...BASE, name: 'Per Fiktiv Mottatt', caseReference: 'KOMPIS-RP-4' });
    const held = await receive(kdi, 'KOMPIS-RP-4');
    await kdi.call('cases.delete', { id: kase.id, reason: 'Registrert ved en feil' });
    const before = kdi.rows();
    expect(await kdi.fail('import.purge', { id: held.id, reason: 'registered_in_error' })).toMatchObject({
      code: 'not_found',
    });
    expect(kdi.rows()).toEqual(before);
    expect((await kdi.call('cases.purgePreview', { caseId: kase.id })).receivedFiles).toBe(1);
  });

  it('matches a case by reference in any letter case of its Nordic letters and either Unicode form', async () => {
    const kdi = await apps.make('NO');
    const live = await kdi.call('cases.create', { ...BASE, name: 'Åse Fiktiv Mottatt', caseReference: 'ÅRDAL-RP-6' });
    const held = await receive(kdi, 'årdal-rp-6'.normalize('NFD'));
    const other = await receive(kdi, 'ARDAL-RP-6');
    // Held by the live case: listed as held, and its purge refused, changing nothing.
    const listed = await heldByCaseListed(kdi);
    expect(listed).toEqual(
      new Map([
        [held.id, true],
        [other.id, false],
      ]),
    );
    const before = kdi.rows();
    expect(await kdi.fail('import.purge', { id: held.id, reason: 'administrator_decision' })).toMatchObject({
      code: 'rule_blocked',
    });
    expect(kdi.rows()).toEqual(before);
    // The case deleted: its document leaves the list and the reading with it; A is not Å.
    await kdi.call('cases.delete', { id: live.id, reason: 'Registrert ved en feil' });
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id)).toEqual([other.id]);
    expect(await kdi.fail('import.get', { id: held.id })).toMatchObject({ code: 'not_found' });
  });

  it("places received documents by a case's former references an insider edited into other values", async () => {
    const kdi = await apps.make('NO');
    const kase = await kdi.call('cases.create', { ...BASE, name: 'Øyvind Fiktiv Mottatt', caseReference: 'ØYER-RP-7' });
    const odd = await kdi.call('cases.create', { ...BASE, name: 'Ivar Fiktiv Mottatt', caseReference: 'ØYER-RP-8' });
    const db = kdi.app.session.current().db;
    const setFormer = (id: string, json: string) =>
      db.prepare("UPDATE cases SET data = json_set(data, '$.formerReferences', json(?)) WHERE id = ?").run([json, id]);
    setFormer(kase.id, '[42, null, {"x": 1}, "ØYER-GAMMEL-7"]');
    setFormer(odd.id, '"ØYER-GAMMEL-8"');
    const held = await receive(kdi, 'øyer-gammel-7');
    const loose = await receive(kdi, 'ØYER-GAMMEL-8');
    // The one text among the values counts; a value that is not a list is no former reference.
    const listed = await heldByCaseListed(kdi);
    expect(listed).toEqual(
      new Map([
        [held.id, true],
        [loose.id, false],
      ]),
    );
    expect(findCaseByReference(db, 'øyer-gammel-7')?.id).toBe(kase.id);
    expect(findCaseByReference(db, 'øyer-gammel-8')).toBeNull();
  });

  it('refuses a reason the purge of received documents does not take', async () => {
    const kdi = await apps.make('NO');
    const doc = await receive(kdi, 'KOMPIS-RP-5');
    expect(await kdi.fail('import.purge', { id: doc.id, reason: 'retention_expired' })).toMatchObject({
      code: 'invalid_input',
    });
    expect((await kdi.call('import.list', {})).documents.map((d) => d.id)).toEqual([doc.id]);
  });
});
