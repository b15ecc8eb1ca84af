import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VerificationReportSchema } from '../../shared/domain/verification';
import { translate } from '../../shared/i18n/translate';
import { exportCommand } from '../../main/cli/commands/export-commands';
import { verifyCommand } from '../../main/cli/commands/verify-commands';
import { registerCommand, runCli } from '../../main/cli/run';
import { flipByte } from '../fixtures/signing/signing-fixtures';
import { captureIo } from '../support/cli-harness';
import { serviceApps, type ServiceApp } from '../support/service-app';
import { tempDirs } from '../support/temp-dir';
import { PASSPHRASE } from '../support/vault-fixtures';
import { exportArea, finalisedPlan, makeCase } from './export-fixtures';

const apps = serviceApps();
const temp = tempDirs('bro-export-cli-');
let s: ServiceApp;
let out: string;
let certificateFile: string;
let fingerprint: string;

beforeAll(async () => {
  s = await apps.make('NO');
  const area = exportArea(s);
  const identity = await area.call('signing.generateIdentity', { unitName: 'Fiktivby fengsel' });
  fingerprint = identity.certificate.fingerprint;
  await finalisedPlan(s, await makeCase(s, 'KOMPIS-7001'));
  out = temp.make();
  certificateFile = join(out, 'avsender.pem');
  writeFileSync(certificateFile, (await area.call('signing.certificate', {})).pem);
  // The app lets go of the vault, as when an administrator scripts an export on a locked machine.
  s.app.session.lock();
}, 300_000);
// As main/cli/run.ts will register them, so the tests go through the real dispatch and error mapping.
registerCommand('export', exportCommand);
registerCommand('verify', verifyCommand);

const bro = (env: Record<string, string>, args: string[]) => {
  const io = captureIo(env);
  return { ...io, code: runCli(args, io.io) };
};

afterAll(() => {
  apps.cleanup();
  temp.cleanup();
});

const exportArgs = (file: string, format = 'asice') => [
  '--vault',
  s.vaultDir,
  '--case',
  'KOMPIS-7001',
  '--doc',
  'follow_up_plan',
  '--format',
  format,
  '--out',
  file,
];

describe('bro export', () => {
  it('writes a signed container to the chosen file only, logs it, and never overwrites without --force', async () => {
    const file = join(out, 'plan.asice');
    const { io, out: lines } = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await exportCommand(io, [...exportArgs(file), '--recipient', 'KDI', '--json'])).toBe(0);
    const result = JSON.parse(lines[0] ?? '{}') as { sha256: string; recipient: string };
    expect(result.recipient).toBe('kdi');
    const first = readFileSync(file);

    const again = captureIo({ BRO_PASSPHRASE: PASSPHRASE });
    expect(await exportCommand(again.io, exportArgs(file))).toBe(1);
    expect(again.err.join('\n')).toContain('--force');
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(await exportCommand(captureIo({ BRO_PASSPHRASE: PASSPHRASE }).io, [...exportArgs(file), '--force'])).toBe(0);

    await s.app.session.unlock(PASSPHRASE);
    const area = exportArea(s);
    const [plan] = (await s.call('documents.list', { kind: 'follow_up_plan' })).documents;
    const log = await area.call('export.log', { documentId: plan?.id ?? '' });
    expect(log.entries.map((e) => e.format)).toEqual(['asice', 'asice']);
    expect(log.entries[0]?.fileSha256).toBe(result.sha256);
    s.app.session.lock();
  });

  it('logs nothing when the file cannot be written, and never writes into the vault folder', async () => {
    const logged = async () => {
      await s.app.session.unlock(PASSPHRASE);
      const [plan] = (await s.call('documents.list', { kind: 'follow_up_plan' })).documents;
      const entries = (await exportArea(s).call('export.log', { documentId: plan?.id ?? '' })).entries.length;
      s.app.session.lock();
      return entries;
    };
    const before = await logged();
    // --out names a folder (with --force): the write fails, and so does the export, with nothing logged.
    const folder = temp.make();
    const intoFolder = bro({ BRO_PASSPHRASE: PASSPHRASE }, ['export', ...exportArgs(folder), '--force']);
    expect(await intoFolder.code).not.toBe(0);
    expect(readdirSync(dirname(folder)).filter((name) => name.includes('bro-tmp'))).toEqual([]);
    // --out names the vault's own database: refused before anything is written; the vault still opens.
    const vaultDb = join(s.vaultDir, 'vault.db');
    const intoVault = bro({ BRO_PASSPHRASE: PASSPHRASE }, ['export', ...exportArgs(vaultDb), '--force']);
    expect(await intoVault.code).not.toBe(0);
    expect(intoVault.err.join('\n')).toContain(translate('en', 'files.error.insideVault'));
    expect(readdirSync(s.vaultDir).filter((name) => name.includes('bro-tmp'))).toEqual([]);
    expect(await logged()).toBe(before);
  });

  it('refuses an unknown case without writing a file', async () => {
    const file = join(out, 'aldri.pdf');
    const unknown = [
      'export',
      '--vault',
      s.vaultDir,
      '--case',
      'FINNES-IKKE',
      '--doc',
      'follow_up_plan',
      '--format',
      'pdf',
      '--out',
      file,
    ];
    expect(await bro({ BRO_PASSPHRASE: PASSPHRASE }, unknown).code).toBe(1);
    expect(existsSync(file)).toBe(false);
  });
});

