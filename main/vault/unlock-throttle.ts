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
const ThrottleSchema = z.object({
  failures: z.number().int().nonnegative(),
  lastFailureAt: z.string().datetime(),
  /** Failures not yet written to the audit log, and the times of the latest of them. */
  unreported: z.number().int().nonnegative().default(0),
  times: z.array(z.string().datetime()).max(MAX_TIMES).default([]),
});
export type ThrottleState = z.infer<typeof ThrottleSchema>;

export const MAX_DELAY_SECONDS = 15 * 60;

export function delayAfterFailures(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(2 ** (failures - 1), MAX_DELAY_SECONDS);
}

export function secondsUntilRetry(state: ThrottleState | null, now: Date): number {
  if (!state || state.failures === 0) return 0;
  const allowedAt = Date.parse(state.lastFailureAt) + delayAfterFailures(state.failures) * 1000;
  return Math.max(0, Math.ceil((allowedAt - now.getTime()) / 1000));
}

function damaged(): ThrottleState {
  // A damaged file must not unlock faster: treat it as one more failure just now.
  const at = new Date().toISOString();
  return { failures: 1, lastFailureAt: at, unreported: 1, times: [at] };
}

export function readThrottle(path: string): ThrottleState | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = ThrottleSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    return parsed.success ? parsed.data : damaged();
  } catch {
    return damaged();
  }
}

export function recordFailure(path: string, now: Date): ThrottleState {
  const previous = readThrottle(path);
  const at = now.toISOString();
  const next: ThrottleState = {
    failures: (previous?.failures ?? 0) + 1,
    lastFailureAt: at,
    unreported: (previous?.unreported ?? 0) + 1,
    times: [...(previous?.times ?? []), at].slice(-MAX_TIMES),
  };
  writeFileAtomic(path, JSON.stringify(next));
  return next;
}

/**
 * After a right secret: no more delay. Failures not yet in the audit log are kept as evidence unless
 * the caller has just written them there (`reported`).
 */
export function clearThrottle(path: string, reported = true): void {
  const previous = readThrottle(path);
  if (reported || !previous || previous.unreported === 0) {
    rmSync(path, { force: true });
    return;
  }
  writeFileAtomic(path, JSON.stringify({ ...previous, failures: 0 }));
}

/** The failures to write to the audit log: their count and the times known (the latest up to 100). */
export function unreportedFailures(path: string): { count: number; times: string[] } {
  const state = readThrottle(path);
  if (!state) return { count: 0, times: [] };
  return { count: state.unreported, times: state.times.slice(-state.unreported) };
}
