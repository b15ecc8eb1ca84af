import { spawnSync } from 'node:child_process';
import type { CliIo } from '../../main/cli/cli-io';
import { translate } from '../../shared/i18n/translate';

/** An in-process CLI I/O with captured output and secrets from a map (as the environment would give). */
export function captureIo(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    locale: 'en',
    env,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    t: (key, params) => translate('en', key, params),
    secret: async (name) => env[name] ?? null,
  };
  return { io, out, err };
}

/**
 * Runs the real `bro` command in a child process, as an administrator's script would: node with
 * tsx's loader over the source (not `npx tsx`, whose npm start-up cost a second of CPU per call).
 */
export function runBro(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, BRO_LANG: 'en', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
