import { parseArgs } from 'node:util';
import type { IsoDate, Profile } from '../../../shared/domain';
import { IsoDateSchema, ProfileSchema } from '../../../shared/domain';
import type { Db } from '../../db/connection';
import { generateDemo, DEMO_SEED } from '../../demo/generate-demo';
import { AppError } from '../../ipc/app-error';
import { localDate } from '../../services/service-context';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { progressLine } from '../progress-line';
import { UsageError } from './vault-commands';
import { caseCount } from '../../services/vault-listing';

export const MAX_DEMO_CASES = 100_000;

export async function requireSecret(io: CliIo, envName: string, promptKey: string): Promise<string> {
  const secret = await io.secret(envName, promptKey);
  if (secret === null) throw new UsageError(io.t('cli.secretMissing', { env: envName }));
  return secret;
}

export interface DemoArgs {
  vault: string;
  profile?: Profile;
  cases: number;
  today: IsoDate;
  seed: number;
  json: boolean;
}

const wholeNumber = (text: string) => (/^\d{1,9}$/.test(text) ? Number(text) : Number.NaN);

export function parseDemoArgs(io: CliIo, rest: string[], now: Date = new Date()): DemoArgs {
  const { values } = parseArgs({
    args: rest,
    options: {
      vault: { type: 'string' },
      profile: { type: 'string' },
      cases: { type: 'string' },
      today: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!values.vault) throw new UsageError('--vault');
  const profile = values.profile === undefined ? undefined : ProfileSchema.safeParse(values.profile.toUpperCase());
  if (profile && !profile.success) throw new UsageError(io.t('cli.badProfile'));
  const cases = values.cases === undefined ? 20 : wholeNumber(values.cases);
  if (!(cases >= 1 && cases <= MAX_DEMO_CASES)) throw new UsageError(io.t('demo.badCases', { max: MAX_DEMO_CASES }));
  const today = IsoDateSchema.safeParse(values.today ?? localDate(now));
  if (!today.success) throw new UsageError(io.t('demo.badToday'));
  const seed = values.seed === undefined ? DEMO_SEED : wholeNumber(values.seed);
  if (Number.isNaN(seed)) throw new UsageError(io.t('demo.badSeed'));
  return {
    vault: values.vault,
    ...(profile ? { profile: profile.data } : {}),
    cases,
    today: today.data,
    seed,
    json: values.json,
  };
}

/** Creates the vault when the folder has none (showing its recovery key once), else unlocks it. */
async function openOrCreate(io: CliIo, args: DemoArgs): Promise<{ session: VaultSession; recoveryKey?: string }> {
  const session = new VaultSession({ dir: args.vault });
  const status = session.status();
  if (status.state === 'none') {
    const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptNewPassphrase');
    const { recoveryKey } = await session.create(args.profile ?? 'NO', passphrase);
    return { session, recoveryKey };
  }
  const vaultProfile = status.state === 'locked' ? status.profile : undefined;
  if (vaultProfile && args.profile && vaultProfile !== args.profile) {
    throw new AppError('conflict', 'demo.profileMismatch', { vaultProfile, profile: args.profile });
  }
  await session.unlock(await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase'));
  return { session };
}

/** Invented data never joins real cases: a vault with any case, even a deleted one, is refused. */
function assertEmpty(db: Db): void {
  const cases = caseCount(db);
  if (cases > 0) throw new AppError('conflict', 'demo.notEmpty', { cases });
}

/**
 * `bro demo --vault DIR [--profile NO|DK] [--cases N] [--today YYYY-MM-DD] [--seed N] [--json]`:
 * fills an empty vault (created if missing) with invented cases whose dates are relative to today.
 */
export async function demoCommand(io: CliIo, rest: string[]): Promise<number> {
  const args = parseDemoArgs(io, rest);
  const { session, recoveryKey } = await openOrCreate(io, args);
  try {
    const { db, profile } = session.current();
    assertEmpty(db);
    const line = progressLine(io, 'demoFill');
    const result = generateDemo(db, {
      profile,
      today: args.today,
      cases: args.cases,
      seed: args.seed,
      onProgress: (done) => line.report(done, args.cases),
    });
    line.end();
    if (args.json) {
      io.out(
        JSON.stringify({
          ok: true,
          created: recoveryKey !== undefined,
          profile,
          today: args.today,
          seed: args.seed,
          ...result,
          ...(recoveryKey ? { recoveryKey } : {}),
        }),
      );
      return EXIT.ok;
    }
    if (recoveryKey) {
      io.out(io.t('demo.vaultCreated', { profile }));
      io.out(io.t('cli.recoveryKeyOnce'));
      io.out(`\n    ${recoveryKey}\n`);
    }
    io.out(io.t('demo.filled', { ...result, profile, today: args.today }));
    return EXIT.ok;
  } finally {
    session.lock('shutdown');
  }
}
