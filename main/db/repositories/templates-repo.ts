import { canonicalJson } from '../../audit/canonical-json';
import type { Db } from '../connection';
import { contentHash } from './documents-repo';

export interface TemplateVersionRecord {
  id: string;
  version: number;
  basedOn: string;
  kind: string;
  locale: string;
  content: unknown;
  contentHash: string;
  author: string;
  createdAt: string;
}

type Row = {
  id: string;
  version: number;
  based_on: string;
  kind: string;
  locale: string;
  content: string;
  content_hash: string;
  author: string;
  created_at: string;
};

const toRecord = (row: Row): TemplateVersionRecord => ({
  id: row.id,
  version: row.version,
  basedOn: row.based_on,
  kind: row.kind,
  locale: row.locale,
  content: JSON.parse(row.content) as unknown,
  contentHash: row.content_hash,
  author: row.author,
  createdAt: row.created_at,
});

/** Adds the next version of a vault template (version 1 for a new id). */
export function insertTemplateVersion(
  db: Db,
  input: { id: string; basedOn: string; kind: string; locale: string; content: unknown; author: string; at: string },
): TemplateVersionRecord {
  const last = db.prepare('SELECT max(version) FROM vault_templates WHERE id = ?', { pluck: true }).get([input.id]);
  const version = (typeof last === 'number' ? last : 0) + 1;
  db.prepare(
    `INSERT INTO vault_templates (id, version, based_on, kind, locale, content, content_hash, author, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run([
    input.id,
    version,
    input.basedOn,
    input.kind,
    input.locale,
    canonicalJson(input.content),
    contentHash(input.content),
    input.author,
    input.at,
  ]);
  return getTemplateVersion(db, input.id, version) as TemplateVersionRecord;
}

/** One version, or the latest when `version` is omitted. */
export function getTemplateVersion(db: Db, id: string, version?: number): TemplateVersionRecord | null {
  const row = (
    version === undefined
      ? db.prepare('SELECT * FROM vault_templates WHERE id = ? ORDER BY version DESC LIMIT 1').get([id])
      : db.prepare('SELECT * FROM vault_templates WHERE id = ? AND version = ?').get([id, version])
  ) as Row | undefined;
  return row ? toRecord(row) : null;
}

/** The latest version of every vault template. */
export function latestTemplateVersions(db: Db): TemplateVersionRecord[] {
  const rows = db
    .prepare(
      `SELECT t.* FROM vault_templates t
       JOIN (SELECT id, max(version) AS version FROM vault_templates GROUP BY id) latest ON latest.id = t.id AND latest.version = t.version
       ORDER BY t.kind, t.id`,
    )
    .all() as Row[];
  return rows.map(toRecord);
}
