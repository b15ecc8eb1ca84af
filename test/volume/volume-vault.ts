import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PASSPHRASE } from '../e2e/fixtures';
import { removeTree } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'out', 'cli', 'bro.mjs');
export const VOLUME_CASES = 10_000;

/**
 * What the vault's contents depend on: the schema the built command line writes (out/cli/migrations)
 * and the demo generator's sources. A change to either makes a new vault; other code changes reuse it.
 */
function sourcesKey(): string {
  const hash = createHash('sha256').update(String(VOLUME_CASES));
  const folders = [join(ROOT, 'out', 'cli', 'migrations'), join(ROOT, 'main', 'demo')];
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith('.test.ts')) continue;
      hash.update(name).update(readFileSync(join(folder, name)));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The kept 10 000-case NO demo vault (fictional people only), under test-results/. */
export function volumeVaultDir(): string {
  return join(ROOT, 'test-results', `volume-vault-${sourcesKey()}`);
}

function bro(args: string[]): void {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, BRO_PASSPHRASE: PASSPHRASE, BRO_LANG: 'en' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`bro ${args[0]} ${args[1] ?? ''} failed (exit ${result.status})`);
}

/**
 * Makes the vault with the built command line (`npm run build` first), as a user would:
 * `bro vault create` and `bro demo --cases 10000`, dated today. Made in a side folder and renamed
 * when complete, so an interrupted run leaves nothing that looks finished. Returns the seconds taken,
 * or 0 when the kept vault was used.
 */
export function ensureVolumeVault(): number {
  const dir = volumeVaultDir();
  if (existsSync(join(dir, 'vault'))) return 0;
  if (!existsSync(CLI)) throw new Error('out/cli/bro.mjs is missing: run `npm run build` first');
  const started = Date.now();
  const making = `${dir}.making`;
  removeTree(making);
  mkdirSync(making, { recursive: true });
  const vault = join(making, 'vault');
  bro(['vault', 'create', '--vault', vault, '--profile', 'NO']);
  bro(['demo', '--vault', vault, '--cases', String(VOLUME_CASES)]);
  renameSync(making, dir);
  return Math.round((Date.now() - started) / 100) / 10;
}

/** A copy of the kept vault in `vaultDir` (which must not exist yet), for one test to open and change. */
export function copyVolumeVault(vaultDir: string): void {
  cpSync(join(volumeVaultDir(), 'vault'), vaultDir, { recursive: true });
}
