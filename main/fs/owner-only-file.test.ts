import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeOwnerOnly } from './owner-only-file';

const posix = process.platform !== 'win32';
const dirs: string[] = [];
const folder = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bro-owner-only-'));
  dirs.push(dir);
  return dir;
};
const modeOf = (path: string): number => statSync(path).mode & 0o777;

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(posix)('makeOwnerOnly', () => {
  it('makes a missing file empty and readable by its owner only', () => {
    const path = join(folder(), 'vault.db');
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o600);
    expect(statSync(path).size).toBe(0);
  });

  it('narrows a file others can read to the owner, keeping its bytes', () => {
    const path = join(folder(), 'vault.db');
    writeFileSync(path, 'encrypted pages');
    chmodSync(path, 0o664);
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o600);
    expect(statSync(path).size).toBe('encrypted pages'.length);
  });

  it('leaves a file that is already the owner’s alone', () => {
    const path = join(folder(), 'vault.db');
    writeFileSync(path, 'x');
    chmodSync(path, 0o400);
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o400);
  });

  it('does not throw where no file can be made, and makes none', () => {
    const path = join(folder(), 'no such folder', 'vault.db');
    expect(() => makeOwnerOnly(path)).not.toThrow();
    expect(() => statSync(path)).toThrow();
  });
});
