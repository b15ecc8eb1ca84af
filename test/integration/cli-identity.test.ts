import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { signingHandlers } from '../../main/services/signing-service';
import { createTestCa, issueTestP12, opensslFingerprint, opensslIn } from '../fixtures/signing/signing-fixtures';
import { VaultSession } from '../../main/vault/vault-session';
import type { Profile } from '../../shared/domain/profile';
import { translate, type MessageParams } from '../../shared/i18n/translate';
import { MAX_PKCS12_BYTES } from '../../shared/ipc/signing';
import { captureIo, runBro } from '../support/cli-harness';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF, PASSPHRASE } from '../support/vault-fixtures';

const dirs = tempDirs('bro-cli-identity-');
afterEach(() => dirs.cleanup());

const UNIT = 'Fiktiv fengsel, radikaliseringskontakt';
const P12_PASSWORD = 'fiktivt-p12-passord';

/**
 * A locked vault for the identity commands. Made in-process with the cheap KDF, which every later
 * unlock by a command reads from the key file: these tests are about identities, not key stretching
 * (cli-vault.test.ts creates vaults with `bro vault create`, brute-force.test.ts proves the cost).
 */
async function newVault(profile: Profile = 'NO'): Promise<string> {
  const vault = join(dirs.make(), 'vault');
  const session = new VaultSession({ dir: vault, kdfCost: FAST_KDF });
  await session.create(profile, PASSPHRASE);
  session.lock('shutdown');
  return vault;
}

