import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/run';
import { insertTrustStoreEntry, listTrustStore } from '../../main/db/repositories/trust-store-repo';
import { VaultSession } from '../../main/vault/vault-session';
import { captureIo } from '../support/cli-harness';
import { snapshotFiles } from '../support/snapshot';
import { tempDirs } from '../support/temp-dir';
import { FAST_KDF } from '../support/vault-fixtures';
import { generateCorpus, signCase, type CorpusCase } from '../fixtures/signing/generate-corpus';
import type { TestPki } from '../fixtures/signing/pki';

const temp = tempDirs('bro-trust-store-');
const PASSPHRASE = 'Fiktiv passfrase for klareringslager 2026';
const env = { BRO_PASSPHRASE: PASSPHRASE };
let pki: TestPki;
let vault: string;
let files: string;

async function bro(...args: string[]) {
  const { io, out, err } = captureIo(env);
  const code = await runCli(args, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const chainCase = (signer: string): CorpusCase => ({
  name: signer,
  expected: { indication: 'TOTAL-PASSED', subIndication: null },
  signer,
  carried: ['int'],
  anchors: [],
  crls: [],
  at: new Date(),
});

async function verifyJson(file: string, ...more: string[]) {
  const result = await bro('verify', file, ...more, '--json');
  const report = JSON.parse(result.out) as { indication: string; subIndication: string | null; status: string };
  return { code: result.code, indication: report.indication, subIndication: report.subIndication };
}

beforeAll(async () => {
  const dir = temp.make();
  files = temp.make();
  ({ pki } = generateCorpus(dir, new Date()));
  vault = join(temp.make(), 'vault');
  // Made in-process with the cheap KDF that every command's unlock then reads from the key file:
  // these tests are about the trust store (cli-vault.test.ts covers `bro vault create`).
  const session = new VaultSession({ dir: vault, kdfCost: FAST_KDF });
  await session.create('NO', PASSPHRASE);
  session.lock('shutdown');
  const signingTime = new Date();
  writeFileSync(join(files, 'good.asice'), await signCase(pki, chainCase('leaf'), signingTime));
  writeFileSync(join(files, 'revoked.asice'), await signCase(pki, chainCase('leaf-revoked'), signingTime));
  writeFileSync(join(files, 'not-a-cert.pem'), 'ikke et sertifikat\n');
}, 180_000);
afterAll(() => temp.cleanup());

describe('the trust store (bro trust, bro verify --vault)', () => {
  it('starts empty in a new vault (migration 9) and refuses a row of an unknown kind', async () => {
    expect(await bro('trust', 'list', '--vault', vault, '--json')).toMatchObject({ code: 0, out: '{"entries":[]}' });
    const session = new VaultSession({ dir: vault });
    await session.unlock(PASSPHRASE);
    const bad = {
      id: 'a'.repeat(64),
      kind: 'key' as 'crl',
      der: new Uint8Array([1]),
      name: 'x',
      validUntil: null,
      addedAt: '',
    };
    expect(() => insertTrustStoreEntry(session.current().db, bad)).toThrow(/CHECK/);
    expect(listTrustStore(session.current().db)).toEqual([]);
    session.lock('shutdown');
  });

  it('adds CA certificates and CRLs from PEM files, lists them, and counts a second add as already present', async () => {
    const added = await bro(
      'trust',
      'add',
      pki.path('root.pem'),
      pki.path('root.crl'),
      pki.path('int.crl'),
      '--vault',
      vault,
      '--json',
    );
    expect(added.code).toBe(0);
    const result = JSON.parse(added.out) as { added: { kind: string; name: string }[]; alreadyPresent: number };
    expect(result.added.map((entry) => [entry.kind, entry.name])).toEqual([
      ['certificate', 'CN=root, O=Fiktiv etat'],
      ['crl', 'CN=root, O=Fiktiv etat'],
      ['crl', 'CN=int, O=Fiktiv etat'],
    ]);
    const again = await bro('trust', 'add', pki.path('root.pem'), '--vault', vault, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ added: [], alreadyPresent: 1 });
    const listed = await bro('trust', 'list', '--vault', vault);
    expect(listed.out.split('\n')).toHaveLength(3);
  });

  it('refuses a unit certificate (no CA) and an unreadable file with a clear message, adding nothing', async () => {
    const before = snapshotFiles(vault);
    const list = (await bro('trust', 'list', '--vault', vault, '--json')).out;
    const notCa = await bro('trust', 'add', pki.path('int.pem'), pki.path('leaf.pem'), '--vault', vault);
    expect(notCa).toMatchObject({ code: 2 });
    expect(notCa.err).toContain('is not a certificate authority (CA)');
    const garbage = await bro('trust', 'add', join(files, 'not-a-cert.pem'), '--vault', vault);
    expect(garbage).toMatchObject({
      code: 2,
      err: expect.stringContaining('not-a-cert.pem is neither a certificate nor a CRL'),
    });
    expect((await bro('trust', 'list', '--vault', vault, '--json')).out).toBe(list);
    expect(Object.keys(snapshotFiles(vault))).toEqual(Object.keys(before));
  });

  it('verifies with the vault store: 0 passed, 1 revoked, 3 without the store or without the CRL', async () => {
    const good = join(files, 'good.asice');
    expect(await verifyJson(good, '--vault', vault)).toEqual({
      code: 0,
      indication: 'TOTAL-PASSED',
      subIndication: null,
    });
    expect(await verifyJson(good, '--trust-store', vault)).toMatchObject({ code: 0 });
    expect(await verifyJson(join(files, 'revoked.asice'), '--vault', vault)).toEqual({
      code: 1,
      indication: 'TOTAL-FAILED',
      subIndication: 'REVOKED',
    });
    expect(await verifyJson(good)).toEqual({
      code: 3,
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    });
    const text = await bro('verify', good, '--vault', vault);
    expect(text.out).toContain('TOTAL-PASSED: Passed');
    const crls = JSON.parse((await bro('trust', 'list', '--vault', vault, '--json')).out) as {
      entries: { id: string; kind: string; name: string }[];
    };
    const intCrl = crls.entries.find((entry) => entry.kind === 'crl' && entry.name.startsWith('CN=int,'));
    expect((await bro('trust', 'remove', intCrl!.id.slice(0, 12), '--vault', vault)).code).toBe(0);
    expect(await verifyJson(good, '--vault', vault)).toEqual({
      code: 3,
      indication: 'INDETERMINATE',
      subIndication: 'TRY_LATER',
    });
    expect((await bro('trust', 'remove', 'ffffffff', '--vault', vault)).code).toBe(1);
  });

  it('refuses --vault together with --trust-store as a usage error', async () => {
    expect((await bro('verify', join(files, 'good.asice'), '--vault', vault, '--trust-store', vault)).code).toBe(2);
    expect(readFileSync(join(files, 'good.asice')).length).toBeGreaterThan(0);
  });
});
