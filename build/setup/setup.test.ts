import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingRequirements } from '../preflight/preflight.mjs';
import { readPackageList } from './setup.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');

describe('one list of Debian packages', () => {
  const packages = readPackageList();

  it('is read from build/setup/debian-packages.txt, comments and blank lines left out', () => {
    expect(packages).toEqual(expect.arrayContaining(['chromium', 'poppler-utils', 'xvfb', 'xauth', 'openssl']));
    expect(packages.every((name) => /^[a-z0-9][a-z0-9+.-]+$/.test(name))).toBe(true);
    expect(readPackageList('a # one\n\n  # only a comment\nb\n')).toEqual(['a', 'b']);
  });

  it('is the list CI installs: .ci/run reads the same file and names no package itself', () => {
    const ci = read('.ci/run');
    expect(ci).toContain('build/setup/debian-packages.txt');
    expect(ci).not.toMatch(/^\s*packages=\(/m);
    expect(ci).toMatch(/npm test/);
  });

  it('holds every package the preflight tells a user to install', () => {
    const everythingMissing = missingRequirements('test', {
      env: { PATH: '/nowhere' },
      platform: 'linux',
      electron: true,
      dependencies: true,
    });
    const named = everythingMissing.flatMap((item) => String(item.install.apt ?? '').split(' ')).filter(Boolean);
    expect(named.length).toBeGreaterThan(3);
    for (const name of named) expect(packages, name).toContain(name);
  });

  it('is what `npm run setup` runs', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.setup).toBe('node build/setup/setup.mjs');
  });
});
