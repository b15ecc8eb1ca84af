import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { round } from './stats';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** How the memory figures are measured, printed with them. */
export const RSS_RUNTIME = `node ${process.version}, main code bundled by esbuild as out/ ships it (not tsx), integrity worker included`;

/**
 * The child bundled as the app's main process is (build/bundle.mjs: esbuild, runtime packages from
 * node_modules), with the integrity worker and the migrations beside it, where the bundle looks for them. Under
 * tsx the compiler itself added tens of megabytes the shipped app does not carry.
 */
async function bundleChild(): Promise<{ dir: string; script: string }> {
  const dir = join(ROOT, 'node_modules', '.cache', `bro-bench-rss-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  const common = {
    bundle: true,
    platform: 'node' as const,
    target: 'node20',
    format: 'esm' as const,
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'warning' as const,
  };
  await build({ ...common, entryPoints: [join(ROOT, 'bench', 'rss-child.ts')], outfile: join(dir, 'rss-child.mjs') });
  await build({
    ...common,
    entryPoints: [join(ROOT, 'main', 'vault', 'integrity-worker.ts')],
    outfile: join(dir, 'integrity-worker.mjs'),
  });
  // The schema's migrations beside the bundle, where main/db/migrate.ts reads them (as out/main/migrations).
  cpSync(join(ROOT, 'main', 'db', 'migrations'), join(dir, 'migrations'), {
    recursive: true,
    filter: (source) => !source.endsWith('.ts'),
  });
  return { dir, script: join(dir, 'rss-child.mjs') };
}

/** What the child prints: its memory, and its unlock and home screen times (bench/rss-child.ts). */
export interface ChildFigures {
  rssMb: number;
  peakMb: number;
  unlockMs: number;
  homeMs: number;
}

/**
 * Resident memory of a main process running the real services over the vault in `dir` after the
 * home screen's calls and a search (bench/rss-child.ts, in a child so nothing of the bench counts),
 * and the peak over the child's life, with the child's own unlock and home screen times. The vault
 * must be locked by its filler first (one writer at a time).
 */
export async function mainRssMb(dir: string): Promise<ChildFigures | null> {
  const child = await bundleChild();
  try {
    const run = spawnSync(process.execPath, [child.script, dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 600_000,
    });
    const line = run.stdout.trim().split('\n').pop() ?? '';
    try {
      const figures = JSON.parse(line) as ChildFigures;
      return {
        rssMb: round(figures.rssMb),
        peakMb: round(figures.peakMb),
        unlockMs: round(figures.unlockMs),
        homeMs: round(figures.homeMs),
      };
    } catch {
      process.stderr.write(`bench: rss child failed (exit ${run.status ?? run.signal}): ${run.stderr.slice(-400)}\n`);
      return null;
    }
  } finally {
    rmSync(child.dir, { recursive: true, force: true });
  }
}
