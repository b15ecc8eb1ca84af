import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { readMeta, writeMeta } from '../db/repositories/meta-repo';

/**
 * The local user's id, made once per vault. Audit entries and version authors carry this id, not a
 * name, so the audit log stays free of personal data.
 */
export function localActorId(db: Db): string {
  const existing = readMeta(db, 'actor_id');
  if (existing !== undefined) return existing;
  const id = `user-${randomUUID()}`;
  writeMeta(db, 'actor_id', id);
  return id;
}
