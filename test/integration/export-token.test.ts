import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCommand } from '../../main/cli/commands/export-commands';
import { registerCommand, runCli } from '../../main/cli/run';
import { exportDocument } from '../../main/services/export-service';
import { setSigningTokenConfig } from '../../main/services/export-signer';
import { verifyAsice } from '../../main/signing/asice-verify';
import { verifyPdf } from '../../main/signing/pades-verify';
import { run } from '../fixtures/signing/signing-fixtures';
import { makeTestToken, softHsmSkipReason, type TestToken } from '../fixtures/softhsm/token';
import { captureIo } from '../support/cli-harness';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { exportArea, finalisedPlan, makeCase } from './export-fixtures';

const skip = softHsmSkipReason();
// As main/cli/run.ts registers it, so the refusal goes through the real error mapping.
registerCommand('export', exportCommand);
const apps = serviceApps();
const temp = tempDirs('bro-export-token-');
let s: ServiceApp;
let token: TestToken;
let out: string;
let documentId: string;

afterAll(() => {
  apps.cleanup();
  temp.cleanup();
  token?.cleanup();
});

const tokenFlags = (key = 'rsa') => [
  '--pkcs11-module',
  token.rsa.modulePath,
  '--pkcs11-token',
  token.label,
  '--pkcs11-key',
  key,
];

const exportArgs = (file: string, format = 'pdf') => [
  ...['--vault', s.vaultDir, '--case', 'KOMPIS-7101', '--doc', 'follow_up_plan'],
  ...['--format', format, '--out', file],
];

async function exportLogSize(): Promise<number> {
  await s.app.session.unlock(PASSPHRASE);
  const log = await s.call('export.log', { documentId });
  s.app.session.lock();
  return log.entries.length;
}

describe.skipIf(skip !== null)(`Exports signed on a PKCS#11 token${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(async () => {
    token = makeTestToken();
    // The app's clock is the real one: the token's certificates were issued a moment ago.
    s = await apps.make('NO', new Date(Date.now() + 2000).toISOString());
    documentId = (await finalisedPlan(s, await makeCase(s, 'KOMPIS-7101'))).id;
    out = temp.make();
    s.app.session.lock();
  }, 300_000);

  it('bro export with --pkcs11-* flags signs on the token, with no identity in the vault', async () => {
    const file = join(out, 'plan.pdf');
    const { io, err } = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_PKCS11_PIN: token.pin });
    expect(await exportCommand(io, [...exportArgs(file), ...tokenFlags()])).toBe(0);
    expect(err).toEqual([]);
    const pdf = new Uint8Array(readFileSync(file));
    const report = await verifyPdf(pdf, { trust: { certificates: [token.caDer] } });
    expect(report.status).toBe('valid');
    expect(report.signer?.commonName).toBe('Fiktiv enhet RSA');
    expect(run('pdfsig', [file]).stdout).toContain('Signature Validation: Signature is Valid.');
    expect(await exportLogSize()).toBe(1);
  });

  it('a wrong PIN says so, exits 1, writes no file and logs nothing', async () => {
    const file = join(out, 'wrong-pin.pdf');
    const { io, err } = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_PKCS11_PIN: '000000' });
    expect(await runCli(['export', ...exportArgs(file), ...tokenFlags()], io)).toBe(1);
    expect(err.join('\n')).toContain('Wrong PIN. Nothing was signed.');
    expect(err.join('\n')).not.toContain('000000');
    expect(existsSync(file)).toBe(false);
    expect(await exportLogSize()).toBe(1);
  });

  it('asks for the PIN and refuses when there is no terminal to ask from', async () => {
    const file = join(out, 'no-pin.pdf');
    const { io } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    await expect(exportCommand(io, [...exportArgs(file), ...tokenFlags()])).rejects.toThrow(/BRO_PKCS11_PIN/);
    expect(existsSync(file)).toBe(false);
  });

  it('token flags without --pkcs11-module are a usage error', async () => {
    const { io } = captureIo({ BRO_PASSPHRASE: PASSPHRASE, BRO_PKCS11_PIN: token.pin });
    const half = ['--pkcs11-token', token.label, '--pkcs11-key', 'rsa'];
    await expect(exportCommand(io, [...exportArgs(join(out, 'half.pdf')), ...half])).rejects.toThrow(/--pkcs11-module/);
  });

  it("signs with the vault's token setting and the PIN given for that export only", async () => {
    await s.app.session.unlock(PASSPHRASE);
    const deps = { session: s.app.session, now: () => new Date(), locale: () => 'en' as const };
    setSigningTokenConfig(deps, token.ec);
    const request = { documentId, recipient: 'kdi' as const };
    await expect(exportDocument(deps, 'asice', request)).rejects.toMatchObject({
      messageKey: 'token.error.pinRequired',
    });
    const { bytes } = await exportDocument(deps, 'asice', { ...request, pin: token.pin });
    const report = await verifyAsice(bytes, { trust: { certificates: [token.caDer] } });
    expect(report.status).toBe('valid');
    expect(report.signer?.commonName).toBe('Fiktiv enhet EC');
    setSigningTokenConfig(deps, null);
    await expect(exportDocument(deps, 'asice', request)).rejects.toMatchObject({
      messageKey: 'export.identity.missing',
    });
    s.app.session.lock();
  });

  it('the settings channels keep the token setting; the export dialog learns to ask for a PIN and passes it once', async () => {
    await s.app.session.unlock(PASSPHRASE);
    const area = exportArea(s, () => new Date());
    expect(await area.call('signing.token', {})).toEqual({ token: null });
    expect((await area.call('export.prepare', { documentId })).hasIdentity).toBe(false);
    await area.call('signing.setToken', { token: token.rsa });
    expect(await area.call('signing.token', {})).toEqual({ token: token.rsa });
    const plan = await area.call('export.prepare', { documentId });
    expect(plan).toMatchObject({ hasIdentity: true, signsWithToken: true });
    const saved = await area.call('export.asice', { documentId, recipient: 'kdi', pin: token.pin });
    const report = await verifyAsice(new Uint8Array(Buffer.from(saved.fileBase64, 'base64')), {
      trust: { certificates: [token.caDer] },
    });
    expect(report.signer?.commonName).toBe('Fiktiv enhet RSA');
    expect(report.status).toBe('valid');
    // A setting without a module is refused at the boundary and changes nothing.
    const refused = await s.fail('signing.setToken', { token: { tokenLabel: token.label, keyLabel: 'rsa' } });
    expect(refused.code).toBe('invalid_input');
    expect(await area.call('signing.token', {})).toEqual({ token: token.rsa });
    await area.call('signing.setToken', { token: null });
    expect((await area.call('export.prepare', { documentId })).signsWithToken).toBe(false);
    s.app.session.lock();
  });
});
