import { existsSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/**
 * Consecutive failed unlocks and when the last one happened, kept in a file so the delay survives a
 * restart. The delay doubles with each failure (1 s, 2 s, 4 s … capped at 15 minutes); it slows a
 * person at the keyboard, while the memory-hard KDF is what stops an offline attack on the files.
 */
const ThrottleSchema = z.object({ failures: z.number().int().nonnegative(), lastFailureAt: z.string().datetime() });
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

export function readThrottle(path: string): ThrottleState | null {
  if (!existsSync(path)) return null;
  try {
    const parsed = ThrottleSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    // A damaged file must not unlock faster: treat it as one more failure just now.
    return parsed.success ? parsed.data : { failures: 1, lastFailureAt: new Date().toISOString() };
  } catch {
    return { failures: 1, lastFailureAt: new Date().toISOString() };
  }
}

export function recordFailure(path: string, now: Date): ThrottleState {
  const previous = readThrottle(path);
  const next = { failures: (previous?.failures ?? 0) + 1, lastFailureAt: now.toISOString() };
  writeFileAtomic(path, JSON.stringify(next));
  return next;
}

export function clearThrottle(path: string): void {
  rmSync(path, { force: true });
}
