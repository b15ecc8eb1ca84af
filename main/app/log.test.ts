import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { createCrashLog, errorNameOf, type CrashEvent } from './log';

const fixedNow = () => new Date('2026-03-01T10:00:00.000Z');

function lines(path: string): Record<string, string>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, string>);
}

describe('crash log', () => {
  const temp = tempDirs('bro-crash-log-');
  afterEach(() => temp.cleanup());

  it('writes channel, code and class names, one JSON line each', () => {
    const log = createCrashLog(join(temp.make(), 'logs'), { now: fixedNow });
    log.record({ kind: 'ipc_error', channel: 'vault.unlock', code: 'wrong_passphrase', errorName: 'AppError' });
    log.record({ kind: 'request_blocked', scheme: 'https' });
    expect(lines(log.path)).toEqual([
      {
        time: '2026-03-01T10:00:00.000Z',
        kind: 'ipc_error',
        channel: 'vault.unlock',
        code: 'wrong_passphrase',
        errorName: 'AppError',
      },
      { time: '2026-03-01T10:00:00.000Z', kind: 'request_blocked', scheme: 'https' },
    ]);
  });

  it('never writes free text, even when a caller passes personal data where a name belongs', () => {
    const log = createCrashLog(temp.make(), { now: fixedNow });
    const hostile: CrashEvent[] = [
      {
        kind: 'ipc_error',
        channel: 'Ola Testmann født 01.01.1980',
        code: 'Kari Fiktiv',
        errorName: 'Jens Opdigtet, KOMPIS 123',
      },
      { kind: 'ipc_refused', channel: 'cases.get?name=Ola Testmann' },
      { kind: 'uncaught_exception', errorName: 'TypeError: cannot read "Ola Testmann"' },
      { kind: 'render_process_gone', reason: '/home/kari/Bro/vault/Ola-Testmann.db' },
    ];
    hostile.forEach((event) => log.record(event));
    const text = readFileSync(log.path, 'utf8');
    expect(text).not.toMatch(/Ola|Kari|Jens|Testmann|KOMPIS|home|vault\//);
    expect(lines(log.path).map((line) => line.kind)).toEqual([
      'ipc_error',
      'ipc_refused',
      'uncaught_exception',
      'render_process_gone',
    ]);
  });

  it('names a thrown error by its class, not its message', () => {
    class VaultLockedError extends Error {}
    expect(errorNameOf(new VaultLockedError('Ola Testmann'))).toBe('VaultLockedError');
    expect(errorNameOf(new TypeError('Kari Fiktiv'))).toBe('TypeError');
    expect(errorNameOf('Jens Opdigtet')).toBe('string');
  });

  it('rotates the file once it passes its size limit, keeping one previous file', () => {
    const log = createCrashLog(temp.make(), { now: fixedNow, maxBytes: 200 });
    for (let index = 0; index < 10; index += 1) log.record({ kind: 'request_blocked', scheme: 'https' });
    expect(readFileSync(log.path, 'utf8').length).toBeLessThan(300);
    expect(readFileSync(`${log.path}.1`, 'utf8')).toContain('request_blocked');
  });

  it('does not throw when the folder cannot be written', () => {
    const blocker = join(temp.make(), 'file');
    writeFileSync(blocker, 'not a folder');
    const log = createCrashLog(join(blocker, 'logs'));
    expect(() => log.record({ kind: 'request_blocked', scheme: 'https' })).not.toThrow();
  });
});
