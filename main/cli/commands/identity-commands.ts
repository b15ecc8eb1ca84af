import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { refuseInsideVault } from '../../files/vault-folder-guard';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';
import { MAX_PKCS12_BYTES, signingChannels, type SigningIdentitySummary } from '../../../shared/ipc/signing';
import { signingHandlers } from '../../services/signing-service';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { UsageError } from './vault-commands';

/**
 * `bro identity create|import|show|export-cert`: the unit's signing identity from the command line,
 * through the same signing service (and the same input schemas) as the settings screen, so a
 * command and its screen cannot drift apart.
 */

const ALGORITHMS = { ec: 'ecdsa-p256', rsa: 'rsa-3072' } as const;

type Handlers = ReturnType<typeof signingHandlers>;

type Values = Record<string, string | boolean | undefined>;

function options(
  rest: string[],
  extra: NonNullable<ParseArgsConfig['options']> = {},
): Values & { vault: string; json: boolean } {
  const { values } = parseArgs({
    args: rest,
    options: { vault: { type: 'string' }, json: { type: 'boolean', default: false }, ...extra },
    strict: true,
    allowPositionals: false,
  });
  const parsed = values as Values;
  if (typeof parsed.vault !== 'string' || parsed.vault === '') throw new UsageError('--vault');
  return { ...parsed, vault: parsed.vault, json: parsed.json === true };
}

function stringOption(values: Record<string, unknown>, name: string, required: true): string;
function stringOption(values: Record<string, unknown>, name: string, required: false): string | undefined;
function stringOption(values: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = values[name];
  if (typeof value === 'string' && value !== '') return value;
  if (required) throw new UsageError(`--${name}`);
  return undefined;
}

/** The channel's own input schema: bad input is refused here exactly as the settings screen refuses it. */
function channelInput<C extends 'signing.generateIdentity' | 'signing.importPkcs12'>(
  channel: C,
  input: unknown,
  option: (field: string) => string,
): z.output<(typeof signingChannels)[C]['input']> {
  const parsed = signingChannels[channel].input.safeParse(input);
  if (parsed.success) return parsed.data as z.output<(typeof signingChannels)[C]['input']>;
  throw new UsageError(option(String(parsed.error.issues[0]?.path[0] ?? '')));
}

async function secret(io: CliIo, envName: string, promptKey: string): Promise<string> {
  const value = await io.secret(envName, promptKey);
  if (value === null) throw new UsageError(io.t('cli.secretMissing', { env: envName }));
  return value;
}

/** Unlocks the vault with BRO_PASSPHRASE (or the prompt), runs `use` with the signing service, locks again. */
async function withSigning<T>(io: CliIo, vault: string, use: (handlers: Handlers) => T | Promise<T>): Promise<T> {
  const passphrase = await secret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const session = new VaultSession({ dir: vault });
  await session.unlock(passphrase);
  try {
    return await use(signingHandlers({ session, now: () => new Date(), locale: () => io.locale }));
  } finally {
    session.lock('shutdown');
  }
}

function printSummary(io: CliIo, summary: SigningIdentitySummary, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ identity: summary }));
    return;
  }
  const { certificate } = summary;
  io.out(io.t(`identity.cli.source.${summary.source}`));
  io.out(`  ${io.t('export.identity.subject')}: ${certificate.subject}`);
  io.out(`  ${io.t('export.identity.issuer')}: ${certificate.issuer}`);
  io.out(`  ${io.t('export.identity.validFrom')}: ${certificate.notBefore}`);
  io.out(`  ${io.t('export.identity.validTo')}: ${certificate.notAfter}`);
  io.out(`  ${io.t('identity.cli.fingerprint')}: ${summary.fingerprintFormatted}`);
}

