// `bro` as an administrator's script meets it (audit 5): a refused command leaves the vault byte for
// byte, a vault from a newer Bro is not written to, a path that is no folder or a file that cannot be
// read is named as such, and messages are in the user's language. Real vaults, fictional data only.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localeFromEnv, type CliIo } from '../../main/cli/cli-io';
import { runCli } from '../../main/cli/run';
import { VaultSession } from '../../main/vault/vault-session';
import type { Locale } from '../../shared/domain/profile';
import { translate } from '../../shared/i18n/translate';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { OTHER_PASSPHRASE, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-cli-refusals-');
afterAll(() => dirs.cleanup());
const env = { BRO_PASSPHRASE: PASSPHRASE };

async function bro(args: string[], vars: Record<string, string> = env, locale: Locale = 'en') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    locale,
    env: vars,
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    t: (key, params) => translate(locale, key, params),
    secret: async (name) => vars[name] ?? null,
  };
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function newVault() {
  const root = dirs.make();
  const vault = join(root, 'vault');
  expect((await bro(['vault', 'create', '--vault', vault])).code).toBe(0);
  return { root, vault };
}

describe('a refused passphrase change or key rotation', () => {
  it.each([['change-passphrase'], ['rotate-key']])(
    'vault %s with a weak new passphrase exits 1 and leaves the vault byte for byte',
    async (command) => {
      const { vault } = await newVault();
      const before = snapshotFiles(vault);
      const run = await bro(['vault', command, '--vault', vault], { ...env, BRO_NEW_PASSPHRASE: 'kort' });
      expect(run.code).toBe(1);
      expect(run.err).toBe(translate('en', 'error.weak_passphrase'));
      expect(snapshotFiles(vault)).toEqual(before);
    },
  );

  it('vault rotate-key while the app has the vault open says nothing was changed, and nothing was', async () => {
    const { vault } = await newVault();
    const app = new VaultSession({ dir: vault, healthCheck: false });
    await app.unlock(PASSPHRASE);
    try {
      const count = () => app.current().db.prepare('SELECT count(*) FROM audit_log', { pluck: true }).get();
      const logged = count();
      const run = await bro(['vault', 'rotate-key', '--vault', vault], {
        ...env,
        BRO_NEW_PASSPHRASE: OTHER_PASSPHRASE,
      });
      expect(run.code).toBe(1);
      expect(run.err).toBe(translate('en', 'security.rotate.vaultInUse'));
      expect(count()).toBe(logged);
    } finally {
      app.lock();
    }
  });
});

describe('a vault from a newer Bro', () => {
  it('bro backup refuses it as every command does, and writes nothing into it', async () => {
    const root = dirs.make();
    const vault = join(root, 'newer');
    const session = new VaultSession({ dir: vault, healthCheck: false });
    await session.create('NO', PASSPHRASE);
    session.current().db.pragma('user_version = 999');
    session.lock();
    const before = snapshotFiles(vault);
    const run = await bro(['backup', '--vault', vault, '--out', join(root, 'newer.brobak')]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(translate('en', 'error.vault_newer', { found: 999, supported: 0 }).slice(0, 30));
    expect(snapshotFiles(vault)).toEqual(before);
  });
});

describe('paths that are not what the command needs', () => {
  it.each([[['vault', 'check']], [['list']], [['vault', 'create']]])(
    'bro %j --vault FILE says the path is a file, not a folder (exit 2)',
    async (words) => {
      const file = join(dirs.make(), 'rapport.txt');
      writeFileSync(file, 'ikke et hvelv');
      const run = await bro([...words, '--vault', file]);
      expect(run.code).toBe(2);
      expect(run.err).toBe(translate('en', 'error.vault_not_folder', { path: file }));
    },
  );

  it('bro trust add with a file that does not exist says it cannot be read', async () => {
    const { root, vault } = await newVault();
    const run = await bro(['trust', 'add', join(root, 'kdi-ca.pem'), '--vault', vault]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(translate('en', 'export.cli.cannotRead', { file: 'kdi-ca.pem' }));
  });
});

describe('the user’s language', () => {
  it('an empty LC_ALL or BRO_LANG counts as unset (POSIX): LANG decides', () => {
    expect(localeFromEnv({ LC_ALL: '', LANG: 'nb_NO.UTF-8' })).toBe('nb');
    expect(localeFromEnv({ BRO_LANG: '', LANG: 'da_DK.UTF-8' })).toBe('da');
  });

  it('bro purge (dry run) names document kinds in the user’s language, as bro list does', async () => {
    const vault = join(dirs.make(), 'vault');
    expect((await bro(['demo', '--vault', vault, '--cases', '1'])).code).toBe(0);
    const run = await bro(['purge', '--vault', vault, '--case', 'KOMPIS-DEMO-00001'], env, 'nb');
    expect(run.code).toBe(0);
    expect(run.out).toContain(translate('nb', 'domain.kind.observation'));
    expect(run.out).not.toMatch(/^\s+observation [0-9a-f-]{36}$/m);
  });
});

describe('options a command does not take', () => {
  it('are usage errors (exit 2) for the vault subcommands, not silently ignored, and change nothing', async () => {
    const { root, vault } = await newVault();
    const before = snapshotFiles(vault);
    expect((await bro(['vault', 'check', '--vault', vault, '--profile', 'DK'])).code).toBe(2);
    const changing = await bro(['vault', 'change-passphrase', '--vault', vault, '--json'], {
      ...env,
      BRO_NEW_PASSPHRASE: OTHER_PASSPHRASE,
    });
    expect(changing.code).toBe(2);
    expect(changing.out).toBe('');
    expect(snapshotFiles(vault)).toEqual(before);
    const other = join(root, 'ny');
    expect((await bro(['vault', 'create', '--vault', other, '--recovery'])).code).toBe(2);
    expect(snapshotFiles(root)).not.toHaveProperty('ny/vault.db');
  });

  it('are named in the user’s language, with no English detail', async () => {
    const run = await bro(['list', '--vault', dirs.make(), '--bogus'], env, 'nb');
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      translate('nb', 'cli.usageError', { detail: translate('nb', 'cli.arg.unknownOption', { option: '--bogus' }) }),
    );
    expect(run.err).not.toContain('Unknown option');
  });
});
