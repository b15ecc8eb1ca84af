import { afterEach, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../main/db/connection';
import { recoverDataKey } from '../../main/vault/recover-data-key';
import { offeredNoCourse, suitableMentor } from '../../shared/rules/test-fixtures';
import { FICTIONAL_CONTACT } from '../support/fictional-contact';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { PASSPHRASE } from '../support/vault-fixtures';

/**
 * Deleted mentor records and contact register entries stay in the file until purged: they are listed
 * with the reason and purged for good from there. A refusal changes nothing.
 */

const apps = serviceApps();
afterEach(() => apps.cleanup());

const NAME = 'Qworbel Fiktivsen';

function rowsOf(s: ServiceApp, id: string) {
  const db = s.app.session.current().db;
  const count = (sql: string) => db.prepare(sql, { pluck: true }).get([id]) as number;
  return {
    documents: count('SELECT count(*) FROM documents WHERE id = ?'),
    versions: count('SELECT count(*) FROM document_versions WHERE document_id = ?'),
    named: count("SELECT count(*) FROM document_versions WHERE instr(content, 'Qworbel') > 0 AND ? IS NOT NULL"),
  };
}

async function mentorCourseNaming(s: ServiceApp, mentorId: string) {
  const kase = await s.call('cases.create', {
    name: 'Per Fiktivsen',
    caseReference: 'KOMPIS-REC-1',
    unit: 'Fiktivby fengsel',
    status: 'fengsel',
    grading: { level: 'UGRADERT' },
  });
  const base = offeredNoCourse({ grading: { level: 'UGRADERT' } });
  const mentors = base.mentors.map((m) => ({ ...m, mentorId }));
  return s.call('documents.create', { caseId: kase.id, kind: 'mentor_course', content: { ...base, mentors } });
}

describe('deleted vault records', () => {
  it('lists a deleted contact entry with its reason, and purges every version of it, keeping its id in the audit log', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const entry = await s.call('contacts.save', { entry: { ...FICTIONAL_CONTACT, name: NAME } });
    await s.call('contacts.save', { id: entry.id, entry: { ...FICTIONAL_CONTACT, name: NAME, phone: '99 99 99 99' } });
    await s.call('contacts.delete', { id: entry.id, reason: 'Sluttet i stillingen' });
    expect(await s.call('records.deleted', { kind: 'contact_entry' })).toEqual({
      records: [{ id: entry.id, name: NAME, deletedOn: '2026-03-02', reason: 'Sluttet i stillingen' }],
    });
    expect(await s.call('records.deleted', { kind: 'mentor' })).toEqual({ records: [] });
    expect(rowsOf(s, entry.id)).toEqual({ documents: 1, versions: 2, named: 2 });

    expect(await s.call('records.purge', { kind: 'contact_entry', id: entry.id })).toEqual({ overwritten: true });
    expect(rowsOf(s, entry.id)).toEqual({ documents: 0, versions: 0, named: 0 });
    expect(await s.call('records.deleted', { kind: 'contact_entry' })).toEqual({ records: [] });
    expect((await s.call('search.query', { text: 'Qworbel' })).hits).toEqual([]);
    const audit = (await s.call('audit.list', {})).entries;
    expect(audit).toContainEqual(expect.objectContaining({ objectType: 'contact_entry_purged', objectId: entry.id }));
    expect(JSON.stringify(audit)).not.toContain('Qworbel');
  });

  it('keeps an entry whose deletion KDI has not had (NO pkt 2) until the register is recorded as sent', async () => {
    const s = await apps.make('NO', '2026-03-02T10:00:00.000Z');
    const entry = await s.call('contacts.save', { entry: { ...FICTIONAL_CONTACT, name: NAME } });
    await s.call('contacts.recordSent', { sentOn: '2026-03-02' });
    s.setNow('2026-03-05T10:00:00.000Z');
    await s.call('contacts.delete', { id: entry.id, reason: 'Sluttet i stillingen' });
    const changed = await s.call('contacts.registerStatus', {});
    expect(changed).toMatchObject({ state: 'changed', changedOn: '2026-03-05' });
    const before = s.rows();
    expect(await s.fail('records.purge', { kind: 'contact_entry', id: entry.id })).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'records.purge.error.registerUnsent',
    });
    expect(s.rows()).toEqual(before);
    expect(await s.call('contacts.registerStatus', {})).toEqual(changed);
    s.setNow('2026-03-06T10:00:00.000Z');
    await s.call('contacts.recordSent', { sentOn: '2026-03-06' });
    await s.call('records.purge', { kind: 'contact_entry', id: entry.id });
    expect(await s.call('contacts.registerStatus', {})).toMatchObject({ state: 'sent' });
  });

  it('refuses a live record, an unknown one and one of the other kind, changing nothing', async () => {
    const s = await apps.make('NO');
    const entry = await s.call('contacts.save', { entry: { ...FICTIONAL_CONTACT, name: NAME } });
    const before = s.rows();
    expect(await s.fail('records.purge', { kind: 'contact_entry', id: entry.id })).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'records.purge.error.notDeleted',
    });
    await s.call('contacts.delete', { id: entry.id, reason: 'Feil' });
    const deleted = s.rows();
    expect(deleted).not.toEqual(before);
    expect(await s.fail('records.purge', { kind: 'mentor', id: entry.id })).toMatchObject({ code: 'not_found' });
    expect(
      await s.fail('records.purge', { kind: 'contact_entry', id: '0b9f6c1e-2a3d-4e5f-8a7b-6c5d4e3f2a1e' }),
    ).toMatchObject({ code: 'not_found' });
    expect(await s.fail('records.purge', { kind: 'case', id: entry.id })).toMatchObject({ code: 'invalid_input' });
    expect(s.rows()).toEqual(deleted);
  });

  it('keeps a deleted mentor a live course still names, and purges it once the course is gone', async () => {
    const s = await apps.make('NO');
    const { id: _id, ...mentor } = suitableMentor();
    const saved = await s.call('mentors.save', { mentor: { ...mentor, name: NAME } });
    const course = await mentorCourseNaming(s, saved.id);
    // The contact register's sendings are no matter for a mentor (NO pkt 2 is the register's).
    await s.call('contacts.recordSent', { sentOn: '2026-03-02' });
    s.setNow('2026-03-03T10:00:00.000Z');
    await s.call('mentors.delete', { id: saved.id, reason: 'Avsluttet oppdraget' });
    const before = s.rows();
    expect(await s.fail('records.purge', { kind: 'mentor', id: saved.id })).toMatchObject({
      code: 'rule_blocked',
      messageKey: 'records.purge.error.named',
      params: { count: 1 },
    });
    expect(s.rows()).toEqual(before);
    await s.call('documents.delete', { id: course.document.id, reason: 'Registrert i feil sak' });
    await s.call('records.purge', { kind: 'mentor', id: saved.id });
    expect(rowsOf(s, saved.id)).toMatchObject({ documents: 0, versions: 0 });
  });

  it('lists a deleted record whose stored name or reason is not text (edited outside Bro) without them', async () => {
    const s = await apps.make('NO');
    const entry = await s.call('contacts.save', { entry: { ...FICTIONAL_CONTACT, name: NAME } });
    await s.call('contacts.delete', { id: entry.id, reason: 'Feil' });
    const db = s.app.session.current().db;
    db.prepare("UPDATE document_versions SET content = json_set(content, '$.name', 7) WHERE document_id = ?").run([
      entry.id,
    ]);
    db.prepare('UPDATE documents SET delete_reason = NULL WHERE id = ?').run([entry.id]);
    expect((await s.call('records.deleted', { kind: 'contact_entry' })).records).toEqual([
      { id: entry.id, name: '', deletedOn: '2026-03-02', reason: '' },
    ]);
  });

  it('refuses while another connection reads the vault, and purges once it has ended', async () => {
    const s = await apps.make('NO');
    const entry = await s.call('contacts.save', { entry: { ...FICTIONAL_CONTACT, name: NAME } });
    await s.call('contacts.delete', { id: entry.id, reason: 'Feil' });
    const key = await recoverDataKey(s.vaultDir, { passphrase: PASSPHRASE });
    const other = openEncrypted(s.app.session.files.database, key, 'quick');
    other.exec('BEGIN');
    other.prepare('SELECT count(*) FROM documents').get();
    try {
      const before = s.rows();
      expect(await s.fail('records.purge', { kind: 'contact_entry', id: entry.id })).toMatchObject({
        code: 'busy',
        messageKey: 'purge.error.otherReader',
      });
      expect(s.rows()).toEqual(before);
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    await s.call('records.purge', { kind: 'contact_entry', id: entry.id });
    expect(rowsOf(s, entry.id).documents).toBe(0);
  });
});
