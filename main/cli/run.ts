import { parseArgs } from 'node:util';
import { EXIT, type CliIo } from './cli-io';
import { backupCommand, restoreCommand } from './commands/backup-commands';
import { demoCommand } from './commands/demo-commands';
import { exportCommand } from './commands/export-commands';
import { IDENTITY_COMMANDS } from './commands/identity-commands';
import { listCommand } from './commands/list-commands';
import { purgeCommand } from './commands/purge-commands';
import { HANDOVER_COMMANDS } from './commands/handover-commands';
import { verifyCommand } from './commands/verify-commands';
import { trustAddCommand, trustListCommand, trustRemoveCommand } from './commands/trust-commands';
import {
  reportError,
  UsageError,
  vaultChangePassphrase,
  vaultCheck,
  vaultCreate,
  vaultShowKey,
  vaultRotateKey,
} from './commands/vault-commands';

type Command = (io: CliIo, rest: string[]) => Promise<number>;

type VaultOption = 'profile' | 'json' | 'recovery';

/**
 * A vault subcommand's options: `--vault` and only those it takes. Another subcommand's option is a
 * usage error, not silently ignored (`vault create --recovery` made a vault; `--json` printed text).
 */
function vaultOptions(rest: string[], allowed: readonly VaultOption[]) {
  const all = {
    profile: { type: 'string' },
    json: { type: 'boolean', default: false },
    recovery: { type: 'boolean', default: false },
  } as const;
  const { values } = parseArgs({
    args: rest,
    options: { vault: { type: 'string' }, ...Object.fromEntries(allowed.map((name) => [name, all[name]])) },
    strict: true,
    allowPositionals: false,
  });
  if (typeof values.vault !== 'string' || !values.vault) throw new UsageError('--vault');
  const given = values as Partial<Record<'vault' | VaultOption, string | boolean>>;
  const pick = <T>(name: VaultOption) => given[name] as T | undefined;
  return {
    vault: values.vault,
    profile: pick<string>('profile'),
    json: pick<boolean>('json') ?? false,
    recovery: pick<boolean>('recovery') ?? false,
  };
}

/** Commands by their words; later issues add theirs here. */
const COMMANDS: Record<string, Command> = {
  'vault create': (io, rest) => vaultCreate(io, vaultOptions(rest, ['profile', 'json'])),
  'vault check': (io, rest) => vaultCheck(io, vaultOptions(rest, ['json'])),
  'vault change-passphrase': (io, rest) => vaultChangePassphrase(io, vaultOptions(rest, [])),
  'vault show-key': (io, rest) => vaultShowKey(io, vaultOptions(rest, ['recovery', 'json'])),
  'vault rotate-key': (io, rest) => vaultRotateKey(io, vaultOptions(rest, ['json'])),
  backup: backupCommand,
  restore: restoreCommand,
  export: exportCommand,
  verify: verifyCommand,
  'trust add': trustAddCommand,
  'trust list': trustListCommand,
  'trust remove': trustRemoveCommand,
  demo: (io, rest) => demoCommand(io, rest),
  list: (io, rest) => listCommand(io, rest),
  purge: purgeCommand,
  ...IDENTITY_COMMANDS,
  ...HANDOVER_COMMANDS,
};

/** The words of every command, as `bro --help` must list them. */
export function commandWords(): string[] {
  return Object.keys(COMMANDS);
}

export function registerCommand(words: string, command: Command): void {
  COMMANDS[words] = command;
}

/** Node's parse error in the user's language: what it is, and the option or argument it is about. */
function parseArgsDetail(io: CliIo, error: Error & { code: string }): string {
  const named = /'([^']+)'/.exec(error.message)?.[1]?.split(' ')[0] ?? '';
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return io.t('cli.arg.unknownOption', { option: named });
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return io.t('cli.arg.badValue', { option: named });
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return io.t('cli.arg.unexpected', { argument: named });
  return error.message;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const words = Object.keys(COMMANDS).find((name) => {
    const parts = name.split(' ');
    return parts.every((part, index) => argv[index] === part);
  });
  if (!words || argv.includes('--help') || argv.includes('-h')) {
    (words ? io.out : io.err)(io.t('cli.usage'));
    return words ? EXIT.ok : EXIT.usage;
  }
  try {
    return await COMMANDS[words]!(io, argv.slice(words.split(' ').length));
  } catch (error) {
    const parseArgsError =
      error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (error instanceof UsageError || parseArgsError) {
      const detail = parseArgsError ? parseArgsDetail(io, error as Error & { code: string }) : (error as Error).message;
      io.err(io.t('cli.usageError', { detail }));
      io.err(io.t('cli.usage'));
      return EXIT.usage;
    }
    return reportError(io, error);
  }
}
