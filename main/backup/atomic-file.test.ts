import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { fsyncPath, writeFileAtomicStreaming } from './atomic-file';
import { openHandlesUnder } from '../../test/support/open-handles';

const dirs = tempDirs('bro-atomic-');
afterEach(() => dirs.cleanup());

const bytes = (text: string) => new TextEncoder().encode(text);

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

describe.runIf(process.platform === 'linux')('file handles', () => {
  it('a write that fails half way leaves no handle open on its work file, and reports the failure', () => {
    const dir = dirs.make();
    expect(() =>
      writeFileAtomicStreaming(join(dir, 'kopi.brobak'), (append) => {
        append(bytes('halv'));
        throw new Error('disken ble fjernet');
      }),
    ).toThrow('disken ble fjernet');
    expect(openHandlesUnder(dir)).toEqual([]);
  });

  it('flushing a file or a folder to disk leaves no handle open', () => {
    const dir = dirs.make();
    writeFileSync(join(dir, 'vault.db'), 'x');
    fsyncPath(join(dir, 'vault.db'), 'r+');
    fsyncPath(dir);
    expect(openHandlesUnder(dir)).toEqual([]);
  });
});

describe('a work file that vanished before the clean-up (a pulled USB stick)', () => {
  it('reports the failure that stopped the write, not that the work file was already gone', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    expect(() =>
      writeFileAtomicStreaming(
        target,
        (append) => append(bytes('ny')),
        (tempPath) => {
          rmSync(tempPath);
          throw new Error('kontroll feilet');
        },
      ),
    ).toThrow('kontroll feilet');
    expect(existsSync(target)).toBe(false);
  });
});

describe('fsyncPath', () => {
  const asPlatform = (platform: NodeJS.Platform, run: () => void) => {
    const own = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...own, value: platform });
    try {
      run();
    } finally {
      Object.defineProperty(process, 'platform', own);
    }
  };

  it('opens what it flushes, so a path that is gone is reported, not silently taken as durable', () => {
    const missing = join(dirs.make(), 'borte');
    expect(() => fsyncPath(missing)).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    expect(() => fsyncPath(missing, 'r+')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  it('on Windows does not open a folder (Windows cannot), but still flushes a file', () => {
    const missing = join(dirs.make(), 'borte');
    asPlatform('win32', () => {
      expect(() => fsyncPath(missing)).not.toThrow();
      expect(() => fsyncPath(missing, 'r+')).toThrow(expect.objectContaining({ code: 'ENOENT' }));
    });
  });
});

/**
 * Runs `run` with this process's file-size limit lowered to `bytes` (as a FAT32 stick's 4 GiB): a write
 * crossing it is cut short and the next one fails with EFBIG, the way a disk filling up cuts a write.
 */
function withFileSizeLimit<T>(bytes: number, run: () => T): T {
  const limit = (soft: string) => {
    const done = spawnSync('prlimit', ['--pid', String(process.pid), `--fsize=${soft}:unlimited`]);
    if (done.status !== 0) throw new Error(`prlimit failed: ${done.stderr}`);
  };
  limit(String(bytes));
  try {
    return run();
  } finally {
    limit('unlimited');
  }
}

describe.runIf(process.platform === 'linux')('a write the file system cuts short', () => {
  it('is continued where it stopped, so the file system’s own error (file too large) reaches the caller', () => {
    const dir = dirs.make();
    const target = join(dir, 'kopi.brobak');
    writeFileSync(target, 'gammel kopi');
    expect(() =>
      withFileSizeLimit(4096, () => writeFileAtomicStreaming(target, (append) => append(new Uint8Array(10_000)))),
    ).toThrow(expect.objectContaining({ code: 'EFBIG' }));
    expect(readFileSync(target, 'utf8')).toBe('gammel kopi');
    expect(readdirSync(dir)).toEqual(['kopi.brobak']);
  });
});