/** Runs `bro …` in-process with the vault passphrase (and more variables) in its environment. */
async function bro(args: string[], env: Record<string, string> = {}) {
  const { io, out, err } = captureIo({ BRO_PASSPHRASE: PASSPHRASE, ...env });
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What the settings screen's service sees in the vault. */
async function settingsScreenIdentity(vault: string) {
  const session = new VaultSession({ dir: vault });
  await session.unlock(PASSPHRASE);
  try {
    return (await signingHandlers({ session, now: () => new Date(), locale: () => 'en' })['signing.identity']({}))
      .identity;
  } finally {
    session.lock('shutdown');
  }
}

// RSA-3072 keys take seconds: slow on a busy machine.
describe('bro identity (command line)', { timeout: 180_000 }, () => {
  it('creates a self-signed identity as a real process, shows it, and exports a certificate openssl agrees with', async () => {
    const vault = await newVault();
    const created = runBro(['identity', 'create', '--vault', vault, '--name', UNIT, '--json'], {
      BRO_PASSPHRASE: PASSPHRASE,
    });
    expect(created.code, created.stderr).toBe(0);
    const { identity } = JSON.parse(created.stdout) as {
      identity: { source: string; certificate: Record<string, unknown> };
    };
    expect(identity).toMatchObject({
      source: 'generated',
      certificate: { commonName: UNIT, organization: 'Kriminalomsorgen', selfSigned: true },
    });

    const shown = await bro(['identity', 'show', '--vault', vault]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain('self-signed');
    // RFC 4514 escapes the comma in the unit's name.
    expect(shown.out).toContain(`Holder: CN=${UNIT.replace(',', '\\,')}`);
    const screen = await settingsScreenIdentity(vault);
    expect(shown.out).toContain(screen?.fingerprintFormatted);

    const out = join(dirs.make(), 'unit.crt');
    const exported = await bro(['identity', 'export-cert', '--vault', vault, '--out', out]);
    expect(exported.code).toBe(0);
    const pem = readFileSync(out, 'utf8');
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(pem).not.toContain('PRIVATE KEY');
    expect(opensslFingerprint(opensslIn(join(out, '..')), out)).toBe(screen?.certificate.fingerprint);
  });

  it('makes an RSA-3072 identity with --algorithm rsa and a DK organisation for a DK vault', async () => {
    const vault = await newVault('DK');
    expect((await bro(['identity', 'create', '--vault', vault, '--name', UNIT, '--algorithm', 'rsa'])).code).toBe(0);
    const out = join(dirs.make(), 'unit.crt');
    expect((await bro(['identity', 'export-cert', '--vault', vault, '--out', out])).code).toBe(0);
    const text = opensslIn(join(out, '..'))('x509', '-in', out, '-noout', '-text');
    expect(text).toContain('rsaEncryption');
    expect(text).toMatch(/Public-Key: \(3072 bit\)/);
    expect((await settingsScreenIdentity(vault))?.certificate.organization).toBe('Kriminalforsorgen');
  });

  it('replaces an existing identity only with --replace, as the settings screen asks to confirm', async () => {
    const vault = await newVault();
    expect((await bro(['identity', 'create', '--vault', vault, '--name', UNIT])).code).toBe(0);
    const first = await settingsScreenIdentity(vault);
    const refused = await bro(['identity', 'create', '--vault', vault, '--name', 'Annen enhet']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('already has a signing identity');
    expect((await settingsScreenIdentity(vault))?.certificate.fingerprint).toBe(first?.certificate.fingerprint);
    expect((await bro(['identity', 'create', '--vault', vault, '--name', 'Annen enhet', '--replace'])).code).toBe(0);
    expect((await settingsScreenIdentity(vault))?.certificate.commonName).toBe('Annen enhet');
  });

  it('imports a PKCS#12 file with its password from BRO_P12_PASSPHRASE, keeping the chain', async () => {
    const vault = await newVault();
    const work = dirs.make();
    const openssl = opensslIn(work);
    createTestCa(openssl, work);
    issueTestP12(openssl, work, { name: 'unit', password: P12_PASSWORD, commonName: UNIT });
    const p12 = join(work, 'unit.p12');

    const wrong = await bro(['identity', 'import', '--vault', vault, '--p12', p12], { BRO_P12_PASSPHRASE: 'feil' });
    expect(wrong.code).not.toBe(0);
    expect(await settingsScreenIdentity(vault)).toBeNull();

    const imported = await bro(['identity', 'import', '--vault', vault, '--p12', p12, '--json'], {
      BRO_P12_PASSPHRASE: P12_PASSWORD,
    });
    expect(imported.code, imported.err).toBe(0);
    const { identity } = JSON.parse(imported.out) as {
      identity: { source: string; chainLength: number; certificate: { fingerprint: string } };
    };
    expect(identity).toMatchObject({ source: 'pkcs12', chainLength: 1 });
    expect(identity.certificate.fingerprint).toBe(opensslFingerprint(openssl, 'unit.pem'));
  });

  it('refuses a missing or oversized PKCS#12 file before reading it, and a missing password, writing nothing', async () => {
    const vault = await newVault();
    const before = snapshotFiles(vault);
    const big = join(dirs.make(), 'big.p12');
    writeFileSync(big, Buffer.alloc(MAX_PKCS12_BYTES + 1));
    const env = { BRO_P12_PASSPHRASE: P12_PASSWORD };
    const tooBig = await bro(['identity', 'import', '--vault', vault, '--p12', big], env);
    expect(tooBig).toMatchObject({ code: 2 });
    expect(tooBig.err).toContain('at most 262144 bytes');
    const missing = await bro(['identity', 'import', '--vault', vault, '--p12', join(dirs.make(), 'none.p12')], env);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('There is no file');
    const small = join(dirs.make(), 'small.p12');
    writeFileSync(small, 'not a pkcs12 file');
    const noPassword = await bro(['identity', 'import', '--vault', vault, '--p12', small]);
    expect(noPassword.code).toBe(2);
    expect(noPassword.err).toContain('BRO_P12_PASSPHRASE');
    expect(snapshotFiles(vault)).toEqual(before);
  });

  it('refuses bad arguments with usage errors: no --name, a name too long for a certificate, an unknown algorithm, a password argument', async () => {
    const vault = await newVault();
    const cases = [
      ['identity', 'create', '--vault', vault],
      ['identity', 'create', '--vault', vault, '--name', 'x'.repeat(65)],
      ['identity', 'create', '--vault', vault, '--name', UNIT, '--algorithm', 'dsa'],
      ['identity', 'import', '--vault', vault, '--p12', 'x.p12', '--password', 'hemmelig'],
      ['identity', 'show'],
    ];
    for (const args of cases) expect((await bro(args)).code, args.join(' ')).toBe(2);
    expect((await bro(cases[2] ?? [])).err).toContain('--algorithm must be ec');
    expect(await settingsScreenIdentity(vault)).toBeNull();
  });

  it('says the vault has no identity (exit 1) and never overwrites a certificate file without --force', async () => {
    const vault = await newVault();
    const none = await bro(['identity', 'show', '--vault', vault, '--json']);
    expect(none).toMatchObject({ code: 1, out: '{"identity":null}' });
    const out = join(dirs.make(), 'unit.crt');
    expect((await bro(['identity', 'export-cert', '--vault', vault, '--out', out])).code).toBe(1);
    expect(existsSync(out)).toBe(false);

    expect((await bro(['identity', 'create', '--vault', vault, '--name', UNIT])).code).toBe(0);
    writeFileSync(out, 'older file');
    expect((await bro(['identity', 'export-cert', '--vault', vault, '--out', out])).code).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe('older file');
    expect((await bro(['identity', 'export-cert', '--vault', vault, '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('BEGIN CERTIFICATE');
    // Not over the vault's own files, even with --force: the vault still opens.
    const keys = readFileSync(join(vault, 'vault-keys.json'), 'utf8');
    const intoVault = await bro([
      'identity',
      'export-cert',
      '--vault',
      vault,
      '--out',
      join(vault, 'vault-keys.json'),
      '--force',
    ]);
    expect(intoVault.code).toBe(2);
    expect(intoVault.err).toContain('vault folder');
    expect(readFileSync(join(vault, 'vault-keys.json'), 'utf8')).toBe(keys);
    expect((await bro(['identity', 'show', '--vault', vault])).code).toBe(0);
  });

  it('speaks Norwegian when the locale is nb', async () => {
    const vault = await newVault();
    const { io, err } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    const nb = {
      ...io,
      locale: 'nb' as const,
      t: (key: string, params?: MessageParams) => translate('nb', key, params),
    };
    expect(await runCli(['identity', 'show', '--vault', vault], nb)).toBe(1);
    expect(err.join('\n')).toContain('Hvelvet har ingen signeringsidentitet');
  });
});
