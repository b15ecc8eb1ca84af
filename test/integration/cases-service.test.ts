import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewCase } from '../../shared/domain';
import { findCaseByReference } from '../../main/db/repositories/cases-repo';
import { serviceApps, type ServiceApp } from '../support/service-app';

const apps = serviceApps();
let s: ServiceApp;

const OLA: NewCase = {
  name: 'Ola Testmann',
  birthDate: '1990-04-01',
  caseReference: 'KOMPIS-200001',
  unit: 'Fiktivby fengsel',
  status: 'fengsel',
  expectedReleaseDate: '2027-01-15',
  grading: { level: 'BEGRENSET' },
};
const KARI: NewCase = {
  ...OLA,
  name: 'Kari Fiktiv',
  caseReference: 'KOMPIS-200002',
  unit: 'Oppdiktet friomsorgskontor',
  status: 'samfunnsstraff',
  expectedReleaseDate: '2026-08-01',
  grading: { level: 'UGRADERT' },
};

beforeAll(async () => {
  s = await apps.make('NO');
});

/** A case as its form sends it back: the fields without those the vault sets. */
function formOf<T extends { id: string; effectiveGrading: unknown; createdAt: unknown; updatedAt: unknown }>(kase: T) {
  const { id: _id, effectiveGrading: _effective, createdAt: _created, updatedAt: _updated, ...fields } = kase;
  return fields;
}
afterAll(() => apps.cleanup());

