// Builds everything `npm start` and `npm run dist` need into out/, offline and in a few seconds:
//   out/renderer/        the React UI (Vite, renderer/vite.config.ts)
//   out/main/index.js    the Electron main process (ESM)        + out/main/migrations/*.sql
//   out/preload/index.cjs the sandboxed preload (CommonJS: sandboxed preloads cannot be ESM)
//   out/cli/bro.mjs      the `bro` command (ESM, executable)     + out/cli/migrations/*.sql
// Runtime dependencies stay external and load from node_modules (native SQLCipher among them).
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'out');
const MIGRATIONS = join(ROOT, 'main', 'db', 'migrations');
const RENDERER_CONFIG = join(ROOT, 'renderer', 'vite.config.ts');
const CLI_ENTRY = join(ROOT, 'main', 'cli', 'index.ts');
const INTEGRITY_WORKER = join(ROOT, 'main', 'vault', 'integrity-worker.ts');

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const EXTERNAL = ['electron', ...Object.keys(pkg.dependencies ?? {})];

const rel = (path) => relative(ROOT, path).split('\\').join('/');
const kB = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

function dirSize(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** Fails the build if an output imports an external module it must not (a preload that pulls in Node, a CLI that needs Electron). */
function assertExternals(metafile, isAllowed, what) {
  const refused = new Set();
  for (const output of Object.values(metafile.outputs)) {
    for (const entry of output.imports) if (entry.external && !isAllowed(entry.path)) refused.add(entry.path);
  }
  if (refused.size > 0) throw new Error(`${what} must not import ${[...refused].join(', ')}`);
}

async function bundleNode({ entry, outfile, format, banner, isAllowedExternal, what }) {
  const started = performance.now();
  const result = await esbuild({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format,
    external: EXTERNAL,
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    ...(banner ? { banner: { js: banner } } : {}),
  });
  if (isAllowedExternal) assertExternals(result.metafile, isAllowedExternal, what);
  return {
    what,
    path: rel(outfile),
    detail: `${kB(statSync(outfile).size)}, ${Math.round(performance.now() - started)} ms`,
  };
}

function copyMigrations(targetDir) {
  mkdirSync(targetDir, { recursive: true });
  const files = readdirSync(MIGRATIONS).filter((file) => file.endsWith('.sql'));
  for (const file of files) copyFileSync(join(MIGRATIONS, file), join(targetDir, file));
  return { what: 'migrations', path: `${rel(targetDir)}/`, detail: `${files.length} .sql files` };
}

async function bundleRenderer() {
  if (!existsSync(RENDERER_CONFIG)) {
    throw new Error(`renderer: ${rel(RENDERER_CONFIG)} does not exist yet, so the UI cannot be built`);
  }
  const started = performance.now();
  await viteBuild({ configFile: RENDERER_CONFIG, mode: 'production', logLevel: 'warn' });
  const outDir = join(OUT, 'renderer');
  if (!existsSync(join(outDir, 'index.html')))
    throw new Error(`renderer: Vite finished but ${rel(outDir)}/index.html is missing`);
  const { files, bytes } = dirSize(outDir);
  return {
    what: 'renderer',
    path: `${rel(outDir)}/`,
    detail: `${files} files, ${kB(bytes)}, ${Math.round(performance.now() - started)} ms`,
  };
}

async function bundleMainSide() {
  const jobs = [
    bundleNode({
      entry: join(ROOT, 'main/app/main.ts'),
      outfile: join(OUT, 'main/index.js'),
      format: 'esm',
      what: 'main',
    }),
    // The vault's integrity check runs in a worker thread (main/vault/vault-health.ts loads it from beside
    // the bundle that starts it).
    bundleNode({
      entry: INTEGRITY_WORKER,
      outfile: join(OUT, 'main/integrity-worker.js'),
      format: 'esm',
      isAllowedExternal: (path) => !/^electron(-store)?(\/|$)/.test(path),
      what: 'worker',
    }),
    bundleNode({
      entry: join(ROOT, 'main/app/preload.ts'),
      outfile: join(OUT, 'preload/index.cjs'),
      format: 'cjs',
      isAllowedExternal: (path) => path === 'electron',
      what: 'preload',
    }),
  ];
  if (existsSync(CLI_ENTRY)) {
    jobs.push(
      bundleNode({
        entry: CLI_ENTRY,
        outfile: join(OUT, 'cli/bro.mjs'),
        format: 'esm',
        banner: '#!/usr/bin/env node',
        isAllowedExternal: (path) => !/^electron(-store)?(\/|$)/.test(path),
        what: 'cli',
      }),
      bundleNode({
        entry: INTEGRITY_WORKER,
        outfile: join(OUT, 'cli/integrity-worker.mjs'),
        format: 'esm',
        isAllowedExternal: (path) => !/^electron(-store)?(\/|$)/.test(path),
        what: 'cli worker',
      }),
    );
  }
  const results = await Promise.all(jobs);
  results.push(copyMigrations(join(OUT, 'main/migrations')));
  if (existsSync(CLI_ENTRY)) {
    chmodSync(join(OUT, 'cli/bro.mjs'), 0o755);
    results.push(copyMigrations(join(OUT, 'cli/migrations')));
  }
  return results;
}

/**
 * Builds main, preload, CLI and renderer. Throws (after printing what did build) if any part fails;
 * `log` receives one line per output.
 */
export async function bundle({ log = (line) => console.log(line) } = {}) {
  for (const dir of ['main', 'preload', 'cli']) rmSync(join(OUT, dir), { recursive: true, force: true });
  if (!existsSync(CLI_ENTRY)) log(`! cli: ${rel(CLI_ENTRY)} does not exist yet; out/cli/ skipped`);
  const [mainSide, renderer] = await Promise.allSettled([bundleMainSide(), bundleRenderer()]);
  const report = (result) => log(`✓ ${result.what.padEnd(10)} ${result.path.padEnd(24)} ${result.detail}`);
  if (mainSide.status === 'fulfilled') mainSide.value.forEach(report);
  if (renderer.status === 'fulfilled') report(renderer.value);
  const failures = [mainSide, renderer].filter((result) => result.status === 'rejected').map((result) => result.reason);
  if (failures.length > 0) {
    for (const failure of failures) log(`✗ ${failure instanceof Error ? failure.message : String(failure)}`);
    throw new Error(`build failed (${failures.length} part${failures.length === 1 ? '' : 's'})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  bundle().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
