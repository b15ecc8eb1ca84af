import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAssetPath } from './protocol-paths';

const ROOT = join('/srv', 'bro', 'out', 'renderer');

describe('resolveAssetPath', () => {
  it('serves index.html for the bare origin and maps nested files inside the renderer folder', () => {
    expect(resolveAssetPath(ROOT, 'app://bro/')).toEqual({
      kind: 'file',
      path: join(ROOT, 'index.html'),
      segments: ['index.html'],
    });
    expect(resolveAssetPath(ROOT, 'app://bro/assets/index-abc123.js?v=1#top')).toEqual({
      kind: 'file',
      path: join(ROOT, 'assets', 'index-abc123.js'),
      segments: ['assets', 'index-abc123.js'],
    });
    expect(resolveAssetPath(ROOT, 'app://bro/assets/Noto%20Sans.woff2')).toMatchObject({
      path: join(ROOT, 'assets', 'Noto Sans.woff2'),
    });
  });

  it.each([
    ['encoded dot-dot', 'app://bro/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'app://bro/assets/%2E%2E/%2E%2E/secret.txt'],
    ['dot-dot with an encoded slash', 'app://bro/assets/..%2F..%2Fsecret.txt'],
    ['dot-dot with an encoded backslash', 'app://bro/assets/..%5C..%5Csecret.txt'],
    ['an encoded absolute path', 'app://bro/%2Fetc%2Fpasswd'],
    ['a double slash', 'app://bro//etc/passwd'],
    ['a Windows drive', 'app://bro/C:/Windows/win.ini'],
    ['an encoded Windows drive', 'app://bro/C%3A%5CWindows%5Cwin.ini'],
    ['a NUL byte', 'app://bro/index.html%00.png'],
    ['a dot file', 'app://bro/.env'],
    ['a Windows device name', 'app://bro/assets/con.js'],
    ['malformed percent-encoding', 'app://bro/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['a string that is no URL', '../../etc/passwd'],
  ])('refuses %s', (_name, url) => {
    expect(resolveAssetPath(ROOT, url)).toEqual({ kind: 'refused' });
  });

  it('never returns a path outside the root, whatever the URL', () => {
    const probes = ['app://bro/a/../../b', 'app://bro/./././x', 'app://bro/a/%2e/b', 'app://bro/%252e%252e/x'];
    const files = probes.flatMap((probe) => {
      const resolved = resolveAssetPath(ROOT, probe);
      expect(['file', 'refused'], probe).toContain(resolved.kind);
      return resolved.kind === 'file' ? [resolved.path] : [];
    });
    // Some probes do resolve (to ROOT/b, ROOT/x …): without them the check below would check nothing.
    expect(files.length).toBeGreaterThan(0);
    for (const path of files) expect(path.startsWith(ROOT + '/') || path.startsWith(ROOT + '\\'), path).toBe(true);
  });
});

describe('contentTypeFor', () => {
  it('names the MIME types the renderer build produces and falls back to octet-stream', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/index.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/index.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('assets/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('assets/logo.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('assets/blob.bin')).toBe('application/octet-stream');
  });
});
