import { deflateRawSync } from 'node:zlib';
import type { Db } from '../main/db/connection';

/**
 * Where the vault's bytes go by the form values are stored in, not by table: keys and actors as
 * 36-character UUID text, hashes as 64 hex digits, times as 24-character ISO text, and the versions'
 * JSON. Each value is counted once for the table and once for every index that holds a copy of it, so
 * the figures say what a more compact form would save (payload bytes, before the pages' own overhead).
 * Read with SQL over the open vault; nothing is written.
 */
export interface BytesByForm {
  text_ids: number;
  hex_hashes: number;
  iso_times: number;
  version_json: number;
}

const HEX = '[0-9a-f]';
const UUID = `${HEX.repeat(8)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(4)}-${HEX.repeat(12)}`;
// An actor is an id with a word before it (`user-…`).
const ACTOR = `[a-z][a-z][a-z][a-z]-${UUID}`;
const DIGITS = (n: number) => '[0-9]'.repeat(n);
const ISO_TIME = `${DIGITS(4)}-${DIGITS(2)}-${DIGITS(2)}T${DIGITS(2)}:${DIGITS(2)}:${DIGITS(2)}.${DIGITS(3)}Z`;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The ordinary tables (FTS5's shadow tables included, the virtual tables themselves not). */
function tables(db: Db): { name: string; withoutRowid: boolean }[] {
  const rows = db
    .prepare(
      "SELECT name, wr FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
    )
    .all() as { name: string; wr: number }[];
  return rows.map((row) => ({ name: row.name, withoutRowid: row.wr === 1 }));
}

/** How many stored copies each column has: the table's own, and one per index holding it. */
function copiesOf(db: Db, table: string, withoutRowid: boolean): Map<string, number> {
  const copies = new Map<string, number>();
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all([table]) as { name: string }[];
  for (const { name } of columns) copies.set(name, 1);
  const indexes = db.prepare('SELECT name, origin FROM pragma_index_list(?)').all([table]) as {
    name: string;
    origin: string;
  }[];
  for (const index of indexes) {
    // A table without rowid is its primary key's index: that one is the table's own copy.
    if (withoutRowid && index.origin === 'pk') continue;
    const held = db.prepare('SELECT name FROM pragma_index_xinfo(?) WHERE cid >= 0').all([index.name]) as {
      name: string;
    }[];
    for (const { name } of held) copies.set(name, (copies.get(name) ?? 1) + 1);
  }
  return copies;
}

/** Bytes per case by form, with the share of the versions' JSON that deflate (no dictionary) keeps. */
export function bytesByForm(db: Db, cases: number): { perCase: BytesByForm; versionJsonDeflated: number } {
  const total: BytesByForm = { text_ids: 0, hex_hashes: 0, iso_times: 0, version_json: 0 };
  for (const { name, withoutRowid } of tables(db)) {
    for (const [column, copies] of copiesOf(db, name, withoutRowid)) {
      const c = quoted(column);
      const sums = db
        .prepare(
          `SELECT
             coalesce(sum(CASE WHEN ${c} GLOB ? OR ${c} GLOB ? THEN length(${c}) END), 0) AS ids,
             coalesce(sum(CASE WHEN length(${c}) = 64 AND NOT ${c} GLOB '*[^0-9a-f]*' THEN 64 END), 0) AS hashes,
             coalesce(sum(CASE WHEN length(${c}) = 24 AND ${c} GLOB ? THEN 24 END), 0) AS times
           FROM ${quoted(name)} WHERE typeof(${c}) = 'text'`,
        )
        .get([UUID, ACTOR, ISO_TIME]) as { ids: number; hashes: number; times: number };
      total.text_ids += sums.ids * copies;
      total.hex_hashes += sums.hashes * copies;
      total.iso_times += sums.times * copies;
    }
  }
  let deflated = 0;
  // A page of versions at a time: the whole table at once (56 MB of text on the 10 000-case vault)
  // grows this process's heap before the search figures measured after it (the one run that read it
  // whole gave a search p95 half as long again as the next).
  const page = db.prepare(
    'SELECT rowid AS id, content FROM document_versions WHERE rowid > ? ORDER BY rowid LIMIT 1000',
  );
  type Version = { id: number; content: string };
  let rows = page.all([0]) as Version[];
  while (rows.length > 0) {
    for (const { content } of rows) {
      const bytes = Buffer.from(content, 'utf8');
      total.version_json += bytes.length;
      deflated += deflateRawSync(bytes).length;
    }
    rows = page.all([rows.at(-1)!.id]) as Version[];
  }
  const perCase = Object.fromEntries(
    Object.entries(total).map(([form, bytes]) => [form, Math.round(bytes / cases)]),
  ) as unknown as BytesByForm;
  const versionJsonDeflated = total.version_json === 0 ? 1 : Math.round((deflated / total.version_json) * 1000) / 1000;
  return { perCase, versionJsonDeflated };
}
