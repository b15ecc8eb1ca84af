import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from '@signalapp/sqlcipher';
import { appendAudit } from '../main/audit/audit-log';
import { forgetAuditKey, keyAuditLog } from '../main/audit/audit-key';
import { configureForWriting, type Db } from '../main/db/connection';
import { loadMigrations, migrate } from '../main/db/migrate';
import { getDocument, getVersion, saveVersion } from '../main/db/repositories/documents-repo';
import { writeMeta } from '../main/db/repositories/meta-repo';
import { generateDemo } from '../main/demo/generate-demo';
import { localActorId } from '../main/services/actor';
import { computeDueList } from '../main/services/due-list';
import { BENCH_TODAY } from './demo-vault';
import { benchQueries, timeQueries } from './search';
import { round } from './stats';

const PARTS = ['fill', 'due_list', 'search', 'commits'] as const;
type Part = (typeof PARTS)[number];
type Cost = { wallMs: number; cpuMs: number };

/** Opens a database the way the app does (connection.ts pragmas), with a raw key or none. */
function open(path: string, key: Buffer | null): Db {
  const db = new Database(path, { cacheStatements: true });
  if (key) {
    db.pragma('cipher_log_level = NONE');
    db.pragma(`key = "x'${key.toString('hex')}'"`);
  }
  configureForWriting(db);
  migrate(db, loadMigrations());
  const vaultId = randomUUID();
  keyAuditLog(db, randomBytes(32), vaultId);
  db.transaction(() => {
    writeMeta(db, 'vault_id', vaultId);
    writeMeta(db, 'profile', 'NO');
  })();
  return db;
}

function measure(fn: () => void): Cost {
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** 300 commits of one new draft version each (with its audit entry), as saving in the editor does. */
function smallCommits(db: Db): void {
  const ids = db
    .prepare('SELECT id FROM documents WHERE case_id IS NOT NULL ORDER BY id LIMIT 300', { pluck: true })
    .all() as string[];
  const actor = localActorId(db);
  ids.forEach((id, n) => {
    const doc = getDocument(db, id);
    const current = doc ? getVersion(db, id, doc.currentVersion) : null;
    if (!doc || !current) return;
    const at = new Date(Date.parse(`${BENCH_TODAY}T08:00:00.000Z`) + n * 1000).toISOString();
    db.transaction(() => {
      saveVersion(db, {
        ...doc,
        documentId: id,
        content: current.content,
        status: 'draft',
        author: actor,
        at,
        searchTitle: 'bench',
      });
      appendAudit(db, { at, actor, action: 'update', objectType: 'document', objectId: id });
    })();
  });
}

/** The workload of issue 15 item 5 on one database: fill, due list, 200 searches, 300 small commits. */
function workload(key: Buffer | null, cases: number): Record<Part, Cost> {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-overhead-'));
  const db = open(join(dir, 'vault.db'), key);
  try {
    const fill = measure(() => void generateDemo(db, { profile: 'NO', today: BENCH_TODAY, cases }));
    const due = measure(() => void computeDueList(db, { profile: 'NO', today: BENCH_TODAY }));
    const queries = benchQueries();
    const search = measure(() => void timeQueries(db, queries));
    const commits = measure(() => smallCommits(db));
    return { fill, due_list: due, search, commits };
  } finally {
    forgetAuditKey(db);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `sqlcipher_overhead`: the same workload on a keyed and an unkeyed database, same SQLCipher
 * binary and pragmas; the ratio keyed/unkeyed per part, on this process's CPU time (a shared
 * machine's wall clock swings more than the difference measured) and on the wall clock.
 */
export async function benchOverhead(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? Number(process.env.BRO_BENCH_CASES ?? 10_000);
  // A short run first, so neither measured run pays for warming the JIT and the page cache of the binary.
  workload(null, Math.min(100, cases));
  process.stderr.write(`bench: overhead: unkeyed, ${cases} cases\n`);
  const plain = workload(null, cases);
  process.stderr.write(`bench: overhead: keyed, ${cases} cases\n`);
  const keyed = workload(randomBytes(32), cases);
  const ratio = (pick: (c: Cost) => number) =>
    Object.fromEntries(PARTS.map((part) => [part, round(pick(keyed[part]) / Math.max(pick(plain[part]), 0.001), 2)]));
  const ms = (costs: Record<Part, Cost>) =>
    Object.fromEntries(PARTS.map((part) => [part, { wall: round(costs[part].wallMs), cpu: round(costs[part].cpuMs) }]));
  return {
    sqlcipher_overhead: ratio((c) => c.cpuMs),
    sqlcipher_overhead_wall: ratio((c) => c.wallMs),
    sqlcipher_overhead_ms: { keyed: ms(keyed), unkeyed: ms(plain) },
    sqlcipher_overhead_cases: cases,
  };
}
