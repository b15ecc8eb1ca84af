import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../main/db/migrate';
import { casePageQueries } from '../../main/db/repositories/cases-repo';
import { REGISTER_LAST_CHANGE_SQL } from '../../main/db/repositories/contact-register-repo';
import { AppError } from '../../main/ipc/app-error';
import { VaultSession } from '../../main/vault/vault-session';
import { tempDirs } from '../support/temp-dir';
import { addCase, holdsFuturePlan, meeting, PKT6_RECIPIENTS, save, sent, TODAY } from '../support/due-list-vault';
import { checkDueFacts } from '../../main/services/due-facts-check';
import { computeDueList } from '../../main/services/due-list';
import { newDraft } from '../../shared/templates/drafts';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-migrations-');
afterEach(() => dirs.cleanup());

const all = loadMigrations();

function tables(session: VaultSession): string[] {
  return session
    .current()
    .db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'index', 'trigger') ORDER BY name", {
      pluck: true,
    })
    .all() as string[];
}

/** The tables (or indexes) each migration must leave behind; one entry per shipped migration. */
const EXPECTED_TABLES: Record<number, string[]> = {
  1: ['meta', 'schema_migrations'],
  2: ['cases', 'documents', 'document_versions', 'distributions', 'audit_log', 'search_index'],
  3: ['mentor_conversations'],
  4: ['vault_templates'],
  5: ['signing_identity', 'trusted_signers', 'export_log', 'received_documents'],
  6: ['search_keys'],
  7: ['cases_grading', 'documents_grading'],
  8: ['contact_register_sends'],
  9: ['trust_store'],
  10: ['received_documents_grading'], // audit anchor (issue 12): legacy mark and head in meta; grading index
  11: ['due_facts', 'due_facts_document', 'cases_due', 'retention_periods'], // due facts (issue 15), retention periods (issue 14)
  12: ['search_keys'], // search index compaction (issue 15): search_keys WITHOUT ROWID, FTS5 segments merged
  13: ['case_transfers', 'handover_packages', 'handover_receipts', 'handover_received_documents'], // case transfer and handover (issue 14)
  14: ['innsyn_copies', 'innsyn_copies_case', 'redaction_log'], // innsyn copies and redaction log (issue 14)
  15: ['due_facts_case_insert', 'due_facts_case_update', 'due_facts_case_delete'], // due facts for NO case events and the DK course (issue 13)
  16: ['search_index', 'search_index_content', 'search_keys'], // contentless search index (issue 15): words and sizes kept, entries' text not copied
  17: ['cases_unit_status'], // the case units index holds the case id (issue 15): the due list's units read no case row
  18: ['due_list_store', 'due_list_store_state', 'due_list_changed', 'due_list_facts_insert', 'due_facts_case'], // the kept due list (issue 15): read on a later unlock the same day
  19: ['due_list_store_state', 'due_list_changed', 'due_list_case_delete'], // the kept due list covers the next days, as one value (issue 15)
  20: ['cases_reference_nocase', 'documents_kind_deleted'], // the home screen's first reads walk no table (issue 15)
  21: ['due_facts'], // open meeting actions' facts name their owning agency: the home screen's "mine" reads no content
  22: ['due_facts'], // a save updates its document's due facts in place, not deleted and inserted again
  23: ['received_documents_content', 'handover_receipts_content'], // the same signed content re-zipped is imported once
  24: ['due_facts'], // concern days and sendings (NO pkt 6, 12); plan copies and release minutes by finalised versions
  25: ['cases_deleted'], // deleted cases come up for retention: read through their own index
  26: ['due_facts'], // NO pkt 10: the case's own target group and the day a future plan was offered
  27: ['due_facts'], // NO pkt 7: a concern that found Infoflyt registration needed, and the case's own status
  28: ['cases_reference_order'], // the case list in Norwegian and Danish order, read from its index
  29: ['cases_reference_order'], // that order files aa as å: the index made again on the key with it
};