describe('bro verify (no vault: KDI’s verifying machine)', () => {
  let container: string;
  let pdf: string;

  beforeAll(async () => {
    container = join(out, 'plan.asice');
    pdf = join(out, 'plan.pdf');
    expect(await exportCommand(captureIo({ BRO_PASSPHRASE: PASSPHRASE }).io, exportArgs(pdf, 'pdf'))).toBe(0);
  }, 120_000);

  it('exits 0 for a valid file from a trusted signer, given as certificate or fingerprint', async () => {
    expect(await verifyCommand(captureIo().io, [container, '--trust', certificateFile])).toBe(0);
    const { io, out: lines } = captureIo();
    expect(await verifyCommand(io, [pdf, '--trust', fingerprint.toUpperCase().match(/.{2}/g)?.join(':') ?? ''])).toBe(
      0,
    );
    expect(lines.join('\n')).toContain('Valid signature from a trusted signer');
  });

  it('exits 3 when the signature is valid but the signer is not trusted, and prints the report with --json', async () => {
    const { io, out: lines } = captureIo();
    expect(await verifyCommand(io, [container, '--json'])).toBe(3);
    expect(VerificationReportSchema.parse(JSON.parse(lines.join('\n')))).toMatchObject({
      status: 'valid_untrusted',
      signer: { fingerprint },
    });
  });

  it('exits 1 for a changed file, naming what failed', async () => {
    const bytes = readFileSync(pdf);
    const changed = join(out, 'endret.pdf');
    writeFileSync(changed, flipByte(bytes, Math.floor(bytes.length / 3)));
    const { io, out: lines } = captureIo();
    expect(await verifyCommand(io, [changed, '--trust', certificateFile])).toBe(1);
    expect(lines.join('\n')).toMatch(/Invalid signature/);
  });

  it('exits 2 for a file that is not signed, cannot be read, or a trust argument that is neither', async () => {
    const text = join(out, 'notat.txt');
    writeFileSync(text, 'ikke en signert fil');
    expect(await bro({}, ['verify', text]).code).toBe(2);
    expect(await bro({}, ['verify', join(out, 'finnes-ikke.asice')]).code).toBe(2);
    const badTrust = bro({}, ['verify', container, '--trust', 'ikke-et-fingeravtrykk']);
    expect(await badTrust.code).toBe(2);
    expect(badTrust.err.join('\n')).toContain('ikke-et-fingeravtrykk');
    expect(await bro({}, ['verify', container, '--trust', text]).code).toBe(2);
  });
});

describe('bro export with a wrong passphrase', () => {
  it('exits 1 with the reason and writes no file (run last: it throttles the vault)', async () => {
    const file = join(out, 'feil.pdf');
    const run = bro({ BRO_PASSPHRASE: 'feil passord her' }, ['export', ...exportArgs(file, 'pdf')]);
    expect(await run.code).toBe(1);
    expect(run.err.join('\n')).toMatch(/Wrong passphrase/);
    expect(existsSync(file)).toBe(false);
  });
});
