import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, DocumentKindSchema, safeParseDocumentContent, type Profile } from '../../shared/domain';
import { ContactRecordContentSchema, MentorRecordContentSchema } from '../../shared/ipc/records';
import { verifyAuditChain } from '../../main/audit/audit-log';
import type { CliIo } from '../../main/cli/cli-io';
import { demoCommand, MAX_DEMO_CASES } from '../../main/cli/commands/demo-commands';
import { reportError, UsageError } from '../../main/cli/commands/vault-commands';
import { listCommand } from '../../main/cli/commands/list-commands';
import { VaultListingSchema } from '../../main/services/vault-listing';
import type { Db } from '../../main/db/connection';
import { vocabulary } from '../../main/demo/fictional-words';
import { generateDemo } from '../../main/demo/generate-demo';
import { CaseDataSchema } from '../../main/services/case-records';
import { readKeyFile } from '../../main/vault/key-file';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-demo-');
const sessions: VaultSession[] = [];
afterEach(() => {
  sessions.splice(0).forEach((s) => s.lock());
  dirs.cleanup();
});

const TODAY = '2026-03-15';

async function demoVault(profile: Profile, seed?: number): Promise<Db> {
  const session = new VaultSession({ dir: dirs.make(), kdfCost: { logN: 10, r: 8, p: 1 } });
  await session.create(profile, PASSPHRASE);
  sessions.push(session);
  const db = session.current().db;
  generateDemo(db, { profile, today: TODAY, ...(seed === undefined ? {} : { seed }) });
  return db;
}

type VersionRow = { kind: string; content: string; version: number; documentId: string };
const allVersions = (db: Db) =>
  db
    .prepare(
      'SELECT d.kind, d.id AS documentId, v.version, v.content FROM documents d JOIN document_versions v ON v.document_id = d.id',
    )
    .all() as VersionRow[];

function invalidContents(rows: readonly VersionRow[]): string[] {
  return rows.flatMap((row) => {
    const content: unknown = JSON.parse(row.content);
    const kind = DocumentKindSchema.safeParse(row.kind);
    const ok = kind.success
      ? safeParseDocumentContent(kind.data, content).success
      : row.kind === 'mentor'
        ? MentorRecordContentSchema.safeParse(content).success
        : ContactRecordContentSchema.safeParse(content).success;
    return ok ? [] : [`${row.kind} ${row.documentId} v${row.version}`];
  });
}

