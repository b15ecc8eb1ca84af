import type { z } from 'zod';
import type { IsoDate } from '../../shared/domain/common';
import type { Profile } from '../../shared/domain/profile';
import type { Finding } from '../../shared/rules/finding';
import { appendAudit, type AuditAction } from '../audit/audit-log';
import { assertWritable, type Db } from '../db/connection';
import { AppError } from '../ipc/app-error';
import type { VaultSession } from '../vault/vault-session';
import { localActorId } from './actor';

/** What every domain service is built with. */
export interface ServiceDeps {
  session: VaultSession;
  now: () => Date;
}

/** One call's view of the open vault and the clock. */
export interface Ctx {
  db: Db;
  profile: Profile;
  /** ISO timestamp of this call. */
  at: string;
  /** The local calendar date of this call, for the rules. */
  today: IsoDate;
}

export function localDate(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function context(deps: ServiceDeps): Ctx {
  const { db, profile } = deps.session.current();
  const now = deps.now();
  return { db, profile, at: now.toISOString(), today: localDate(now) };
}

/**
 * The call's context once more after an await (a dialog, a rendering, a key derivation), at the time
 * it began: a vault locked meanwhile is refused as locked (not met as a closed connection, shown as
 * "something went wrong"), and one unlocked again is read through its new connection.
 */
export function resumed(deps: ServiceDeps, ctx: Ctx): Ctx {
  return { ...ctx, db: deps.session.current().db };
}

/**
 * Runs all writes of one call in one transaction: either every row (record, version, search entry,
 * audit entry) is written or none is. The actor id is looked up inside, since making it is a write.
 */
export function write<T>(ctx: Ctx, fn: (actor: string) => T): T {
  // A vault whose integrity check failed takes no more writes (vault/health-watch.ts).
  assertWritable(ctx.db);
  return ctx.db.transaction(() => fn(localActorId(ctx.db)))();
}

/** Appends an audit entry for this call: ids only, never text. */
export function audit(ctx: Ctx, actor: string, action: AuditAction, objectType: string, objectId: string): void {
  appendAudit(ctx.db, { at: ctx.at, actor, action, objectType, objectId });
}

/** Validates a value a channel could not type (kind-specific content); fails as invalid_input. */
export function parseOrInvalid<S extends z.ZodType>(schema: S, value: unknown, prefix: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = [
    ...new Set(result.error.issues.map((issue) => [prefix, ...issue.path.map(String)].filter(Boolean).join('.'))),
  ];
  throw new AppError('invalid_input', 'error.invalid_input', undefined, fields);
}

export function invalid(messageKey: string, fields: string[], params?: Record<string, string | number>): AppError {
  return new AppError('invalid_input', messageKey, params, fields);
}

export function notFound(): AppError {
  return new AppError('not_found', 'error.not_found');
}

export function assertExpectedVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) throw new AppError('conflict', 'error.conflict');
}

/**
 * Refuses an act that blocking findings forbid, naming the provisions ("NO pkt 6, NO pkt 11") so
 * the message says which rule stands in the way; the fields let a screen mark them.
 */
export function ruleBlocked(blocking: readonly Finding[]): AppError {
  const citations = [...new Set(blocking.map((f) => f.citation.text))].join(', ');
  const fields = [...new Set(blocking.flatMap((f) => (f.field ? [f.field] : [])))];
  return new AppError('rule_blocked', 'error.rule_blocked', { citations, count: blocking.length }, fields);
}
