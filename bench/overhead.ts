import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
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
import { median, round } from './stats';

const PARTS = ['fill', 'due_list', 'search', 'commits'] as const;
const COMMITS = 300;
type Part = (typeof PARTS)[number] | 'commits_again';
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

/**
 * Each part starts from a checkpointed file: otherwise a part pays for copying the log the part before
 * it left (the fill's hundreds of megabytes) into the file, an amount that depends on where the log
 * stood, not on the part.
 */
function measure(db: Db, fn: () => void): Cost {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const cpu = process.cpuUsage();
  const start = performance.now();
  fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 };
}

/** The documents the 300 small commits save (the same ones for the commits again). */
function commitIds(db: Db): string[] {
  return db
    .prepare('SELECT id FROM documents WHERE case_id IS NOT NULL ORDER BY id LIMIT ?', { pluck: true })
    .all([COMMITS]) as string[];
}

/**
 * Commits of one new draft version each (with its audit entry), as saving in the editor does, one per
 * document of `ids`; `first` numbers them among the 300. Returns the pages each wrote to the log (its
 * growth; a commit into a log just checkpointed and reused from its start adds nothing to the file
 * and is left out).
 */
function smallCommits(db: Db, walPath: string, ids: readonly string[], first: number): number[] {
  const actor = localActorId(db);
  const pages: number[] = [];
  ids.forEach((id, i) => {
    const doc = getDocument(db, id);
    const current = doc ? getVersion(db, id, doc.currentVersion) : null;
    if (!doc || !current) return;
    const at = new Date(Date.parse(`${BENCH_TODAY}T08:00:00.000Z`) + (first + i) * 1000).toISOString();
    const before = statSync(walPath).size;
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
    const grown = statSync(walPath).size - before;
    if (grown > 0) pages.push(Math.round(grown / (WAL_FRAME_HEADER + PAGE_SIZE)));
  });
  return pages;
}

const PAGE_SIZE = 4096;
const WAL_FRAME_HEADER = 24;

/** One of the two databases of the comparison, and what each part cost on it. */
interface Side {
  db: Db;
  path: string;
  dir: string;
  costs: Partial<Record<Part, Cost[]>>;
  commitPages: number[];
}

function openSide(key: Buffer | null): Side {
  const dir = mkdtempSync(join(tmpdir(), 'bro-bench-overhead-'));
  const path = join(dir, 'vault.db');
  return { db: open(path, key), path, dir, costs: {}, commitPages: [] };
}

function closeSide(side: Side): void {
  forgetAuditKey(side.db);
  side.db.close();
  rmSync(side.dir, { recursive: true, force: true });
}

/**
 * The fill and the commits in chunks, and the searches in rounds, so a slower spell of a shared machine
 * falls on both. (300 commits take about 0.2 s: run at once on each side in turn, the ratio swung
 * 1.23-1.54 between runs.)
 */
const FILL_CHUNKS = 10;
const COMMIT_CHUNKS = 10;
const SEARCH_ROUNDS = 3;

/**
 * `run` on each side in turn, the first side alternating with `round`, each timed as one part
 * (bench/overhead.ts measures what the two databases differ in, not what the machine did meanwhile).
 */
function onBoth(sides: readonly [Side, Side], round: number, part: Part, run: (side: Side) => void): void {
  const order = round % 2 === 0 ? sides : ([sides[1], sides[0]] as const);
  for (const side of order) (side.costs[part] ??= []).push(measure(side.db, () => run(side)));
}

/** The workload of issue 15 item 5 on both databases: fill, due list, 200 searches, 300 small commits. */
function workload(sides: readonly [Side, Side], cases: number): void {
  const chunk = Math.ceil(cases / FILL_CHUNKS);
  for (let first = 0, round = 0; first < cases; first += chunk, round += 1) {
    const size = Math.min(chunk, cases - first);
    onBoth(sides, round, 'fill', (side) => {
      generateDemo(side.db, { profile: 'NO', today: BENCH_TODAY, cases: size, firstIndex: first });
    });
  }
  onBoth(sides, 0, 'due_list', (side) => void computeDueList(side.db, { profile: 'NO', today: BENCH_TODAY }));
  const queries = benchQueries();
  for (let round = 0; round < SEARCH_ROUNDS; round += 1)
    onBoth(sides, round, 'search', (side) => void timeQueries(side.db, queries));
  const ids = new Map(sides.map((side) => [side, commitIds(side.db)]));
  const perChunk = Math.ceil(COMMITS / COMMIT_CHUNKS);
  const commitChunk = (side: Side, round: number) => {
    const first = round * perChunk;
    return smallCommits(side.db, `${side.path}-wal`, (ids.get(side) ?? []).slice(first, first + perChunk), first);
  };
  for (let round = 0; round < COMMIT_CHUNKS; round += 1)
    onBoth(sides, round, 'commits', (side) => void side.commitPages.push(...commitChunk(side, round)));
  // The same commits again: the same documents, their pages read (decrypted and verified) before.
  for (let round = 0; round < COMMIT_CHUNKS; round += 1)
    onBoth(sides, round + 1, 'commits_again', (side) => void commitChunk(side, round));
}