describe('migrations', () => {
  it('are numbered 1, 2, 3 … without gaps and each has its expectations here', () => {
    expect(all.map((m) => m.version)).toEqual(all.map((_, i) => i + 1));
    expect(Object.keys(EXPECTED_TABLES).map(Number)).toEqual(all.map((m) => m.version));
  });

  it.each(all.map((m) => m.version))(
    'migration %i applies on a vault at the previous version and keeps its data',
    async (version) => {
      const dir = dirs.make();
      // Migrations, not key stretching: the cheap KDF (brute-force.test.ts proves the production cost).
      const session = new VaultSession({
        dir,
        kdfCost: FAST_KDF,
        migrations: all.slice(0, version - 1).length ? all.slice(0, version - 1) : all.slice(0, 1),
      });
      await session.create('NO', PASSPHRASE);
      session.current().db.prepare("INSERT INTO meta (key, value) VALUES ('marker', 'kept')").run();
      if (version > 1) {
        expect(migrate(session.current().db, all.slice(0, version))).toEqual({ from: version - 1, to: version });
      }
      for (const table of EXPECTED_TABLES[version] ?? []) expect(tables(session)).toContain(table);
      expect(session.current().db.prepare("SELECT value FROM meta WHERE key = 'marker'", { pluck: true }).get()).toBe(
        'kept',
      );
      expect(session.current().db.pragma('user_version', { simple: true })).toBe(Math.max(version, 1));
      session.lock();
    },
  );

  it("0020: the case count and first page, and the register's last change, are read through indexes", async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF });
    await session.create('NO', PASSPHRASE);
    const db = session.current().db;
    const plan = (sql: string, params: unknown[] = []) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as { detail: string }[]).map((row) => row.detail);
    // The home screen's case count and the case list's first page, in its default order.
    const home = casePageQueries({ limit: 1 }, null);
    const page = plan(home.page, home.pageParams);
    expect(page).toContain('SCAN c USING INDEX cases_reference_order');
    expect(page.join('\n')).not.toMatch(/TEMP B-TREE|SCAN c$/m);
    expect(plan(home.count, home.params).join('\n')).not.toMatch(/SCAN c$/m);
    // When the contact register last changed: live entries and deleted ones, each through its index.
    const register = plan(REGISTER_LAST_CHANGE_SQL);
    expect(register).toEqual(
      expect.arrayContaining([
        'SEARCH documents USING INDEX documents_kind (kind=?)',
        'SEARCH documents USING INDEX documents_kind_deleted (kind=?)',
      ]),
    );
    expect(register.join('\n')).not.toMatch(/SCAN documents/);
    session.lock();
  });

  it('0024: existing concerns and concern reports get the day of the concern and the day sent to all four', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 23) });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    const caseId = addCase(db, 'KOMPIS-DEMO-24');
    holdsFuturePlan(db, caseId);
    const grading = { level: 'BEGRENSET' } as const;
    save(
      db,
      caseId,
      'concern',
      { ...newDraft('concern', { profile: 'NO', grading }), raisedOn: '2026-03-01' },
      {
        at: '2026-03-10T09:00:00.000Z',
      },
    );
    const report = save(db, caseId, 'concern_report', newDraft('concern_report', { profile: 'NO', grading }), {
      at: '2026-03-02T09:00:00.000Z',
    });
    for (const recipient of PKT6_RECIPIENTS) sent(db, report.id, recipient, '2026-03-02');
    save(db, caseId, 'meeting', meeting('2026-03-03', [], undefined, 'startup'));
    expect(migrate(db, all.slice(0, 24))).toEqual({ from: 23, to: 24 });
    expect(checkDueFacts(db)).toEqual({ ok: true, mismatches: [] });
    // The list is read as the app reads it, on a vault at the newest version.
    migrate(db, all);
    expect(computeDueList(db, { profile: 'NO', today: TODAY })).toEqual([]);
    session.lock();
  });

  it('0026: existing cases recorded in the target group, and future plans never offered, get their facts', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 25) });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    const terror = addCase(db, 'KOMPIS-DEMO-26', { arrivalDate: '2026-03-05', targetGroup: 'terror_related' });
    // An empty draft answered the item before; it offered nothing.
    save(db, terror, 'future_plan', newDraft('future_plan', { profile: 'NO', grading: { level: 'BEGRENSET' } }));
    expect(migrate(db, all.slice(0, 26))).toEqual({ from: 25, to: 26 });
    expect(checkDueFacts(db)).toEqual({ ok: true, mismatches: [] });
    migrate(db, all);
    const due = computeDueList(db, { profile: 'NO', today: TODAY, caseId: terror });
    expect(due.filter((item) => item.kind === 'no_future_plan').map((item) => item.dueDate)).toEqual(['2026-03-05']);
    session.lock();
  });

  it('0027: existing concerns that found Infoflyt registration needed ask for the request; a case that sent it is spared', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 26) });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    const grading = { level: 'BEGRENSET' } as const;
    const draft = newDraft('concern', { profile: 'NO', grading });
    const needed = {
      ...draft,
      positions: { ...draft.positions, infoflytRegistration: { stance: 'needed' as const, assessment: '' } },
    };
    const open = addCase(db, 'KOMPIS-DEMO-27');
    const requested = addCase(db, 'KOMPIS-DEMO-28', {
      infoflyt: { status: 'requested', requestSentOn: '2026-03-11', requestReason: 'Kap. 1B.' },
    });
    for (const caseId of [open, requested]) save(db, caseId, 'concern', needed, { at: '2026-03-10T09:00:00.000Z' });
    expect(migrate(db, all.slice(0, 27))).toEqual({ from: 26, to: 27 });
    expect(checkDueFacts(db)).toEqual({ ok: true, mismatches: [] });
    migrate(db, all);
    const infoflyt = (caseId: string) =>
      computeDueList(db, { profile: 'NO', today: TODAY, caseId })
        .filter((item) => item.kind === 'no_infoflyt_request')
        .map((item) => item.dueDate);
    expect([infoflyt(open), infoflyt(requested)]).toEqual([['2026-03-10'], []]);
    session.lock();
  });

  it('0017: the case units index holds each live case id, so the units are read without the case rows', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF });
    await session.create('NO', PASSPHRASE);
    const columns = session
      .current()
      .db.prepare("SELECT name FROM pragma_index_info('cases_unit_status') ORDER BY seqno")
      .all();
    expect(columns).toEqual([{ name: 'unit' }, { name: 'status' }, { name: 'id' }]);
    session.lock();
  });

  it('0019: a list kept for one day is dropped, and the list is kept as one value with its days', async () => {
    const session = new VaultSession({ dir: dirs.make(), kdfCost: FAST_KDF, migrations: all.slice(0, 18) });
    await session.create('NO', PASSPHRASE);
    const { db } = session.current();
    db.prepare("INSERT INTO due_list_store (case_id, entry) VALUES ('c1', '[]')").run();
    db.prepare("INSERT INTO due_list_store_state (id, made_for, citations) VALUES (1, 'x', '[]')").run();
    db.prepare("INSERT INTO due_list_changed VALUES ('c2')").run();
    migrate(db, all.slice(0, 19));
    const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`, { pluck: true }).get();
    expect([count('due_list_store_state'), count('due_list_changed')]).toEqual([0, 0]);
    const columns = (table: string) =>
      db.prepare(`SELECT name FROM pragma_table_info('${table}')`, { pluck: true }).all() as string[];
    expect(columns('due_list_store')).toEqual([]);
    expect(columns('due_list_store_state')).toEqual([
      'id',
      'made_for',
      'citations',
      'first_day',
      'last_day',
      'entries',
    ]);
    // The marking triggers no longer touch the dropped table: a write goes through and marks its case.
    db.prepare(
      `INSERT INTO cases (id, reference, unit, status, grading, data, created_at, updated_at)
       VALUES ('c3', 'REF-3', 'Fiktivby fengsel', 'fengsel', 'BEGRENSET', '{}', '2026-03-15', '2026-03-15')`,
    ).run();
    expect(db.prepare('SELECT case_id FROM due_list_changed', { pluck: true }).all()).toEqual(['c3']);
    session.lock();
  });

  it('refuses a vault whose recorded history differs from the shipped files', async () => {
    const dir = dirs.make();
    const session = new VaultSession({ dir, kdfCost: FAST_KDF });
    await session.create('NO', PASSPHRASE);
    const renamed = all.map((m, i) => (i === 0 ? { ...m, name: 'something-else' } : m));
    expect(() => migrate(session.current().db, renamed)).toThrow(AppError);
    session.lock();
  });
});
