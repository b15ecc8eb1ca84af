// Where Bro finds a Chromium-family browser for the browser shell and the end-to-end tests. One
// module, plain Node, no dependencies of its own, used by playwright.config.ts, the e2e launch, the
// browser shell and the preflight of `npm start` / `npm test`.
//
// Order: BRO_CHROMIUM when set; else chromium, chromium-browser, google-chrome, google-chrome-stable
// on PATH; else the usual install folders on macOS and Windows; else the browser Playwright itself
// installed (`npx playwright install chromium`), if it exists on disk.
import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

export const BROWSER_ENV = 'BRO_CHROMIUM';
export const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutableFile(path, platform) {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `name` on the PATH of `env` (with PATHEXT on Windows), or null. */
export function findOnPath(name, { env = process.env, platform = process.platform } = {}) {
  const path = env.PATH ?? env.Path ?? '';
  const extensions = platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  const separator = platform === 'win32' ? ';' : delimiter;
  for (const dir of path.split(separator)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = join(dir, name + extension.toLowerCase());
      if (isExecutableFile(candidate, platform)) return candidate;
    }
  }
  return null;
}

/** The usual install paths of Chrome and Chromium where they are not on PATH (macOS, Windows). */
export function systemPaths({ env = process.env, platform = process.platform } = {}) {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    const roots = ['/Applications', ...(env.HOME ? [join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(Boolean);
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
    ]);
  }
  return [];
}

/**
 * Playwright's own Chromium, when playwright-core is installed. Playwright reads
 * PLAYWRIGHT_BROWSERS_PATH from the process environment once, when it loads.
 */
function playwrightBrowser() {
  try {
    const { chromium } = createRequire(import.meta.url)('playwright-core');
    return chromium.executablePath();
  } catch {
    return null;
  }
}

/**
 * The browser to use: `{ path, source }` where source is 'BRO_CHROMIUM', 'PATH', 'system' or
 * 'playwright'; or `{ path: null, problem }` where problem is 'env-not-found' (BRO_CHROMIUM names a
 * file that is not there: never silently replaced by another browser) or 'not-found'.
 */
export function findBrowser({ env = process.env, platform = process.platform } = {}) {
  const chosen = env[BROWSER_ENV];
  if (chosen) {
    return isExecutableFile(chosen, platform)
      ? { path: chosen, source: BROWSER_ENV }
      : { path: null, problem: 'env-not-found', tried: [chosen] };
  }
  for (const name of PATH_NAMES) {
    const found = findOnPath(name, { env, platform });
    if (found) return { path: found, source: 'PATH' };
  }
  for (const candidate of systemPaths({ env, platform })) {
    if (isExecutableFile(candidate, platform)) return { path: candidate, source: 'system' };
  }
  const own = playwrightBrowser();
  if (own && isExecutableFile(own, platform)) return { path: own, source: 'playwright' };
  return { path: null, problem: 'not-found', tried: [...PATH_NAMES, ...systemPaths({ env, platform })] };
}

/** The browser's path for launchers; throws a one-line, actionable error when there is none. */
export function browserPath(options) {
  const found = findBrowser(options);
  if (found.path) return found.path;
  throw new Error(
    found.problem === 'env-not-found'
      ? `${BROWSER_ENV} is set to ${found.tried[0]}, which is not an executable file.`
      : `No Chromium or Chrome found (looked for ${PATH_NAMES.join(', ')} on PATH). ` +
          `Install one (Debian/Ubuntu: sudo apt-get install chromium) or set ${BROWSER_ENV}.`,
  );
}
