import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { msg } from '../e2e/messages';

/**
 * The packaged shell as a user gets it: the built main process, preload and renderer in the real
 * Electron binary. Run `npm run build` first. Where the binary is not installed (offline machines
 * install the npm package with ELECTRON_SKIP_BINARY_DOWNLOAD=1) every test here is skipped.
 */
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The `electron` npm package exports the binary's path, and throws when it was never downloaded. */
function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const executablePath = electronBinary();
test.skip(executablePath === null, 'Electron binary not installed on this machine');

let root = '';
let app: ElectronApplication;
let page: Page;

const invokeFromPage = (channel: string, input: unknown) =>
  page.evaluate(
    ([name, value]) =>
      (globalThis as unknown as { bro: { invoke(c: unknown, i: unknown): Promise<unknown> } }).bro.invoke(name, value),
    [channel, input] as const,
  );

test.beforeEach(async () => {
  expect(existsSync(join(REPO_ROOT, 'out/main/index.js')), 'run `npm run build` first').toBe(true);
  root = mkdtempSync(join(tmpdir(), 'bro-electron-'));
  app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [REPO_ROOT, '--vault', join(root, 'vault'), '--user-data-dir', join(root, 'user-data')],
    cwd: REPO_ROOT,
  });
  page = await app.firstWindow();
});

test.afterEach(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

test('opens the create-vault screen from app://bro in a sandboxed window', async () => {
  await expect(page.getByRole('heading', { name: msg('nb', 'vault.create.title') })).toBeVisible();
  expect(page.url()).toBe('app://bro/index.html');
  expect(await app.windows()).toHaveLength(1);
});

test('gives the page window.bro.invoke and nothing of Node', async () => {
  const globals = await page.evaluate(() => {
    const scope = globalThis as Record<string, unknown>;
    const bro = scope.bro as Record<string, unknown> | undefined;
    return {
      broKeys: bro ? Object.keys(bro) : null,
      invoke: typeof bro?.invoke,
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      Buffer: typeof scope.Buffer,
    };
  });
  expect(globals).toEqual({
    broKeys: ['invoke'],
    invoke: 'function',
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    Buffer: 'undefined',
  });
  const status = await invokeFromPage('vault.status', {});
  // The temp --vault folder is used: no vault there yet.
  expect(status).toMatchObject({ ok: true, value: { state: 'none' } });
});

test('refuses every request off the app origin and every new window', async () => {
  const outcome = await page.evaluate(async () => {
    const attempt = async (url: string) => {
      try {
        await fetch(url);
        return 'reached';
      } catch {
        return 'refused';
      }
    };
    return {
      https: await attempt('https://example.invalid/beacon'),
      loopback: await attempt('http://127.0.0.1:9/'),
      file: await attempt('file:///etc/hostname'),
      popup:
        (globalThis as unknown as { open(url: string): unknown }).open('https://example.invalid/') === null
          ? 'refused'
          : 'opened',
    };
  });
  expect(outcome).toEqual({ https: 'refused', loopback: 'refused', file: 'refused', popup: 'refused' });
  expect(page.url()).toBe('app://bro/index.html');
});
