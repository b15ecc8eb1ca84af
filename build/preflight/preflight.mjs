#!/usr/bin/env node
// Preflight of `npm start` and `npm test`: before building anything, check that what the command
// needs is on this machine, and when something is missing say so in ONE short message that names it
// and the command that installs it, then exit non-zero (never a stack trace). Plain Node, no
// dependencies, so it also runs before `npm install`. Messages are in English, like npm's own.
//
//   node build/preflight/preflight.mjs start [--browser]    |    node build/preflight/preflight.mjs test
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { BROWSER_ENV, findBrowser, findOnPath } from './find-browser.mjs';

// Resolves packages from the project; in plain Node, the `electron` package exports only the binary's path.
const load = createRequire(import.meta.url);

/** What to install, per system. `apt` is the Debian/Ubuntu package; the others are hints. */
const INSTALL = {
  node_modules: { apt: null, other: 'npm run setup (or npm install)' },
  browser: {
    apt: 'chromium',
    darwin: `Google Chrome or Chromium, or: npx playwright install chromium (or set ${BROWSER_ENV})`,
    win32: `Google Chrome, or: npx playwright install chromium (or set ${BROWSER_ENV})`,
  },
  pdfsig: { apt: 'poppler-utils', darwin: 'brew install poppler', win32: 'Poppler for Windows, on PATH' },
  pdftotext: { apt: 'poppler-utils', darwin: 'brew install poppler', win32: 'Poppler for Windows, on PATH' },
  openssl: { apt: 'openssl', darwin: 'brew install openssl', win32: 'OpenSSL (Git for Windows has one), on PATH' },
  display: { apt: 'xvfb xauth' },
};

/** Whether the Electron binary is installed (the `electron` package exports its path, or throws). */
export function electronInstalled() {
  try {
    const path = load('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

function dependenciesInstalled() {
  try {
    load.resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/** The distribution's ID from /etc/os-release ('debian', 'ubuntu', …), or '' where there is none. */
function osId() {
  try {
    return /^ID="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    return '';
  }
}

/** Ubuntu ships Chromium under another package name (as build/setup/setup.mjs knows too). */
const UBUNTU_NAMES = { chromium: 'chromium-browser' };

function hasDisplay(env, platform) {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * What `mode` ('start' or 'test') lacks on this machine: a list of { name, why, install }.
 * `start` needs a browser and (on Linux) a display only for the browser shell, i.e. when the
 * Electron binary is missing or `--browser` is given; `test` needs the browser and the PDF and
 * signature tools, and a display only when the Electron binary is there (its specs open windows).
 */
export function missingRequirements(mode, options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const electron = options.electron ?? electronInstalled();
  const deps = options.dependencies ?? dependenciesInstalled();
  const missing = [];
  if (!deps) missing.push({ name: 'node_modules', why: 'the npm dependencies', install: INSTALL.node_modules });

  const needsBrowser = mode === 'test' || options.browserShell || !electron;
  if (needsBrowser) {
    const browser = findBrowser({ env, platform });
    if (!browser.path) {
      const why = mode === 'test' ? 'the browser of the end-to-end tests' : 'the browser of the browser shell';
      if (browser.problem === 'env-not-found') {
        const note = `${BROWSER_ENV} names ${browser.tried[0]}, which is not there: correct it or unset it.`;
        missing.push({ name: BROWSER_ENV, why, install: { apt: null, other: null }, note });
      } else missing.push({ name: 'chromium', why, install: INSTALL.browser });
    }
  }
  if (mode === 'test') {
    for (const tool of ['pdfsig', 'pdftotext', 'openssl']) {
      if (!findOnPath(tool, { env, platform })) {
        const why = tool === 'openssl' ? 'independent signature checks' : 'independent PDF checks';
        missing.push({ name: tool, why, install: INSTALL[tool] });
      }
    }
  }
  const needsDisplay = mode === 'test' ? electron : needsBrowser;
  if (needsDisplay && !hasDisplay(env, platform)) {
    const xvfb = Boolean(findOnPath('xvfb-run', { env, platform }));
    missing.push({ name: 'a display', why: 'DISPLAY is not set', install: INSTALL.display, xvfb });
  }
  return missing;
}

/** The one message for what is missing, or null when nothing is. */
export function preflightMessage(mode, missing, options = {}) {
  if (missing.length === 0) return null;
  const platform = options.platform ?? process.platform;
  const root = options.root ?? (typeof process.getuid === 'function' && process.getuid() === 0);
  const command = `npm ${mode}`;
  const lines = [`${command} cannot run: missing ${missing.map((item) => `${item.name} (${item.why})`).join(', ')}.`];

  const display = missing.find((item) => item.name === 'a display');
  const toInstall = missing.filter((item) => item !== display || !display.xvfb);
  const ubuntu = (options.osId ?? osId()) === 'ubuntu';
  const aptName = (name) => (ubuntu ? (UBUNTU_NAMES[name] ?? name) : name);
  const apt = [...new Set(toInstall.map((item) => item.install.apt && aptName(item.install.apt)).filter(Boolean))];
  if (platform === 'linux' && apt.length > 0) {
    lines.push(
      `Install on Debian/Ubuntu: ${root ? '' : 'sudo '}apt-get install ${apt.join(' ')}   (or: npm run setup)`,
    );
  } else if (platform !== 'linux') {
    const hints = [...new Set(toInstall.map((item) => item.install[platform] ?? item.install.other).filter(Boolean))];
    if (hints.length > 0) lines.push(`Install: ${hints.join('; ')}.`);
  }
  if (missing.some((item) => item.name === 'node_modules') && apt.length === 0 && platform === 'linux') {
    lines.push('Install them with: npm run setup (or npm install)');
  }
  for (const item of missing) if (item.note) lines.push(item.note);
  if (display) lines.push(`Then run it under a virtual display: xvfb-run -a ${command}`);
  return lines.join('\n');
}

/** Checks, prints the message to stderr when something is missing, and returns the exit code. */
export function preflight(mode, options = {}) {
  const message = preflightMessage(mode, missingRequirements(mode, options), options);
  if (!message) return 0;
  console.error(message);
  return 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, ...rest] = process.argv.slice(2);
  if (mode !== 'start' && mode !== 'test') {
    console.error('Usage: node build/preflight/preflight.mjs start [--browser] | test');
    process.exitCode = 2;
  } else {
    process.exitCode = preflight(mode, { browserShell: rest.includes('--browser'), root: undefined });
  }
}
