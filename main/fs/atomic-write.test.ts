import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { prepareAtomicWrite, writeThenRecord } from './atomic-write';

const dirs = tempDirs('bro-atomic-write-');
afterEach(() => dirs.cleanup());

const bytes = (text: string) => new TextEncoder().encode(text);

describe('writeThenRecord', () => {
  it('removes the plaintext copy a killed earlier export left beside the same file, and no other', () => {
    const dir = dirs.make();
    const target = join(dir, 'oppfolgingsplan-v2.pdf');
    const other = join(dir, 'bekymringsmelding-v1.pdf');
    // A process killed after flushing its copy and before putting it in place leaves the hidden sibling.
    prepareAtomicWrite(target, bytes('Fiktiv Person, plan'));
    prepareAtomicWrite(other, bytes('Fiktiv Person, melding'));
    expect(readdirSync(dir)).toHaveLength(2);

    const logged = writeThenRecord(target, bytes('ny plan'), (putInPlace) => {
      putInPlace();
      return 'logget';
    });

    expect(logged).toBe('logget');
    expect(readFileSync(target, 'utf8')).toBe('ny plan');
    const left = readdirSync(dir).filter((name) => name !== 'oppfolgingsplan-v2.pdf');
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^\.bekymringsmelding-v1\.pdf\./);
  });

  it('leaves neither the file nor its copy when the log fails', () => {
    const dir = dirs.make();
    const target = join(dir, 'plan.pdf');
    expect(() =>
      writeThenRecord(target, bytes('plan'), () => {
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readdirSync(dir)).toEqual([]);
  });
});