/** `bro identity create --vault DIR --name NAME [--org ORG] [--algorithm ec|rsa] [--replace] [--json]` */
export async function identityCreate(io: CliIo, rest: string[]): Promise<number> {
  const values = options(rest, {
    name: { type: 'string' },
    org: { type: 'string' },
    algorithm: { type: 'string', default: 'ec' },
    replace: { type: 'boolean', default: false },
  });
  const algorithm = ALGORITHMS[String(values.algorithm) as keyof typeof ALGORITHMS];
  if (!algorithm) throw new UsageError(io.t('identity.cli.badAlgorithm'));
  const org = stringOption(values, 'org', false);
  const input = channelInput(
    'signing.generateIdentity',
    {
      unitName: stringOption(values, 'name', true),
      ...(org === undefined ? {} : { organization: org }),
      algorithm,
      replace: values.replace === true,
    },
    (field) => (field === 'organization' ? '--org' : '--name'),
  );
  const summary = await withSigning(io, values.vault, (signing) => signing['signing.generateIdentity'](input));
  if (!values.json) io.out(io.t('identity.cli.created'));
  printSummary(io, summary, values.json);
  return EXIT.ok;
}

/** `bro identity import --vault DIR --p12 FILE [--replace] [--json]`, the file's password from BRO_P12_PASSPHRASE. */
export async function identityImport(io: CliIo, rest: string[]): Promise<number> {
  const values = options(rest, { p12: { type: 'string' }, replace: { type: 'boolean', default: false } });
  const file = stringOption(values, 'p12', true);
  if (!existsSync(file) || !statSync(file).isFile()) {
    io.err(io.t('identity.cli.noFile', { file }));
    return EXIT.usage;
  }
  // Checked before reading, so a wrong file of gigabytes is never loaded.
  if (statSync(file).size > MAX_PKCS12_BYTES) {
    io.err(io.t('identity.cli.fileTooLarge', { file, max: MAX_PKCS12_BYTES }));
    return EXIT.usage;
  }
  const password = await secret(io, 'BRO_P12_PASSPHRASE', 'identity.cli.promptP12');
  const input = channelInput(
    'signing.importPkcs12',
    { fileBase64: readFileSync(file).toString('base64'), password, replace: values.replace === true },
    (field) => (field === 'password' ? 'BRO_P12_PASSPHRASE' : '--p12'),
  );
  const summary = await withSigning(io, values.vault, (signing) => signing['signing.importPkcs12'](input));
  if (!values.json) io.out(io.t('identity.cli.imported'));
  printSummary(io, summary, values.json);
  return EXIT.ok;
}

/** `bro identity show --vault DIR [--json]`: exit 1 when the vault has no identity yet. */
export async function identityShow(io: CliIo, rest: string[]): Promise<number> {
  const values = options(rest);
  const { identity } = await withSigning(io, values.vault, async (signing) => signing['signing.identity']({}));
  if (!identity) {
    if (values.json) io.out(JSON.stringify({ identity: null }));
    else io.err(io.t('export.identity.missing'));
    return EXIT.refused;
  }
  printSummary(io, identity, values.json);
  return EXIT.ok;
}

/** `bro identity export-cert --vault DIR --out FILE [--force] [--json]`: the certificate as PEM, never the key. */
export async function identityExportCert(io: CliIo, rest: string[]): Promise<number> {
  const values = options(rest, { out: { type: 'string' }, force: { type: 'boolean', default: false } });
  const out = stringOption(values, 'out', true);
  if (existsSync(out) && values.force !== true) {
    io.err(io.t('export.cli.exists', { file: out }));
    return EXIT.refused;
  }
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory()) {
    io.err(io.t('export.cli.noFolder', { file: out }));
    return EXIT.usage;
  }
  refuseInsideVault(out, values.vault);
  const { pem, identity } = await withSigning(io, values.vault, async (signing) => ({
    ...(await signing['signing.certificate']({})),
    identity: (await signing['signing.identity']({})).identity,
  }));
  writeFileSync(out, pem, { flag: values.force === true ? 'w' : 'wx', mode: 0o644 });
  const fingerprint = identity?.fingerprintFormatted ?? '';
  if (values.json) io.out(JSON.stringify({ ok: true, file: out, fingerprint: identity?.certificate.fingerprint }));
  else io.out(io.t('identity.cli.certWritten', { file: out, fingerprint }));
  return EXIT.ok;
}

export const IDENTITY_COMMANDS = {
  'identity create': identityCreate,
  'identity import': identityImport,
  'identity show': identityShow,
  'identity export-cert': identityExportCert,
} as const;
