import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { assetResponse } from './asset-response';
import { CSP } from './csp';

const temp = tempDirs('bro-assets-');
let root = '';

beforeEach(() => {
  const sandbox = temp.make();
  root = join(sandbox, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Bro</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export {};');
  writeFileSync(join(sandbox, 'secret.txt'), 'outside the renderer');
  symlinkSync(join(sandbox, 'secret.txt'), join(root, 'escape.txt'));
  symlinkSync(sandbox, join(root, 'up'));
});
afterEach(() => temp.cleanup());

const get = (url: string, method = 'GET') => assetResponse(root, new Request(url, { method }));

describe('assetResponse', () => {
  it('serves the renderer files with their content type and the CSP header', async () => {
    const page = await get('app://bro/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>Bro</title>');
    const script = await get('app://bro/assets/app.js');
    expect([script.status, script.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8']);
  });

  it('refuses traversal with 400 and answers 404 for missing files, folders and symlinks out', async () => {
    // A Request (like Chromium) folds %2e%2e into `..` and drops it: the file then is not found inside.
    expect((await get('app://bro/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://bro/assets/..%2F..%2Fsecret.txt')).status).toBe(400);
    expect((await get('app://bro/missing.js')).status).toBe(404);
    expect((await get('app://bro/assets')).status).toBe(404);
    expect((await get('app://bro/escape.txt')).status).toBe(404);
    expect((await get('app://bro/up/secret.txt')).status).toBe(404);
    const refused = await get('app://bro/escape.txt');
    expect(await refused.text()).toBe('');
    expect(refused.headers.get('content-security-policy')).toBe(CSP);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://bro/index.html', 'POST')).status).toBe(405);
    const head = await get('app://bro/index.html', 'HEAD');
    expect([head.status, await head.text()]).toEqual([200, '']);
  });
});