describe('cases service', () => {
  it('creates, lists, filters, sorts and pages cases', async () => {
    const ola = await s.call('cases.create', OLA);
    const kari = await s.call('cases.create', KARI);
    expect(ola).toMatchObject({ name: 'Ola Testmann', caseReference: 'KOMPIS-200001', effectiveGrading: 'BEGRENSET' });

    const all = await s.call('cases.list', { sort: 'reference' });
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.name)).toEqual(['Ola Testmann', 'Kari Fiktiv']);
    expect((await s.call('cases.list', { sort: 'release' })).rows.map((r) => r.id)).toEqual([kari.id, ola.id]);
    expect((await s.call('cases.list', { query: 'testm' })).rows.map((r) => r.id)).toEqual([ola.id]);
    expect((await s.call('cases.list', { unit: 'Oppdiktet friomsorgskontor' })).rows.map((r) => r.id)).toEqual([
      kari.id,
    ]);
    expect((await s.call('cases.list', { status: 'fengsel' })).total).toBe(1);
    expect((await s.call('cases.list', { grading: 'UGRADERT' })).rows.map((r) => r.id)).toEqual([kari.id]);
    const page = await s.call('cases.list', { sort: 'reference', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, rows: [{ id: kari.id }] });
    expect((await s.call('cases.units', {})).units).toEqual(['Fiktivby fengsel', 'Oppdiktet friomsorgskontor']);
  });

  it('lists references and units in Norwegian and Danish order, Æ, Ø and Å after Z, in any letter case', async () => {
    const t = await apps.make('DK');
    const made: Record<string, string> = {};
    const units: Record<string, string> = {
      'ÅS-1': 'Åna fengsel',
      'øst-2': 'Østjylland arrest',
      'ÆRØ-3': 'ærø fængsel',
      'ZULU-4': 'Zealand fængsel',
      'alfa-5': 'Albertslund fængsel',
      ['ÅS-0'.normalize('NFD')]: 'Åna fengsel',
    };
    for (const [caseReference, unit] of Object.entries(units))
      made[caseReference] = (
        await t.call('cases.create', { ...OLA, caseReference, unit, grading: { level: 'TIL TJENESTEBRUG' } })
      ).id;
    const order = ['alfa-5', 'ZULU-4', 'ÆRØ-3', 'øst-2', 'ÅS-0'.normalize('NFD'), 'ÅS-1'];
    const listed = await t.call('cases.list', { sort: 'reference' });
    expect(listed.rows.map((row) => row.caseReference)).toEqual(order);
    // Pages follow the same order.
    const second = await t.call('cases.list', { sort: 'reference', limit: 2, offset: 2 });
    expect(second.rows.map((row) => row.id)).toEqual([made['ÆRØ-3'], made['øst-2']]);
    expect((await t.call('cases.units', {})).units).toEqual([
      'Albertslund fængsel',
      'Zealand fængsel',
      'ærø fængsel',
      'Østjylland arrest',
      'Åna fengsel',
    ]);
  });

  it('takes a unit typed in another letter case or spacing for the same unit in its filters', async () => {
    const t = await apps.make('NO');
    const make = (caseReference: string, unit: string) => t.call('cases.create', { ...OLA, caseReference, unit });
    const first = await make('SAMME-1', 'Fiktivby fengsel');
    const second = await make('SAMME-2', 'fiktivby  Fengsel');
    const third = await make('SAMME-3', 'Fiktivby fengsel');
    const other = await make('SAMME-4', 'Fiktivby fengsel avd. B');
    // One name for the unit, the spelling most of its cases carry.
    expect((await t.call('cases.units', {})).units).toEqual(['Fiktivby fengsel', 'Fiktivby fengsel avd. B']);
    const ids = async (unit: string) => (await t.call('cases.list', { unit, sort: 'reference' })).rows.map((r) => r.id);
    const unit = [first.id, second.id, third.id];
    expect(await ids('Fiktivby fengsel')).toEqual(unit);
    expect(await ids('FIKTIVBY FENGSEL')).toEqual(unit);
    expect((await t.call('cases.list', { unit: 'fiktivby fengsel' })).total).toBe(3);
    expect(await ids('Fiktivby fengsel avd. B')).toEqual([other.id]);
    expect(await ids('Oppdiktet fengsel')).toEqual([]);
    // Each case still shows the unit as it was typed.
    expect((await t.call('cases.get', { id: second.id })).case.unit).toBe('fiktivby  Fengsel');
  });

  it('refuses a case reference already used by a live case, and frees it when that case is deleted', async () => {
    const error = await s.fail('cases.create', { ...OLA, name: 'Jens Opdigtet' });
    expect(error).toMatchObject({
      code: 'already_exists',
      messageKey: 'error.case_reference_taken',
      fields: ['caseReference'],
    });
    // The same reference in other letters is the same case typed twice.
    const lower = await s.fail('cases.create', { ...OLA, name: 'Jens Opdigtet', caseReference: 'kompis-200001' });
    expect(lower).toMatchObject({ code: 'already_exists', messageKey: 'error.case_reference_taken' });
    const first = (await s.call('cases.list', { query: 'KOMPIS-200001' })).rows[0];
    await s.call('cases.delete', { id: first?.id as string, reason: 'Registrert to ganger' });
    const again = await s.call('cases.create', OLA);
    expect(again.id).not.toBe(first?.id);
    expect(await s.fail('cases.get', { id: first?.id })).toMatchObject({ code: 'not_found' });
  });

  it('takes a reference with Nordic letters as the same in any letter case and either Unicode form', async () => {
    const nordic = await s.call('cases.create', { ...OLA, caseReference: 'ÅLESUND-ØST-7' });
    const taken = { code: 'already_exists', messageKey: 'error.case_reference_taken', fields: ['caseReference'] };
    for (const caseReference of ['ålesund-øst-7', 'Ålesund-Øst-7', 'ÅLESUND-ØST-7'.normalize('NFD')])
      expect(await s.fail('cases.create', { ...OLA, name: 'Jens Opdigtet', caseReference })).toMatchObject(taken);
    // Other letters are another reference: A is not Å, and LIKE's wildcards in a reference are its own.
    const plain = await s.call('cases.create', { ...OLA, caseReference: 'ALESUND-ØST-7' });
    await s.call('cases.create', { ...OLA, caseReference: 'KOMPIS_2%' });
    await s.call('cases.create', { ...OLA, caseReference: 'KOMPISX2ABC' });
    // A case edited to another case's reference in other letters is refused too.
    const edited = formOf(plain);
    expect(await s.fail('cases.update', { ...edited, id: plain.id, caseReference: 'ålesund-øst-7' })).toMatchObject(
      taken,
    );
    // Two cases a vault kept from before, one reference in two forms: each still saves under its own,
    // and neither takes the other's.
    const older = await s.call('cases.create', { ...OLA, caseReference: 'ØRSTA-TVILLING-1' });
    const twin = await s.call('cases.create', { ...OLA, caseReference: 'TVILLING-MIDLERTIDIG' });
    s.app.session
      .current()
      .db.prepare("UPDATE cases SET reference = ?, data = json_set(data, '$.caseReference', ?) WHERE id = ?")
      .run(['ørsta-tvilling-1', 'ørsta-tvilling-1', twin.id]);
    const twinNow = (await s.call('cases.get', { id: twin.id })).case;
    const renamed = await s.call('cases.update', { ...formOf(twinNow), id: twin.id, name: 'Kari Retta' });
    expect(renamed).toMatchObject({ name: 'Kari Retta', caseReference: 'ørsta-tvilling-1' });
    expect((await s.call('cases.update', { ...formOf(older), id: older.id, name: 'Ola Retta' })).name).toBe(
      'Ola Retta',
    );
    const other = { ...formOf(older), id: older.id, caseReference: 'Ørsta-Tvilling-1' };
    expect(await s.fail('cases.update', other)).toMatchObject(taken);
    // An import's reference finds the case in any of those forms (handover packages, bro list).
    const db = s.app.session.current().db;
    expect(findCaseByReference(db, 'ålesund-øst-7'.normalize('NFD'))?.id).toBe(nordic.id);
    expect(findCaseByReference(db, 'alesund-øst-7')?.id).toBe(plain.id);
    expect(findCaseByReference(db, 'kompis_2%')?.reference).toBe('KOMPIS_2%');
    expect(findCaseByReference(db, 'KOMPISX2%')).toBeNull();
    // Lower case, not upper: "ß" is not "SS", so a reference is the same only where LIKE finds it too.
    await s.call('cases.create', { ...OLA, caseReference: 'STRASSE-9' });
    expect((await s.call('cases.create', { ...OLA, caseReference: 'straße-9' })).caseReference).toBe('straße-9');
    // And by a reference the case had before, also in other letters.
    await s.call('cases.update', { ...edited, id: plain.id, caseReference: 'NY-REF-7' });
    expect(findCaseByReference(db, 'Alesund-Øst-7'.normalize('NFD'))?.id).toBe(plain.id);
  });

  it('refuses a grading from the other profile', async () => {
    const error = await s.fail('cases.create', {
      ...OLA,
      caseReference: 'KOMPIS-200003',
      grading: { level: 'FORTROLIGT' },
    });
    expect(error).toMatchObject({
      code: 'invalid_input',
      messageKey: 'error.grading_profile',
      fields: ['grading.level'],
    });
  });

  it('keeps a case at least as high as its highest graded document', async () => {
    const kase = await s.call('cases.create', { ...OLA, caseReference: 'KOMPIS-200010' });
    const doc = await s.call('documents.create', {
      caseId: kase.id,
      kind: 'observation',
      grading: { level: 'KONFIDENSIELT' },
    });
    const got = await s.call('cases.get', { id: kase.id });
    expect(got.case).toMatchObject({ grading: { level: 'BEGRENSET' }, effectiveGrading: 'KONFIDENSIELT' });
    expect(got.documents.map((d) => [d.id, d.kind, d.grading])).toEqual([
      [doc.document.id, 'observation', 'KONFIDENSIELT'],
    ]);
    expect((await s.call('cases.list', { grading: 'KONFIDENSIELT' })).rows.map((r) => r.id)).toEqual([kase.id]);
    await s.call('documents.delete', { id: doc.document.id, reason: 'Feil sak' });
    expect((await s.call('cases.get', { id: kase.id })).case.effectiveGrading).toBe('BEGRENSET');
  });

  it('lowers a case grading only with a reason, and logs the downgrade', async () => {
    const kase = await s.call('cases.create', {
      ...OLA,
      caseReference: 'KOMPIS-200011',
      grading: { level: 'KONFIDENSIELT' },
    });
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt: _u, ...fields } = kase;
    const lower = { ...fields, id: kase.id, grading: { level: 'BEGRENSET' as const } };
    expect(await s.fail('cases.update', lower)).toMatchObject({ code: 'invalid_input', fields: ['downgradeReason'] });
    const updated = await s.call('cases.update', { ...lower, downgradeReason: 'Vurdert på nytt etter møte' });
    expect(updated.effectiveGrading).toBe('BEGRENSET');
    const actions = (await s.call('audit.list', { objectId: kase.id })).entries.map((e) => e.action);
    expect(actions).toEqual(['downgrade', 'update', 'create']);
  });

  it('takes "Unntatt offentlighet" off a case only with a reason, and logs it as a downgrade', async () => {
    const kase = await s.call('cases.create', {
      ...OLA,
      caseReference: 'KOMPIS-200091',
      grading: { level: 'BEGRENSET', exemptionBasis: 'offl. § 13, jf. fvl. § 13' },
    });
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt: _u, ...fields } = kase;
    const open = { ...fields, id: kase.id, grading: { level: 'BEGRENSET' as const } };
    expect(await s.fail('cases.update', open)).toMatchObject({ code: 'invalid_input', fields: ['downgradeReason'] });
    await s.call('cases.update', { ...open, downgradeReason: 'Innsyn gitt etter klage' });
    const actions = (await s.call('audit.list', { objectId: kase.id })).entries.map((e) => e.action);
    expect(actions).toEqual(['downgrade', 'update', 'create']);
  });

  it('does not overwrite a case changed after the editor loaded it', async () => {
    const kase = await s.call('cases.create', { ...OLA, caseReference: 'KOMPIS-200013' });
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt: loaded, ...fields } = kase;
    // Another window saves first, a minute later.
    s.setNow('2026-03-02T10:01:00.000Z');
    await s.call('cases.update', { ...fields, id: kase.id, expectedUpdatedAt: loaded, unit: 'Nordby fengsel' });
    // The first editor, still holding the case as it loaded it, is refused and changes nothing.
    s.setNow('2026-03-02T10:02:00.000Z');
    const stale = { ...fields, id: kase.id, expectedUpdatedAt: loaded, name: 'Ola Testmann Endret' };
    expect(await s.fail('cases.update', stale)).toMatchObject({ code: 'conflict', messageKey: 'error.conflict' });
    const now = (await s.call('cases.get', { id: kase.id })).case;
    expect([now.name, now.unit]).toEqual(['Ola Testmann', 'Nordby fengsel']);
    // Loaded again, it saves.
    const saved = await s.call('cases.update', { ...stale, unit: now.unit, expectedUpdatedAt: now.updatedAt });
    expect([saved.name, saved.unit]).toEqual(['Ola Testmann Endret', 'Nordby fengsel']);
    s.setNow('2026-03-02T10:00:00.000Z');
  });

  it('refuses a stale form even when two updates fall in the same millisecond (the token still moves)', async () => {
    const kase = await s.call('cases.create', { ...OLA, caseReference: 'KOMPIS-200014' });
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt: loaded, ...fields } = kase;
    // The clock does not move between the create and the two updates.
    const first = await s.call('cases.update', {
      ...fields,
      id: kase.id,
      expectedUpdatedAt: loaded,
      status: 'varetekt',
    });
    expect(first.updatedAt).not.toBe(loaded);
    const stale = { ...fields, id: kase.id, expectedUpdatedAt: loaded, name: 'Ola Testmann Endret' };
    expect(await s.fail('cases.update', stale)).toMatchObject({ code: 'conflict', messageKey: 'error.conflict' });
    expect((await s.call('cases.get', { id: kase.id })).case.status).toBe('varetekt');
  });

  it('keeps the day a case registered as released was closed: a correction a year later does not restart its retention', async () => {
    const { expectedReleaseDate: _r, ...noRelease } = OLA;
    const kase = await s.call('cases.create', { ...noRelease, caseReference: 'KOMPIS-200015', status: 'loslatt' });
    const retention = async () =>
      (await s.call('due.list', { caseId: kase.id, today: '2032-01-01' })).items
        .filter((item) => item.kind.startsWith('retention'))
        .map((item) => item.dueDate);
    const before = await retention();
    expect(before).toHaveLength(1);
    s.setNow('2027-03-02T10:00:00.000Z');
    const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt, ...fields } = kase;
    await s.call('cases.update', {
      ...fields,
      id: kase.id,
      name: 'Ola Testmann (rettet)',
      expectedUpdatedAt: updatedAt,
    });
    expect(await retention()).toEqual(before);
    s.setNow('2026-03-02T10:00:00.000Z');
  });

  it('fixes, once, the closing day of a released case saved before Bro kept it, so later edits keep it', async () => {
    const { expectedReleaseDate: _r, ...noRelease } = OLA;
    const kase = await s.call('cases.create', { ...noRelease, caseReference: 'KOMPIS-200016', status: 'loslatt' });
    // As an older Bro stored it: no closing day, so its retention counted from its last save.
    s.app.session
      .current()
      .db.prepare("UPDATE cases SET data = json_remove(data, '$.closedOn') WHERE id = ?")
      .run([kase.id]);
    const retention = async () =>
      (await s.call('due.list', { caseId: kase.id, today: '2032-01-01' })).items
        .filter((item) => item.kind.startsWith('retention'))
        .map((item) => item.dueDate);
    const before = await retention();
    for (const [at, name] of [
      ['2027-03-02T10:00:00.000Z', 'Ola Testmann (rettet)'],
      ['2028-03-02T10:00:00.000Z', 'Ola Testmann (rettet igjen)'],
    ] as const) {
      s.setNow(at);
      const current = (await s.call('cases.get', { id: kase.id })).case;
      const { id: _id, effectiveGrading: _e, createdAt: _c, updatedAt, ...fields } = current;
      await s.call('cases.update', { ...fields, id: kase.id, name, expectedUpdatedAt: updatedAt });
      expect(await retention()).toEqual(before);
    }
    s.setNow('2026-03-02T10:00:00.000Z');
  });

  it('lists no case for a query of punctuation only, as search finds none, and every case for no query', async () => {
    const all = await s.call('cases.list', {});
    expect(all.total).toBeGreaterThan(0);
    for (const query of ['–', '?', '#', ' - '])
      expect(await s.call('cases.list', { query })).toEqual({ total: 0, rows: [] });
    expect((await s.call('cases.list', { query: '  ' })).total).toBe(all.total);
  });

  it('soft-deletes a case with its documents and keeps the reason', async () => {
    const kase = await s.call('cases.create', { ...OLA, caseReference: 'KOMPIS-200012' });
    const doc = await s.call('documents.create', { caseId: kase.id, kind: 'future_plan' });
    await s.call('cases.delete', { id: kase.id, reason: 'Opprettet ved en feil' });
    const deleted = await s.call('documents.list', { caseId: kase.id, includeDeleted: true });
    expect(deleted.documents).toMatchObject([{ id: doc.document.id, deleteReason: 'Opprettet ved en feil' }]);
    expect((await s.call('documents.list', { caseId: kase.id })).documents).toEqual([]);
    const row = s.app.session.current().db.prepare('SELECT delete_reason FROM cases WHERE id = ?').get([kase.id]);
    expect(row).toEqual({ delete_reason: 'Opprettet ved en feil' });
    expect((await s.call('search.query', { text: 'KOMPIS-200012' })).hits).toEqual([]);
  });
});

describe('grading banner', () => {
  it('reports the highest grading held in the vault with the status', async () => {
    const { appFixture } = await import('../support/app-fixture');
    const { FAST_KDF } = await import('../support/vault-fixtures');
    const fixture = appFixture();
    const { app } = fixture.make({ kdfCost: FAST_KDF });
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: 'Fiktiv-hvelv-passord-2026' });
    expect(await app.router.invoke('vault.status', {})).toMatchObject({
      ok: true,
      value: { highestGrading: 'UGRADERT' },
    });
    const created = await app.router.invoke('cases.create', {
      name: 'Ola Testmann',
      caseReference: 'KOMPIS-900001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: { level: 'KONFIDENSIELT' },
    });
    expect(created.ok).toBe(true);
    expect(await app.router.invoke('vault.status', {})).toMatchObject({
      ok: true,
      value: { highestGrading: 'KONFIDENSIELT' },
    });
    fixture.cleanup();
  });
});
