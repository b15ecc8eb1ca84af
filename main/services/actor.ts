import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';

/**
 * The local user's id, made once per vault. Audit entries and version authors carry this id, not a
 * name, so the audit log stays free of personal data.
 */
export function localActorId(db: Db): string {
  const existing = db.prepare("SELECT value FROM meta WHERE key = 'actor_id'", { pluck: true }).get();
  if (typeof existing === 'string') return existing;
  const id = `user-${randomUUID()}`;
  db.prepare("INSERT INTO meta (key, value) VALUES ('actor_id', ?)").run([id]);
  return id;
}
