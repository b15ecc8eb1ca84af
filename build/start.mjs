// `npm start`: builds, then runs Bro in Electron. Where the Electron binary is missing (this offline
// machine installs the npm package with ELECTRON_SKIP_BINARY_DOWNLOAD=1) or with `--browser`, it
// runs the browser shell instead: the same renderer and services in Chromium, through the test bridge.
// Every other argument (e.g. `--vault DIR`) is passed on.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { preflight } from './preflight/preflight.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BROWSER_SHELL = 'main/browser-shell/start-browser.ts';

/** The Electron executable if it is installed; the `electron` package in Node exports its path. */
function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    // The package throws when its binary was never downloaded.
    return null;
  }
}

/** Runs a child with our stdio, forwards Ctrl+C / termination, and resolves with its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main() {
  const args = process.argv.slice(2);
  const wantsBrowser = args.includes('--browser');
  const rest = args.filter((arg) => arg !== '--browser');

  // Before anything else, so a missing browser or display is one clear message, not a stack trace.
  const missing = preflight('start', { browserShell: wantsBrowser });
  if (missing !== 0) return missing;

  try {
    // Loaded only now: it imports esbuild, which is not there before `npm install`.
    const { bundle } = await import('./bundle.mjs');
    await bundle();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    return 1;
  }

  const electron = wantsBrowser ? null : electronBinary();
  if (electron) return run(electron, ['.', ...rest]);

  if (!wantsBrowser) {
    console.log(
      'Note: the Electron binary is not installed on this machine (offline install with ' +
        'ELECTRON_SKIP_BINARY_DOWNLOAD=1), so Bro starts in the browser shell instead: the same UI and ' +
        'services in Chromium, without the Electron window.',
    );
  }
  if (!existsSync(fileURLToPath(new URL(`../${BROWSER_SHELL}`, import.meta.url)))) {
    console.error(`The browser shell (${BROWSER_SHELL}) does not exist yet.`);
    return 1;
  }
  // `npx tsx …` without npx: the same local tsx, no npm start-up noise, no shell needed on Windows.
  const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');
  return run(process.execPath, [tsxCli, BROWSER_SHELL, ...rest]);
}

process.exitCode = await main();
