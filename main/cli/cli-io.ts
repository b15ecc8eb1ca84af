import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import type { Locale } from '../../shared/domain/profile';
import { translate, type MessageParams } from '../../shared/i18n/translate';

/** Exit codes of `bro`: 0 ok, 1 refused (wrong passphrase, check failed), 2 usage or unreadable input. */
export const EXIT = { ok: 0, refused: 1, usage: 2, untrusted: 3 } as const;

export interface CliIo {
  locale: Locale;
  env: NodeJS.ProcessEnv;
  out(text: string): void;
  err(text: string): void;
  /** Reads a secret: from the named environment variable for scripts, else a hidden TTY prompt. */
  secret(envName: string, promptKey: string): Promise<string | null>;
  t(key: string, params?: MessageParams): string;
}

export function localeFromEnv(env: NodeJS.ProcessEnv): Locale {
  // An empty variable counts as unset (POSIX): `LC_ALL=` leaves LANG to decide.
  const named = [env.BRO_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find(
    (value) => value !== undefined && value !== '',
  );
  const tag = (named ?? '').toLowerCase();
  if (/^(nb|no|nn)/.test(tag)) return 'nb';
  if (/^da/.test(tag)) return 'da';
  return 'en';
}

function promptHidden(question: string): Promise<string | null> {
  if (!process.stdin.isTTY) return Promise.resolve(null);
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (!muted) process.stderr.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

export function processIo(env: NodeJS.ProcessEnv = process.env): CliIo {
  const locale = localeFromEnv(env);
  const t = (key: string, params?: MessageParams) => translate(locale, key, params);
  return {
    locale,
    env,
    t,
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    async secret(envName, promptKey) {
      const fromEnv = env[envName];
      if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
      return promptHidden(`${t(promptKey)}: `);
    },
  };
}
