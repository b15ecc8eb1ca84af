import { chmodSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { makeOwnerOnly } from './owner-only-file';

const posix = process.platform !== 'win32';
const temp = tempDirs('bro-owner-only-');
const modeOf = (path: string): number => statSync(path).mode & 0o777;

afterEach(() => temp.cleanup());

describe.runIf(posix)('makeOwnerOnly', () => {
  it('makes a missing file empty and readable by its owner only', () => {
    const path = join(temp.make(), 'vault.db');
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o600);
    expect(statSync(path).size).toBe(0);
  });

  it('narrows a file others can read to the owner, keeping its bytes', () => {
    const path = join(temp.make(), 'vault.db');
    writeFileSync(path, 'encrypted pages');
    chmodSync(path, 0o664);
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o600);
    expect(statSync(path).size).toBe('encrypted pages'.length);
  });

  it('leaves a file that is already the owner’s alone', () => {
    const path = join(temp.make(), 'vault.db');
    writeFileSync(path, 'x');
    chmodSync(path, 0o400);
    makeOwnerOnly(path);
    expect(modeOf(path)).toBe(0o400);
  });

  it('does not throw where no file can be made, and makes none', () => {
    const path = join(temp.make(), 'no such folder', 'vault.db');
    expect(() => makeOwnerOnly(path)).not.toThrow();
    expect(() => statSync(path)).toThrow();
  });
});
