#!/usr/bin/env node
// `npm run setup`: everything Bro needs on this machine, then the npm dependencies.
// Debian/Ubuntu: installs the packages in build/setup/debian-packages.txt that are missing (with
// sudo when not root), then `npm install` with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (the Electron binary
// comes from the internet, which Bro's machines do not reach; pass --electron to download it).
// Elsewhere it says what to install by hand, then runs `npm install`. Ends with the preflight.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LIST = fileURLToPath(new URL('./debian-packages.txt', import.meta.url));
const WINDOWS = process.platform === 'win32';

/** The package names in the list file: one per line, `#` starts a comment. */
export function readPackageList(text = readFileSync(LIST, 'utf8')) {
  return text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function run(command, args, env = process.env) {
  console.log(`$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env, shell: WINDOWS });
  return result.error ? 127 : (result.status ?? 1);
}

function installed(name) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Ubuntu ships Chromium under another package name. */
const UBUNTU_NAMES = { chromium: 'chromium-browser' };

function available(name) {
  const result = spawnSync('apt-cache', ['policy', name], { encoding: 'utf8' });
  return result.status === 0 && /Candidate: (?!\(none\))/.test(result.stdout);
}

/** Installs the missing Debian packages; returns an exit code. */
function installDebianPackages() {
  const missing = readPackageList().filter((name) => !installed(name) && !installed(UBUNTU_NAMES[name] ?? name));
  if (missing.length === 0) {
    console.log('Debian packages: all installed.');
    return 0;
  }
  const root = process.getuid?.() === 0;
  if (!root && !onPath('sudo')) {
    console.error(`Not root and no sudo: install as root first:  apt-get install ${missing.join(' ')}`);
    return 1;
  }
  const [command, ...prefix] = root ? ['apt-get'] : ['sudo', 'apt-get'];
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run(command, [...prefix, 'update', '-qq'], env) !== 0) return 1;
  const names = missing.map((name) => (available(name) ? name : (UBUNTU_NAMES[name] ?? name)));
  return run(command, [...prefix, 'install', '-y', '--no-install-recommends', ...names], env);
}

const OTHER_SYSTEMS = {
  darwin:
    'macOS: install Google Chrome (or run `npx playwright install chromium` after this), and `brew install poppler openssl`.',
  win32:
    'Windows: install Google Chrome (or run `npx playwright install chromium` after this), Poppler for Windows and OpenSSL, both on PATH.',
};

function main() {
  const withElectron = process.argv.includes('--electron');
  if (process.platform === 'linux' && onPath('apt-get') && onPath('dpkg-query')) {
    if (installDebianPackages() !== 0) return 1;
  } else {
    console.log(
      OTHER_SYSTEMS[process.platform] ??
        `No apt-get here: install the equivalents of ${readPackageList().join(', ')} with your package manager.`,
    );
  }
  const env = withElectron ? process.env : { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' };
  if (run(WINDOWS ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], env) !== 0) return 1;

  const check = spawnSync(process.execPath, ['build/preflight/preflight.mjs', 'test'], { cwd: ROOT, stdio: 'inherit' });
  if (check.status !== 0) return 1;
  console.log('\nSet-up done. Next: `npm start` (the app) or `npm test` (the whole suite).');
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
