import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { removeStaleTemps, tempSibling, writeFileAtomicStreaming } from './atomic-file';

const dirs = tempDirs('bro-atomic-');
afterEach(() => dirs.cleanup());

const bytes = (text: string) => new TextEncoder().encode(text);

describe('tempSibling', () => {
  it('is a hidden work file beside the target, named after it, different each time', () => {
    const target = join(dirs.make(), 'sikkerhetskopi.brobak');
    const first = tempSibling(target);
    expect(dirname(first)).toBe(dirname(target));
    expect(basename(first)).toMatch(/^\.sikkerhetskopi\.brobak\.[0-9a-f]{12}\.part\.bro-tmp$/);
    expect(tempSibling(target, 'staging')).toMatch(/\.staging\.bro-tmp$/);
    expect(tempSibling(target)).not.toBe(first);
  });
});

describe('removeStaleTemps', () => {
  it('removes the work files a killed run left beside the target, and nothing else in the folder', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    const names = {
      target: 'kopi.brobak',
      stale: basename(tempSibling(target)),
      staleOther: basename(tempSibling(target, 'staging')),
      anotherTargetsTemp: basename(tempSibling(join(dir, 'annen.brobak'))),
      hiddenButNotWork: '.kopi.brobak.notat',
      unrelated: 'brev.txt',
    };
    for (const name of Object.values(names)) writeFileSync(join(dir, name), 'x');

    removeStaleTemps(target);

    expect(readdirSync(dir).sort()).toEqual(
      [names.target, names.anotherTargetsTemp, names.hiddenButNotWork, names.unrelated].sort(),
    );
  });
});

describe('writeFileAtomicStreaming', () => {
  it('writes every chunk, readable by the owner only, and leaves no work file', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    writeFileAtomicStreaming(target, (append) => {
      append(bytes('første del, '));
      append(new Uint8Array(0));
      append(bytes('andre del'));
    });
    expect(readFileSync(target, 'utf8')).toBe('første del, andre del');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['kopi.brobak']);
  });

  it('hands the finished temp file to the check before it replaces the target', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    let checked = '';
    writeFileAtomicStreaming(
      target,
      (append) => append(bytes('ny')),
      (tempPath) => {
        checked = readFileSync(tempPath, 'utf8');
        expect(existsSync(target)).toBe(false);
      },
    );
    expect(checked).toBe('ny');
  });

  it.each([
    [
      'the check refuses the new file',
      () => undefined,
      () => {
        throw new Error('kontroll feilet');
      },
    ],
    [
      'filling fails half way',
      () => {
        throw new Error('kontroll feilet');
      },
      () => undefined,
    ],
  ])(
    'when %s, the old file stays as it was, no work file is left, and the error reaches the caller',
    (_, failFill, verify) => {
      const dir = dirs.make();
      const target = join(dir, 'kopi.brobak');
      writeFileSync(target, 'gammel kopi');
      expect(() =>
        writeFileAtomicStreaming(
          target,
          (append) => {
            append(bytes('halv ny'));
            failFill();
          },
          verify,
        ),
      ).toThrow('kontroll feilet');
      expect(readFileSync(target, 'utf8')).toBe('gammel kopi');
      expect(readdirSync(dir)).toEqual(['kopi.brobak']);
    },
  );

  it('a second write replaces the first whole, not appended to it', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    writeFileAtomicStreaming(target, (append) => append(bytes('a')));
    writeFileAtomicStreaming(target, (append) => append(bytes('b')));
    expect(readFileSync(target, 'utf8')).toBe('b');
  });
});
