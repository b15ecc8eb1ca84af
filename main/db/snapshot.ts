import { createHash } from 'node:crypto';
import { rollbackAndRethrow, type Db } from './connection';
import { schemaVersion } from './migrate';
import { AppError } from '../ipc/app-error';
import { storageFailureOf } from './storage-errors';
import { makeOwnerOnly } from '../fs/owner-only-file';

/** What a snapshot holds, so the copy can be checked against the original. */
export interface SnapshotFacts {
  schemaVersion: number;
  tables: Record<string, number>;
  documentVersions: { count: number; digest: string };
}

const SNAPSHOT_SCHEMA = 'bro_snapshot';
const quoteId = (name: string) => `"${name.replace(/"/g, '""')}"`;

function tableNames(db: Db, schema: string): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM ${quoteId(schema)}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
      )
      .all() as { name: string }[]
  ).map((row) => row.name);
}

/** Rows per table of `schema` ('main' or an attached copy). */
export function tableCounts(db: Db, schema = 'main'): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of tableNames(db, schema)) {
    const row = db.prepare(`SELECT count(*) AS n FROM ${quoteId(schema)}.${quoteId(name)}`).get() as { n: number };
    counts[name] = Number(row.n);
  }
  return counts;
}

/**
 * One SHA-256 over every document version: its id, number, recorded content hash and a hash of the
 * content as stored, so a restore proves each version arrived byte for byte.
 */
export function documentVersionsDigest(db: Db, schema = 'main'): SnapshotFacts['documentVersions'] {
  const digest = createHash('sha256');
  if (!tableNames(db, schema).includes('document_versions')) return { count: 0, digest: digest.digest('hex') };
  const rows = db
    .prepare(
      `SELECT document_id, version, content_hash, content FROM ${quoteId(schema)}.document_versions ORDER BY document_id, version`,
    )
    .all() as { document_id: string; version: number; content_hash: string; content: string }[];
  for (const row of rows) {
    const stored = createHash('sha256').update(row.content, 'utf8').digest('hex');
    digest.update(`${row.document_id}\t${row.version}\t${row.content_hash}\t${stored}\n`);
  }
  return { count: rows.length, digest: digest.digest('hex') };
}

function schemaVersionOf(db: Db, schema: string): number {
  return Number(db.pragma(`${quoteId(schema)}.user_version`, { simple: true }) ?? 0);
}

function withAttached<T>(db: Db, path: string, run: () => T): T {
  // Without a KEY clause SQLCipher gives the attached file the main database's key, so the copy is
  // encrypted with the vault's data key and its bytes are never plaintext on disk.
  db.prepare(`ATTACH DATABASE ? AS ${SNAPSHOT_SCHEMA}`).run([path]);
  try {
    return run();
  } finally {
    db.exec(`DETACH DATABASE ${SNAPSHOT_SCHEMA}`);
  }
}

/**
 * Copies the open database into a new SQLCipher file at `path` with sqlcipher_export (the documented
 * way; VACUUM INTO wrote plaintext in some SQLCipher versions). One read transaction covers the counts
 * and the copy, so the copy is consistent even while another connection writes.
 */
export function exportSnapshot(db: Db, path: string): SnapshotFacts {
  makeOwnerOnly(path);
  return withAttached(db, path, () => {
    // A plain rollback-journal file: everything is in the one file once the export commits.
    db.pragma(`${SNAPSHOT_SCHEMA}.journal_mode = DELETE`);
    db.exec('BEGIN');
    try {
      const facts: SnapshotFacts = {
        schemaVersion: schemaVersion(db),
        tables: tableCounts(db),
        documentVersions: documentVersionsDigest(db),
      };
      db.prepare(`SELECT sqlcipher_export('${SNAPSHOT_SCHEMA}')`).get();
      // sqlcipher_export copies schema and rows but not the header's user_version, which is the schema version.
      db.pragma(`${SNAPSHOT_SCHEMA}.user_version = ${facts.schemaVersion}`);
      db.exec('COMMIT');
      return facts;
    } catch (error) {
      rollbackAndRethrow(db, error);
    }
  });
}

/**
 * Facts read back from a SQLCipher file, after its page HMACs and b-tree have been checked. A copy
 * too damaged even to attach (SQLCipher reads its schema pages then) is refused the same way: it is
 * the copy that is damaged, not the vault, and saying "vault damaged" would send the user the wrong way.
 */
export function inspectSnapshot(db: Db, path: string): SnapshotFacts {
  try {
    return readSnapshotFacts(db, path);
  } catch (error) {
    if (storageFailureOf(error) === 'damaged') throw new AppError('internal', 'backup.error.verifyFailed');
    throw error;
  }
}

function readSnapshotFacts(db: Db, path: string): SnapshotFacts {
  return withAttached(db, path, () => {
    let problems: unknown[];
    let quick: unknown;
    try {
      problems = db.pragma(`${SNAPSHOT_SCHEMA}.cipher_integrity_check`) as unknown[];
      quick = db.pragma(`${SNAPSHOT_SCHEMA}.quick_check`, { simple: true });
    } catch {
      throw new AppError('internal', 'backup.error.verifyFailed');
    }
    if (problems.length > 0 || quick !== 'ok') throw new AppError('internal', 'backup.error.verifyFailed');
    return {
      schemaVersion: schemaVersionOf(db, SNAPSHOT_SCHEMA),
      tables: tableCounts(db, SNAPSHOT_SCHEMA),
      documentVersions: documentVersionsDigest(db, SNAPSHOT_SCHEMA),
    };
  });
}

/** The facts of the database `db` itself (for a restored copy opened on its own). */
export function ownFacts(db: Db): SnapshotFacts {
  return { schemaVersion: schemaVersion(db), tables: tableCounts(db), documentVersions: documentVersionsDigest(db) };
}

export function sameFacts(a: SnapshotFacts, b: SnapshotFacts): boolean {
  const sortedEntries = (tables: Record<string, number>) =>
    JSON.stringify(Object.entries(tables).sort(([x], [y]) => x.localeCompare(y)));
  return (
    a.schemaVersion === b.schemaVersion &&
    sortedEntries(a.tables) === sortedEntries(b.tables) &&
    a.documentVersions.count === b.documentVersions.count &&
    a.documentVersions.digest === b.documentVersions.digest
  );
}
