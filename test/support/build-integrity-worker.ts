// Vitest global setup: bundles the vault's integrity worker once for the whole run. From the
// TypeScript sources, vault-health.ts would otherwise compile it with tsx at every unlock, which
// costs about a second of CPU each time. The bundle sits under node_modules/.cache so that its
// external packages (@signalapp/sqlcipher) resolve from the project; it holds code only, no data.
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export default async function setup(): Promise<() => void> {
  const dir = join(ROOT, 'node_modules', '.cache', `bro-test-worker-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, 'integrity-worker.mjs');
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  await build({
    entryPoints: [join(ROOT, 'main', 'vault', 'integrity-worker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: Object.keys(pkg.dependencies ?? {}),
    logLevel: 'warning',
  });
  process.env.BRO_TEST_INTEGRITY_WORKER = outfile;
  return () => rmSync(dir, { recursive: true, force: true });
}
