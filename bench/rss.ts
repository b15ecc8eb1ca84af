import { spawnSync } from 'node:child_process';
import { round } from './stats';

/**
 * Resident memory of a main process running the real services over the vault in `dir` after the
 * home screen's calls and a search (bench/rss-child.ts, in a child so nothing of the bench counts).
 * The vault must be locked by its filler first (one writer at a time).
 */
export function mainRssMb(dir: string): number | null {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'bench/rss-child.ts', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  const line = child.stdout.trim().split('\n').pop() ?? '';
  try {
    const { rssMb } = JSON.parse(line) as { rssMb: number };
    return round(rssMb);
  } catch {
    process.stderr.write(`bench: rss child failed (exit ${child.status})\n`);
    return null;
  }
}
