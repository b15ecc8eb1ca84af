import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Consecutive failed unlocks and when they happened, kept in a file so the delay survives a restart
 * and the failures reach the audit log at the next successful unlock, whichever entry point (app or
 * command line) saw them. The delay doubles with each failure (1 s, 2 s, 4 s … capped at 15 minutes);
 * it slows a person at the keyboard, while the memory-hard KDF is what stops an offline attack.
 */
const MAX_TIMES = 100;

/** Where an unlock was tried: the app (IPC) or the command line and scripts. */
export type EntryPoint = 'app' | 'cli';
/**
 * One failed attempt as the audit log will hold it: when, from where, and the class of its reason
 * (e.g. `wrong_passphrase`, `vault_keys_damaged`, `storage.busy`). Never the secret that was tried.
 */
const AttemptSchema = z.object({
  at: z.string().datetime(),
  via: z.enum(['app', 'cli']),
  reason: z.string().regex(/^[a-z][A-Za-z0-9_.]{0,60}$/),
});
export type FailedAttempt = z.infer<typeof AttemptSchema>;
/** An attempt as logged; failures from an attempts file older than the entry-point record say 'unknown'. */
export interface LoggedAttempt {
  at: string;
  via: EntryPoint | 'unknown';
  reason: string;
}

const ThrottleSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string().datetime(),
  /** Failures not yet written to the audit log, and the times of the latest of them. */
  unreported: z.number().int().nonnegative().default(0),
  times: z.array(z.string().datetime()).max(MAX_TIMES).default([]),
  /** Every failed attempt not yet in the audit log, wrong secrets and other refusals alike. */
  attempts: z.array(AttemptSchema).max(MAX_TIMES).default([]),
});
export type ThrottleState = z.infer<typeof ThrottleSchema>;

export const MAX_DELAY_SECONDS = 15 * 60;

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);
}

export function secondsUntilRetry(state: Pick<ThrottleState, 'failures' | 'lastFailureAt'> | null, now: Date): number {
  if (!state || state.failures === 0) return 0;
  const allowedAt = Date.parse(state.lastFailureAt) + delayAfterFailures(state.failures) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

function damaged(): ThrottleState {
  // A damaged file must not unlock faster: treat it as one more failure just now.
  const at = new Date().toISOString();
  return { failures: 1, lastFailureAt: at, unreported: 1, times: [at], attempts: [] };
}

export function readThrottle(path: string): ThrottleState | null {
  if (!existsSync(path)) return null;
  try {
    // Stryker disable next-line StringLiteral: without an encoding readFileSync gives a Buffer, which JSON.parse reads as UTF-8
    const parsed = ThrottleSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : damaged();
  } catch {
    return damaged();
  }
}

/** A wrong secret: one more failure for the delay, and a record of the attempt for the audit log. */
export function recordFailure(path: string, now: Date, attempt?: Omit<FailedAttempt, 'at'>): ThrottleState {
  const previous = readThrottle(path);
  const at = now.toISOString();
  const next: ThrottleState = {
    failures: (previous?.failures ?? 0) + 1,
    lastFailureAt: at,
    unreported: (previous?.unreported ?? 0) + 1,
    times: [...(previous?.times ?? []), at].slice(-MAX_TIMES),
    attempts: [...(previous?.attempts ?? []), ...(attempt ? [{ ...attempt, at }] : [])].slice(-MAX_TIMES),
  };
  writeFileAtomic(path, JSON.stringify(next));
  return next;
}

/**
 * An attempt refused for another reason (a damaged key file, a busy or unreadable database): kept
 * for the audit log, but no longer delay, since no secret was found wrong. Best effort: a folder
 * that cannot be written to (the reason itself, perhaps) keeps no record.
 */
export function recordRefusedAttempt(path: string, now: Date, attempt: Omit<FailedAttempt, 'at'>): void {
  const previous = readThrottle(path);
  const at = now.toISOString();
  const next: ThrottleState = previous
    ? { ...previous, attempts: [...previous.attempts, { ...attempt, at }].slice(-MAX_TIMES) }
    : { failures: 0, lastFailureAt: at, unreported: 0, times: [], attempts: [{ ...attempt, at }] };
  try {
    writeFileAtomic(path, JSON.stringify(next));
  } catch {
    // Nothing more can be kept: the refusal itself is still reported to the user.
  }
}

/**
 * After a right secret: no more delay. Failures not yet in the audit log are kept as evidence unless
 * the caller has just written them there (`reported`).
 */
export function clearThrottle(path: string, reported = true): void {
  const previous = readThrottle(path);
  if (reported || !previous || (previous.unreported === 0 && previous.attempts.length === 0)) {
    rmSync(path, { force: true });
    return;
  }
  writeFileAtomic(path, JSON.stringify({ ...previous, failures: 0 }));
}

/**
 * The failed attempts to write to the audit log, oldest first. Failures counted by an older attempts
 * file (times only) appear as wrong passphrases from an unknown entry point.
 */
export function unreportedAttempts(path: string): LoggedAttempt[] {
  const state = readThrottle(path);
  if (!state) return [];
  const recorded = state.attempts.filter((a) => a.reason.startsWith('wrong_')).length;
  const older = Math.max(0, state.unreported - recorded);
  const recent = state.times.slice(-state.unreported);
  // Stryker disable next-line MethodExpression: only times[i] for i < older and times[0] are read below, the same entries with or without the cut
  const times = recent.slice(0, older);
  const legacy = Array.from({ length: older }, (_, i): LoggedAttempt => ({
    at: times[i] ?? times[0] ?? state.lastFailureAt,
    via: 'unknown',
    reason: 'wrong_passphrase',
  }));
  return [...legacy, ...state.attempts];
}
