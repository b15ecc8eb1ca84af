import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, verifyAuditChain } from '../../main/audit/audit-log';
import { insertCase, listCases } from '../../main/db/repositories/cases-repo';
import {
  getVersion,
  listDocuments,
  listVersions,
  saveVersion,
  softDeleteDocument,
} from '../../main/db/repositories/documents-repo';
import { search } from '../../main/db/repositories/search-repo';
import { readKeyFile } from '../../main/vault/key-file';
import { ftsQuery } from '../../main/db/repositories/search-text';
import { appFixture } from '../support/app-fixture';
import { saveObservation } from '../support/observation';
import { openNewVault } from '../support/open-vault';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF } from '../support/vault-fixtures';

const dirs = tempDirs('bro-storage-');
afterEach(() => dirs.cleanup());

const AT = '2026-11-23T09:00:00.000Z';

async function withDb() {
  // Storage, not key stretching: the cheap KDF.
  const session = await openNewVault(dirs.make(), 'NO', { kdfCost: FAST_KDF });
  return { session, db: session.current().db };
}

describe('document storage', () => {
  it('keeps every saved version with author, time and content hash, and marks the current one', async () => {
    const { session, db } = await withDb();
    const base = { caseId: null, kind: 'follow_up_plan', grading: 'BEGRENSET', author: 'user-1', searchTitle: 'Plan' };
    const v1 = saveVersion(db, { ...base, content: { risk: 'første utkast' }, status: 'draft', at: AT });
    const v2 = saveVersion(db, {
      ...base,
      documentId: v1.document.id,
      content: { risk: 'ferdig' },
      status: 'final',
      at: '2026-11-24T09:00:00.000Z',
    });
    const v3 = saveVersion(db, {
      ...base,
      documentId: v1.document.id,
      content: { risk: 'endret etter møte' },
      status: 'draft',
      at: '2026-11-25T09:00:00.000Z',
    });
    expect(v3.document).toMatchObject({ currentVersion: 3, status: 'draft' });
    expect(listVersions(db, v1.document.id).map((v) => [v.version, v.status, v.author])).toEqual([
      [1, 'draft', 'user-1'],
      [2, 'final', 'user-1'],
      [3, 'draft', 'user-1'],
    ]);
    expect(getVersion(db, v1.document.id, 2)?.content).toEqual({ risk: 'ferdig' });
    expect(v2.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v2.version.contentHash).not.toBe(v3.version.contentHash);
    session.lock();
  });

  it('soft-deletes with the reason kept and drops the document from lists and search', async () => {
    const { session, db } = await withDb();
    const saved = saveObservation(db, {
      grading: 'UGRADERT',
      at: AT,
      searchTitle: 'Obs',
      content: { what: 'ropte slagord i luftegården' },
    });
    expect(search(db, 'slagord')).toHaveLength(1);
    softDeleteDocument(db, saved.document.id, 'registrert på feil sak', AT);
    expect(listDocuments(db, {})).toHaveLength(0);
    expect(listDocuments(db, { includeDeleted: true })[0]).toMatchObject({ deleteReason: 'registrert på feil sak' });
    expect(search(db, 'slagord')).toHaveLength(0);
    expect(getVersion(db, saved.document.id, 1)).not.toBeNull();
    session.lock();
  });

  it('finds Norwegian and Danish words, by prefix, and treats search operators as plain text', async () => {
    const { session, db } = await withDb();
    const kase = insertCase(db, {
      reference: 'KOMPIS-100001',
      unit: 'Fiktivby fengsel',
      status: 'fengsel',
      grading: 'BEGRENSET',
      expectedRelease: null,
      data: {},
      at: AT,
      searchText: 'Ola Testmann',
    });
    saveObservation(db, {
      caseId: kase.id,
      grading: 'UGRADERT',
      at: AT,
      searchTitle: 'Obs',
      content: { what: 'Uttalte støtte til voldelig ekstremisme; særlig bekymring for søvnmangel' },
    });
    expect(search(db, 'støtte')).toHaveLength(1);
    expect(search(db, 'bekym')).toHaveLength(1);
    expect(search(db, 'stotte')).toHaveLength(0);
    expect(search(db, 'søvnmangel OR "drop table"')).toHaveLength(0);
    expect(search(db, 'testmann')[0]).toMatchObject({ objectType: 'case', caseId: kase.id });
    expect(listCases(db, { query: 'ola' }, ftsQuery('ola')).total).toBe(1);
    expect(ftsQuery('  "; DROP  ')).toBe('"DROP"*');
    // A word with a decomposed form (å) matches either form; ø and æ have none, so the word stays one term.
    expect(ftsQuery('påvirke støtte')).toBe(`("påvirke"* OR "${'påvirke'.normalize('NFD')}"*) AND "støtte"*`);
    expect(ftsQuery('påvirke'.normalize('NFD'))).toBe(ftsQuery('påvirke'));
    session.lock();
  });
});

describe('audit log', () => {
  it('chains every entry to the previous one and reports the first tampered entry', async () => {
    const { session, db } = await withDb();
    // Entry 1 is the vault's making; four more make five.
    for (let i = 0; i < 4; i += 1)
      appendAudit(db, { at: AT, actor: 'user-1', action: 'update', objectType: 'document', objectId: `doc-${i}` });
    const anchor = readKeyFile(session.files.keys).auditAnchor;
    expect(verifyAuditChain(db, anchor)).toEqual({ ok: true, entries: 5 });
    expect(() => db.prepare("UPDATE audit_log SET action = 'delete' WHERE seq = 3").run()).toThrow();
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET action = 'delete' WHERE seq = 3").run();
    expect(verifyAuditChain(db, anchor)).toEqual({ ok: false, entries: 5, firstBrokenSeq: 3, finding: 'rewritten' });
    session.lock();
  });

  it('refuses free text where an id belongs, so personal data cannot enter the log', async () => {
    const { session, db } = await withDb();
    expect(() =>
      appendAudit(db, { at: AT, actor: 'user-1', action: 'create', objectType: 'case', objectId: 'Ola Testmann' }),
    ).toThrow(RangeError);
    session.lock();
  });
});

describe('unlock auditing', () => {
  it('logs each failed attempt and the unlock, with ids only', async () => {
    const fixture = appFixture();
    let clock = new Date('2026-11-23T10:00:00Z');
    const { app } = fixture.make({ now: () => clock, kdfCost: FAST_KDF });
    await app.router.invoke('vault.create', { profile: 'NO', passphrase: 'Fiktiv-hvelv-passord-2026' });
    await app.router.invoke('vault.lock', {});
    expect(await app.router.invoke('vault.unlock', { passphrase: 'feil feil feil feil' })).toMatchObject({ ok: false });
    clock = new Date(clock.getTime() + 5000);
    expect(await app.router.invoke('vault.unlock', { passphrase: 'Fiktiv-hvelv-passord-2026' })).toMatchObject({
      ok: true,
    });
    const actions = listAudit(app.session.current().db)
      .map((entry) => entry.action)
      .reverse();
    expect(actions).toEqual(['create', 'unlock_failed', 'unlock']);
    fixture.cleanup();
  });
});