/** The parts run in chunks, whose costs add up; the others' runs are rounds of the whole part. */
const CHUNKED: ReadonlySet<Part> = new Set(['fill', 'commits', 'commits_again']);

/** A part's cost on one side: its chunks added up, or the median of its rounds (one for the due list). */
function costOf(side: Side, part: Part): Cost {
  const runs = side.costs[part] ?? [];
  if (CHUNKED.has(part))
    return runs.reduce((sum, run) => ({ wallMs: sum.wallMs + run.wallMs, cpuMs: sum.cpuMs + run.cpuMs }), {
      wallMs: 0,
      cpuMs: 0,
    });
  return { wallMs: median(runs.map((run) => run.wallMs)), cpuMs: median(runs.map((run) => run.cpuMs)) };
}

/**
 * `sqlcipher_overhead`: the same workload on a keyed and an unkeyed database, same SQLCipher
 * binary and pragmas; the ratio keyed/unkeyed per part, on this process's CPU time (a shared
 * machine's wall clock swings more than the difference measured) and on the wall clock.
 * `sqlcipher_overhead_read_before`: the 300 commits again on the same documents, whose pages were
 * read (decrypted and their HMAC verified) by the first 300: what encryption costs a commit apart
 * from reading a page the first time. `sqlcipher_commit_pages`: the pages one commit writes (median);
 * `sqlcipher_commit_page_us`: the keyed commits' extra CPU per page written.
 */
export async function benchOverhead(options: { cases?: number } = {}): Promise<Record<string, unknown>> {
  const cases = options.cases ?? Number(process.env.BRO_BENCH_CASES ?? 10_000);
  // A short run first, so neither measured side pays for warming the JIT and the page cache of the binary.
  const warm = [openSide(null), openSide(null)] as const;
  try {
    workload(warm, Math.min(100, cases));
  } finally {
    warm.forEach(closeSide);
  }
  process.stderr.write(`bench: overhead: unkeyed and keyed, ${cases} cases\n`);
  const sides = [openSide(null), openSide(randomBytes(32))] as const;
  const parts = [...PARTS, 'commits_again'] as const;
  const costs = (side: Side) =>
    Object.fromEntries(parts.map((part) => [part, costOf(side, part)])) as Record<Part, Cost>;
  let measured: { plain: Record<Part, Cost>; keyed: Record<Part, Cost>; commitPages: number };
  try {
    workload(sides, cases);
    measured = { plain: costs(sides[0]), keyed: costs(sides[1]), commitPages: median(sides[1].commitPages) };
  } finally {
    sides.forEach(closeSide);
  }
  const { plain, keyed, commitPages } = measured;
  const ratioOf = (part: Part, pick: (c: Cost) => number) =>
    round(pick(keyed[part]) / Math.max(pick(plain[part]), 0.001), 2);
  const ratio = (pick: (c: Cost) => number) => Object.fromEntries(PARTS.map((part) => [part, ratioOf(part, pick)]));
  const ms = (costs: Record<Part, Cost>) =>
    Object.fromEntries(parts.map((part) => [part, { wall: round(costs[part].wallMs), cpu: round(costs[part].cpuMs) }]));
  return {
    sqlcipher_overhead: ratio((c) => c.cpuMs),
    sqlcipher_overhead_wall: ratio((c) => c.wallMs),
    sqlcipher_overhead_ms: { keyed: ms(keyed), unkeyed: ms(plain) },
    sqlcipher_overhead_read_before: { commits: ratioOf('commits_again', (c) => c.cpuMs) },
    sqlcipher_commit_pages: commitPages,
    // What encryption adds per page a commit writes: the keyed commits' extra CPU over their pages.
    sqlcipher_commit_page_us: round(
      ((keyed.commits.cpuMs - plain.commits.cpuMs) * 1000) / Math.max(1, COMMITS * commitPages),
    ),
    sqlcipher_overhead_cases: cases,
  };
}
