const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant (ISO with Z) as this machine's wall-clock time with its offset, e.g.
 * "2026-03-02T11:00:00+01:00": printed dates show the local time, and the offset keeps the instant exact.
 */
export function local(iso: string, offsetMinutes: number = -new Date(iso).getTimezoneOffset()): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError('not an ISO timestamp');
  const shifted = new Date(instant.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${shifted}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
