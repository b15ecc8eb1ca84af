import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { findBrowser } from './find-browser.mjs';
import { missingRequirements, preflightMessage } from './preflight.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const temp = tempDirs('bro-preflight-');
afterEach(() => temp.cleanup());

const ALL_TOOLS = ['chromium', 'pdfsig', 'pdftotext', 'openssl', 'xvfb-run'];

/** A folder of stand-in executables, to be the whole PATH of the command under test. */
function binDir(tools: string[]): string {
  const dir = temp.make();
  for (const tool of tools) {
    writeFileSync(join(dir, tool), '#!/bin/sh\nexit 0\n');
    chmodSync(join(dir, tool), 0o755);
  }
  return dir;
}

/** The environment of a fresh shell on this machine with only `tools` installed. */
function machine(tools: string[], extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: binDir(tools),
    HOME: temp.make(),
    // An empty Playwright browser folder: Playwright's own Chromium is not installed either.
    PLAYWRIGHT_BROWSERS_PATH: temp.make(),
    ...extra,
  };
}

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

const preflight = (mode: string, env: Record<string, string>) => run('build/preflight/preflight.mjs', [mode], env);
const without = (tool: string) => ALL_TOOLS.filter((name) => name !== tool);

describe('the preflight of npm start and npm test (PATH and environment controlled)', () => {
  it('passes silently when everything is there', () => {
    const result = preflight('test', machine(ALL_TOOLS, { DISPLAY: ':99' }));
    expect(result).toMatchObject({ code: 0, stderr: '', stdout: '' });
  });

  it('refuses npm test without a browser, naming it and the package that installs it', () => {
    const result = preflight('test', machine(without('chromium'), { DISPLAY: ':99' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^npm test cannot run: missing chromium \(the browser of the end-to-end tests\)\./);
    expect(result.stderr).toContain('apt-get install chromium');
    expect(result.stderr).toContain('npm run setup');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses npm test without pdfsig, naming it and poppler-utils', () => {
    const result = preflight('test', machine(without('pdfsig'), { DISPLAY: ':99' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing pdfsig');
    expect(result.stderr).toContain('apt-get install poppler-utils');
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('names every missing thing in one message, each package once', () => {
    const result = preflight('test', machine(['xvfb-run'], { DISPLAY: ':99' }));
    expect(result.code).toBe(1);
    for (const tool of ['chromium', 'pdfsig', 'pdftotext', 'openssl']) expect(result.stderr).toContain(tool);
    expect(result.stderr).toContain('apt-get install chromium poppler-utils openssl');
  });

  it('refuses npm start (browser shell) without a display and says to use xvfb-run', () => {
    const result = preflight('start', machine(ALL_TOOLS));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('missing a display (DISPLAY is not set)');
    expect(result.stderr).toContain('xvfb-run -a npm start');
    expect(result.stderr).not.toContain('apt-get');
  });

  it('refuses npm start without a display or xvfb-run, naming the packages for a virtual display', () => {
    const result = preflight('start', machine(without('xvfb-run')));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('apt-get install xvfb xauth');
    expect(result.stderr).toContain('xvfb-run -a npm start');
  });

  it('takes the browser from BRO_CHROMIUM, and refuses one that is not there instead of using another', () => {
    const elsewhere = binDir(['my-chrome']);
    const env = machine(without('chromium'), { DISPLAY: ':99', BRO_CHROMIUM: join(elsewhere, 'my-chrome') });
    expect(preflight('start', env).code).toBe(0);
    const wrong = preflight('start', { ...machine(ALL_TOOLS, { DISPLAY: ':99' }), BRO_CHROMIUM: '/nowhere/chrome' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('BRO_CHROMIUM names /nowhere/chrome, which is not there');
  });

  it('stops npm start before building, with the message and no stack trace', () => {
    const result = run('build/start.mjs', [], machine(without('chromium'), { DISPLAY: ':99' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^npm start cannot run: missing chromium/);
    expect(result.stdout).not.toContain('built');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops npm test before building or running any test', () => {
    const result = run('test/run-all.mjs', [], machine(without('pdftotext'), { DISPLAY: ':99' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^npm test cannot run: missing pdftotext/);
    expect(result.stdout).toBe('');
  });
});

describe('what each command needs', () => {
  const everything = { env: { PATH: '/nowhere' }, platform: 'linux' as const, dependencies: true };

  it('npm start with the Electron binary needs neither a browser nor a display', () => {
    expect(missingRequirements('start', { ...everything, electron: true })).toEqual([]);
  });

  it('npm test needs a display only where the Electron binary is there to open windows', () => {
    const names = (electron: boolean) =>
      missingRequirements('test', { ...everything, electron }).map((item) => item.name);
    expect(names(false)).not.toContain('a display');
    expect(names(true)).toContain('a display');
  });

  it('says to run npm run setup when the npm dependencies are not installed', () => {
    const missing = missingRequirements('start', { ...everything, electron: true, dependencies: false });
    expect(preflightMessage('start', missing, { platform: 'linux', root: true })).toContain('npm run setup');
  });

  it('gives macOS and Windows their own install hints instead of apt-get', () => {
    const options = { env: { PATH: '/nowhere', HOME: '/nowhere' }, electron: false, dependencies: true };
    const mac = preflightMessage('test', missingRequirements('test', { ...options, platform: 'darwin' }), {
      platform: 'darwin',
    });
    expect(mac).toContain('brew install poppler');
    expect(mac).not.toContain('apt-get');
    const windows = preflightMessage('test', missingRequirements('test', { ...options, platform: 'win32' }), {
      platform: 'win32',
    });
    expect(windows).toContain('npx playwright install chromium');
  });

  it("names Ubuntu's Chromium package on Ubuntu", () => {
    const missing = missingRequirements('test', { ...everything, electron: false });
    const ubuntu = preflightMessage('test', missing, { platform: 'linux', root: true, osId: 'ubuntu' });
    expect(ubuntu).toContain('apt-get install chromium-browser poppler-utils openssl');
    const debian = preflightMessage('test', missing, { platform: 'linux', root: true, osId: 'debian' });
    expect(debian).toContain('apt-get install chromium poppler-utils openssl');
  });

  it('prefixes sudo only for a user who is not root', () => {
    const missing = missingRequirements('test', { ...everything, electron: false });
    expect(preflightMessage('test', missing, { platform: 'linux', root: false })).toContain('sudo apt-get install');
    expect(preflightMessage('test', missing, { platform: 'linux', root: true })).not.toContain('sudo');
  });
});

describe('finding the browser', () => {
  it('prefers BRO_CHROMIUM, then chromium, chromium-browser, google-chrome on PATH in that order', () => {
    const dir = binDir(['google-chrome', 'chromium-browser', 'custom']);
    expect(findBrowser({ env: { PATH: dir }, platform: 'linux' })).toEqual({
      path: join(dir, 'chromium-browser'),
      source: 'PATH',
    });
    expect(findBrowser({ env: { PATH: dir, BRO_CHROMIUM: join(dir, 'custom') }, platform: 'linux' })).toEqual({
      path: join(dir, 'custom'),
      source: 'BRO_CHROMIUM',
    });
  });

  it('skips a file of the right name that is not executable', () => {
    const dir = temp.make();
    writeFileSync(join(dir, 'chromium'), 'not a program');
    chmodSync(join(dir, 'chromium'), 0o644);
    const second = binDir(['google-chrome-stable']);
    const found = findBrowser({ env: { PATH: `${dir}:${second}` }, platform: 'linux' });
    expect(found.path).toBe(join(second, 'google-chrome-stable'));
  });

  it("finds Playwright's own installed Chromium when nothing else is there", () => {
    const browsers = temp.make();
    const script = `import('${join(ROOT, 'build/preflight/find-browser.mjs')}').then((m) => console.log(JSON.stringify(m.findBrowser())))`;
    const lookup = (env: Record<string, string>) =>
      JSON.parse(
        spawnSync(process.execPath, ['-e', script], { cwd: ROOT, env, encoding: 'utf8' }).stdout,
      ) as ReturnType<typeof findBrowser>;
    const env = { PATH: temp.make(), HOME: temp.make(), PLAYWRIGHT_BROWSERS_PATH: browsers };
    expect(lookup(env)).toMatchObject({ path: null, problem: 'not-found' });
    const expected = spawnSync(
      process.execPath,
      ['-e', "console.log(require('playwright-core').chromium.executablePath())"],
      { cwd: ROOT, env, encoding: 'utf8' },
    ).stdout.trim();
    expect(expected.startsWith(browsers)).toBe(true);
    mkdirSync(join(expected, '..'), { recursive: true });
    writeFileSync(expected, '#!/bin/sh\n');
    chmodSync(expected, 0o755);
    expect(lookup(env)).toEqual({ path: expected, source: 'playwright' });
  });
});