describe('demo generator', () => {
  it('fills a NO vault with twenty invented cases of every document kind, every version valid against its schema', async () => {
    const db = await demoVault('NO');
    const rows = allVersions(db);
    expect(invalidContents(rows)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM cases', { pluck: true }).get()).toBe(20);
    const kinds = new Set(rows.map((r) => r.kind));
    expect([...DOCUMENT_KINDS, 'mentor', 'contact_entry'].filter((k) => !kinds.has(k))).toEqual([]);
    const meetingTypes = new Set(
      rows
        .filter((r) => r.kind === 'meeting')
        .map((r) => (JSON.parse(r.content) as { meetingType: string }).meetingType),
    );
    expect([...meetingTypes].sort()).toEqual(['follow_up_prison', 'follow_up_probation', 'release', 'startup']);
    // Release minutes name the release date they prepared (NO pkt 12).
    const releaseMinutes = rows
      .filter((r) => r.kind === 'meeting')
      .map((r) => JSON.parse(r.content) as { meetingType: string; releaseDate?: string })
      .filter((m) => m.meetingType === 'release');
    expect(releaseMinutes.some((m) => m.releaseDate !== undefined)).toBe(true);
    const cases = db.prepare('SELECT data FROM cases', { pluck: true }).all() as string[];
    expect(cases.filter((data) => !CaseDataSchema.safeParse(JSON.parse(data)).success)).toEqual([]);
    expect(db.prepare('SELECT count(*) FROM distributions', { pluck: true }).get()).toBeGreaterThan(0);
  });

  it('fills a DK vault with DK mentor courses whose mentors are stored as mentor records', async () => {
    const db = await demoVault('DK');
    const rows = allVersions(db);
    expect(invalidContents(rows)).toEqual([]);
    const courses = rows
      .filter((r) => r.kind === 'mentor_course')
      .map(
        (r) =>
          JSON.parse(r.content) as {
            variant: string;
            mentors: { mentorId: string }[];
            mentortovholder?: { name: string };
            mentorReports: { form: string; period: string; workDone?: string; actionPlanRevision?: string }[];
          },
      );
    expect(courses.length).toBeGreaterThanOrEqual(20);
    expect(courses.every((c) => c.variant === 'DK')).toBe(true);
    // DK § 18 and § 17, stk. 2: every course names its mentortovholder; written reports fill the template.
    expect(courses.every((c) => (c.mentortovholder?.name ?? '') !== '')).toBe(true);
    const written = courses.flatMap((c) => c.mentorReports).filter((r) => r.form === 'written');
    expect(written.length).toBeGreaterThan(0);
    expect(written.every((r) => r.workDone && (r.period === 'monthly' || r.actionPlanRevision))).toBe(true);
    // One country at a time: a DK vault holds the mentor scheme only, none of the NO pkt 4-12 kinds.
    const caseKinds = new Set(
      db.prepare('SELECT DISTINCT kind FROM documents WHERE case_id IS NOT NULL', { pluck: true }).all() as string[],
    );
    expect([...caseKinds]).toEqual(['mentor_course']);
    const mentorIds = new Set(
      db
        .prepare("SELECT id FROM documents WHERE kind = 'mentor' AND case_id IS NULL", { pluck: true })
        .all() as string[],
    );
    expect(courses.flatMap((c) => c.mentors.map((m) => m.mentorId)).every((id) => mentorIds.has(id))).toBe(true);
    const levels = new Set(db.prepare('SELECT grading FROM document_versions', { pluck: true }).all() as string[]);
    expect([...levels].every((level) => ['IKKE KLASSIFICERET', 'TIL TJENESTEBRUG', 'FORTROLIGT'].includes(level))).toBe(
      true,
    );
  });

  it('uses invented people only, and varies the gradings', async () => {
    const db = await demoVault('NO');
    const names = (db.prepare('SELECT data FROM cases', { pluck: true }).all() as string[]).map(
      (d) => (JSON.parse(d) as { name: string }).name,
    );
    const surnames = vocabulary('NO').surnames;
    expect(names.filter((name) => !surnames.some((s) => name.endsWith(` ${s}`)))).toEqual([]);
    const emails = (
      db
        .prepare(
          "SELECT v.content FROM documents d JOIN document_versions v ON v.document_id = d.id WHERE d.kind IN ('mentor', 'contact_entry')",
          { pluck: true },
        )
        .all() as string[]
    ).map((c) => (JSON.parse(c) as { email: string }).email);
    expect(emails.every((email) => email.endsWith('@example.invalid'))).toBe(true);
    expect(
      new Set(db.prepare('SELECT grading FROM document_versions', { pluck: true }).all()).size,
    ).toBeGreaterThanOrEqual(3);
  });

  it('makes the same vault from the same seed and day, and another from another seed', async () => {
    const fingerprint = (db: Db) =>
      db
        .prepare('SELECT document_id || version || content_hash FROM document_versions ORDER BY 1', { pluck: true })
        .all();
    const a = fingerprint(await demoVault('NO'));
    expect(fingerprint(await demoVault('NO'))).toEqual(a);
    expect(fingerprint(await demoVault('NO', 7))).not.toEqual(a);
  });

  it('logs every write in an intact audit chain, with ids only', async () => {
    const db = await demoVault('NO');
    const count = (sql: string) => db.prepare(sql, { pluck: true }).get() as number;
    // The vault's making, then one entry per case, version and distribution.
    const expected =
      1 +
      count('SELECT count(*) FROM cases') +
      count('SELECT count(*) FROM document_versions') +
      count('SELECT count(*) FROM distributions');
    const keys = sessions.at(-1)?.files.keys ?? '';
    expect(verifyAuditChain(db, readKeyFile(keys).auditAnchor)).toEqual({ ok: true, entries: expected });
    const names = (db.prepare('SELECT data FROM cases', { pluck: true }).all() as string[]).map(
      (d) => (JSON.parse(d) as { name: string }).name,
    );
    const logged = (
      db.prepare('SELECT actor || object_type || object_id FROM audit_log', { pluck: true }).all() as string[]
    ).join('\n');
    expect(names.some((name) => logged.includes(name.split(' ')[1] ?? name))).toBe(false);
  });
});

/** As `bro` runs a command: a refusal is printed and becomes exit code 1 (see main/cli/run.ts). */
async function run(command: typeof demoCommand, io: CliIo, args: string[]): Promise<number> {
  return command(io, args).catch((error: unknown) => reportError(io, error));
}

describe('bro demo and bro list (in-process)', () => {
  it('creates a vault, fills it, and lists every case with its documents as JSON', async () => {
    const vault = join(dirs.make(), 'vault');
    const demo = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await demoCommand(demo.io, ['--vault', vault, '--profile', 'DK', '--today', TODAY, '--json'])).toBe(0);
    const filled = JSON.parse(demo.out[0] ?? '{}') as Record<string, unknown>;
    expect(filled).toMatchObject({ ok: true, created: true, profile: 'DK', today: TODAY, cases: 20, mentors: 6 });
    expect(filled.recoveryKey).toMatch(/^([0-9A-Z]{4}-){12}[0-9A-Z]{4}$/);

    const list = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await listCommand(list.io, ['--vault', vault, '--json'])).toBe(0);
    const listing = VaultListingSchema.parse(JSON.parse(list.out.join('')));
    expect(listing.profile).toBe('DK');
    expect(listing.cases).toHaveLength(20);
    expect(listing.cases[0]).toMatchObject({
      reference: 'KLIENT-DEMO-00001',
      documents: [{ kind: 'mentor_course', status: 'final' }],
    });
    expect(listing.cases.map((c) => c.reference)).toEqual([...listing.cases.map((c) => c.reference)].sort());
    expect(listing.records.filter((r) => r.kind === 'mentor')).toHaveLength(6);
    const session = new VaultSession({ dir: vault });
    const { db } = await session.inspect(PASSPHRASE);
    const names = (db.prepare('SELECT data FROM cases', { pluck: true }).all() as string[]).map(
      (d) => (JSON.parse(d) as { name: string }).name,
    );
    db.close();
    expect(names.filter((name) => list.out.join('').includes(name))).toEqual([]);
  });

  it('lists in words for people, with translated kinds and statuses', async () => {
    const vault = join(dirs.make(), 'vault');
    await demoCommand(captureIo({ BRO_PASSPHRASE: PASSPHRASE }).io, [
      '--vault',
      vault,
      '--cases',
      '5',
      '--today',
      TODAY,
    ]);
    const list = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await listCommand(list.io, ['--vault', vault])).toBe(0);
    const text = list.out.join('\n');
    expect(text).toContain('KOMPIS-DEMO-00001');
    expect(text).toMatch(/Follow-up plan · [0-9a-f-]{36} · version \d+ · BEGRENSET · final/);
    expect(text).toContain('5 cases with');
  });

  it('refuses to add invented cases to a vault that already holds cases, and a profile the vault does not have', async () => {
    const vault = join(dirs.make(), 'vault');
    await demoCommand(captureIo({ BRO_PASSPHRASE: PASSPHRASE }).io, [
      '--vault',
      vault,
      '--cases',
      '2',
      '--today',
      TODAY,
    ]);
    const again = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await run(demoCommand, again.io, ['--vault', vault, '--today', TODAY])).toBe(1);
    expect(again.err.join('\n')).toContain('already holds 2 cases');
    const other = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await run(demoCommand, other.io, ['--vault', vault, '--profile', 'DK'])).toBe(1);
    expect(other.err.join('\n')).toContain('profile NO, not DK');
  });

  it('rejects bad arguments before touching anything', async () => {
    const vault = join(dirs.make(), 'vault');
    const cases = { key: 'demo.badCases', params: { max: MAX_DEMO_CASES } };
    for (const [args, refusal] of [
      [['--cases', '0'], cases],
      [['--cases', 'ti'], cases],
      [['--cases', String(MAX_DEMO_CASES + 1)], cases],
      [['--today', '2026-02-30'], { key: 'demo.badToday' }],
      [['--profile', 'SE'], { key: 'cli.badProfile' }],
      [['--seed', 'frø'], { key: 'demo.badSeed' }],
    ] satisfies [string[], { key: string; params?: Record<string, number> }][]) {
      const { io } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
      // The usage error that names this argument, not any error.
      const error = await demoCommand(io, ['--vault', vault, ...args]).then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error, args.join(' ')).toBeInstanceOf(UsageError);
      expect((error as UsageError).message, args.join(' ')).toBe(io.t(refusal.key, refusal.params));
    }
    expect(new VaultSession({ dir: vault }).status()).toEqual({ state: 'none' });
  });
});
