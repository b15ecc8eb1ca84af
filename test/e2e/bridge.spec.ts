import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test as broTest } from './fixtures';

/**
 * The bridge itself, proved on a throwaway page of its own so it does not depend on the renderer:
 * what it serves, what it refuses, and that `window.bro` reaches the real router.
 */
const test = broTest.extend<{ sandbox: string }>({
  sandbox: async ({}, use) => {
    const root = mkdtempSync(join(tmpdir(), 'bro-bridge-'));
    await use(root);
    rmSync(root, { recursive: true, force: true });
  },
  rendererDir: async ({ sandbox }, use) => {
    const dir = join(sandbox, 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><head><title>Bridge probe</title><link rel="stylesheet" href="assets/app.css">' +
        '</head><body><main><h1>Probe</h1><iframe title="child" src="child.html"></iframe></main>' +
        '<script type="module" src="assets/app.js"></script></body></html>',
    );
    writeFileSync(join(dir, 'child.html'), '<!doctype html><title>child</title><p>child</p>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'globalThis.probeLoaded = true;');
    writeFileSync(join(dir, 'assets', 'app.css'), 'h1 { color: rgb(1, 2, 3); }');
    writeFileSync(join(sandbox, 'secret.txt'), 'outside the renderer');
    symlinkSync(join(sandbox, 'secret.txt'), join(dir, 'escape.txt'));
    await use(dir);
  },
  kdfCost: { logN: 10, r: 8, p: 1 },
});

type Fetched = { status: number; type: string | null } | { error: string };

const fetchIn = (page: import('@playwright/test').Page, url: string): Promise<Fetched> =>
  page.evaluate(async (target) => {
    try {
      const response = await fetch(target);
      return { status: response.status, type: response.headers.get('content-type') };
    } catch (error) {
      return { error: String(error) };
    }
  }, url);

test('serves the built renderer under http://bro.test with its content types', async ({ page }) => {
  await expect(page).toHaveTitle('Bridge probe');
  expect(await page.evaluate('globalThis.probeLoaded')).toBe(true);
  await expect(page.getByRole('heading', { name: 'Probe' })).toHaveCSS('color', 'rgb(1, 2, 3)');
  expect(await fetchIn(page, '/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
  expect(await fetchIn(page, '/assets/app.js')).toEqual({ status: 200, type: 'text/javascript; charset=utf-8' });
  expect(await fetchIn(page, '/assets/app.css')).toEqual({ status: 200, type: 'text/css; charset=utf-8' });
});

test('answers 404 for files outside the renderer folder and refuses ..', async ({ page }) => {
  expect(await fetchIn(page, '/missing.js')).toMatchObject({ status: 404 });
  expect(await fetchIn(page, '/escape.txt')).toMatchObject({ status: 404 });
  expect(await fetchIn(page, '/assets/..%2F..%2Fsecret.txt')).toMatchObject({ status: 400 });
  expect(await fetchIn(page, '/assets/..%5C..%5Csecret.txt')).toMatchObject({ status: 400 });
  expect(await fetchIn(page, '/%2e%2e/secret.txt')).not.toMatchObject({ status: 200 });
});

test('aborts and records every request for another origin', async ({ page, bridge }) => {
  expect(bridge.blocked).toEqual([]);
  const result = await fetchIn(page, 'https://example.invalid/beacon');
  expect(result).toHaveProperty('error');
  await page.evaluate(() => fetch('http://127.0.0.1:9/', { method: 'POST', body: 'x' }).catch(() => undefined));
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const socket = new WebSocket('ws://127.0.0.1:9/socket');
        socket.onclose = () => resolve();
        socket.onerror = () => resolve();
      }),
  );
  expect(bridge.blocked.map((request) => [request.method, request.url])).toEqual([
    ['GET', 'https://example.invalid/beacon'],
    ['POST', 'http://127.0.0.1:9/'],
    ['GET', 'ws://127.0.0.1:9/socket'],
  ]);
});

test('window.bro is one frozen invoke that reaches the real router', async ({ page, app, bridge }) => {
  expect(await page.evaluate('Object.keys(window.bro)')).toEqual(['invoke']);
  expect(await page.evaluate('Object.isFrozen(window.bro)')).toBe(true);
  expect(await page.evaluate('(() => { try { window.bro = null; } catch {} return typeof window.bro; })()')).toBe(
    'object',
  );
  expect(await page.evaluate("window.bro.invoke('vault.status', {})")).toEqual({ ok: true, value: { state: 'none' } });
  expect(await page.evaluate("window.bro.invoke('vault.nope', {})")).toMatchObject({
    ok: false,
    error: { code: 'unknown_channel' },
  });
  const created = await page.evaluate(
    "window.bro.invoke('vault.create', { profile: 'NO', passphrase: 'Fiktiv-hvelv-passord-2026' })",
  );
  expect(created).toMatchObject({ ok: true, value: { status: { state: 'unlocked', profile: 'NO' } } });
  expect(app.session.isUnlocked).toBe(true);
  expect(bridge.invoked).toEqual(['vault.status', 'vault.nope', 'vault.create']);
});

test('sub-frames get no bridge, as in Electron', async ({ page }) => {
  const child = page.frameLocator('iframe[title="child"]');
  await expect(child.getByText('child')).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/child.html'));
  expect(await frame?.evaluate('typeof window.bro')).toBe('undefined');
});

test('a sub-frame that calls the raw binding is refused: the bridge answers the main frame only', async ({
  page,
  bridge,
}) => {
  const child = page.frameLocator('iframe[title="child"]');
  await expect(child.getByText('child')).toBeVisible();
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/child.html'));
  const answer = await frame?.evaluate(() =>
    (globalThis as unknown as { __broInvoke(c: string, i: unknown): Promise<unknown> }).__broInvoke('vault.status', {}),
  );
  expect(answer).toEqual({ ok: false, error: { code: 'forbidden', messageKey: 'error.forbidden' } });
  expect(bridge.invoked).toEqual([]);
});
