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

function vaultOptions(rest: string[]) {
  const { values } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      profile: { type: 'string' },
      json: { type: 'boolean', default: false },
      recovery: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.vault) throw new UsageError('--vault');
  return { ...values, vault: values.vault };
}

/** Commands by their words; later issues add theirs here. */
const COMMANDS: Record<string, Command> = {
  'vault create': (io, rest) => vaultCreate(io, vaultOptions(rest)),
  'vault check': (io, rest) => vaultCheck(io, vaultOptions(rest)),
  'vault change-passphrase': (io, rest) => vaultChangePassphrase(io, vaultOptions(rest)),
  'vault show-key': (io, rest) => vaultShowKey(io, vaultOptions(rest)),
  'vault rotate-key': (io, rest) => vaultRotateKey(io, vaultOptions(rest)),
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
      io.err(io.t('cli.usageError', { detail: (error as Error).message }));
      io.err(io.t('cli.usage'));
      return EXIT.usage;
    }
    return reportError(io, error);
  }
}
