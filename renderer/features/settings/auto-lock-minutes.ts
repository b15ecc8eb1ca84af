import { AUTO_LOCK_MINUTES } from '../../../shared/ipc/settings';

/** Whole minutes within the allowed range, or null. */
export function parseMinutes(text: string): number | null {
  if (!/^\s*\d{1,3}\s*$/.test(text)) return null;
  const minutes = Number(text.trim());
  return minutes >= AUTO_LOCK_MINUTES.min && minutes <= AUTO_LOCK_MINUTES.max ? minutes : null;
}
