#!/usr/bin/env node
/**
 * `npm run mutation [-- --folder main/signing [--folder shared/vault/passphrase-policy.ts ...]]`:
 * StrykerJS over each folder of build/mutation/folders.mjs (or only those named; a file or sub-folder
 * inside one is allowed, or files of one folder joined by commas), one target after another, incremental; then merges the folders' reports into
 * reports/mutation/mutation.json and prints the score per folder (build/mutation/score.mjs).
 * Exit code: 2 when a Stryker run failed, else the score's (1 when a folder is below 85 %).
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATION_FOLDERS, mutationTarget } from './folders.mjs';
import { trimToTarget } from './trim.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const REPORTS = join(ROOT, 'reports', 'mutation');
const bin = (name) => join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

export function targetsOf(argv) {
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--folder') continue;
    const target = (argv[++i] ?? '').replace(/\/+$/, '');
    if (!mutationTarget(target)) {
      throw new Error(`--folder ${target}: not in ${Object.keys(MUTATION_FOLDERS).join(', ')}`);
    }
    targets.push(target);
  }
  return targets.length ? targets : Object.keys(MUTATION_FOLDERS);
}

/** One report of every run so far, oldest first, so a later run of a folder or file replaces its files. */
function mergeReports() {
  const merged = { schemaVersion: '2', thresholds: { high: 90, low: 85 }, files: {} };
  const parts = join(REPORTS, 'parts');
  const reports = existsSync(parts)
    ? readdirSync(parts)
        .filter((name) => name.endsWith('.json') && !name.endsWith('.incremental.json'))
        .map((name) => join(parts, name))
        .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    : [];
  for (const path of reports) Object.assign(merged.files, JSON.parse(readFileSync(path, 'utf8')).files);
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, 'mutation.json'), JSON.stringify(merged));
}

/**
 * The PKCS#11 tests sign on a SoftHSM2 token, which SoftHSM finds through SOFTHSM2_CONF in the
 * process's real environment. Stryker's Vitest workers are threads, whose process.env is a copy they
 * cannot pass on, so the token is made here, before they start (test/fixtures/softhsm/token.ts).
 * Without softhsm2 on the machine the tests say why they skip, as in `npm test`.
 */
function sharedToken(target) {
  if (mutationTarget(target)?.folder !== 'main/signing') return { env: {}, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'bro-mutation-softhsm-'));
  const made = spawnSync('bash', [join(ROOT, 'test', 'fixtures', 'softhsm', 'make-token.sh'), dir], {
    encoding: 'utf8',
  });
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  if (made.status !== 0) {
    console.log(`━━ no SoftHSM2 token for the PKCS#11 tests: ${made.stderr.trim().split('\n').pop()}`);
    cleanup();
    return { env: {}, cleanup: () => {} };
  }
  return { env: { SOFTHSM2_CONF: join(dir, 'softhsm2.conf'), BRO_SOFTHSM_SHARED_DIR: dir }, cleanup };
}

let failed = false;
const timings = {};
for (const target of targetsOf(process.argv.slice(2))) {
  console.log(`\n━━ mutation: ${target}`);
  const started = Date.now();
  const token = sharedToken(target);
  const stryker = spawnSync(bin('stryker'), ['run'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, ...token.env, BRO_MUTATION_TARGET: target },
  });
  token.cleanup();
  if (stryker.status === 0) trimToTarget(target);
  timings[target] = Math.round((Date.now() - started) / 1000);
  console.log(
    `━━ ${target}: ${timings[target]} s${stryker.status === 0 ? '' : `, Stryker failed (exit ${stryker.status})`}`,
  );
  failed ||= stryker.status !== 0;
}
console.log(JSON.stringify({ mutationSeconds: timings }));
mergeReports();
const score = spawnSync(process.execPath, [join(ROOT, 'build', 'mutation', 'score.mjs')], {
  cwd: ROOT,
  stdio: 'inherit',
});
process.exit(failed ? 2 : (score.status ?? 1));
