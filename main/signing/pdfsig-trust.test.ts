import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { loadIdentity } from './identity';
import { addDss } from './pades-ltv';
import { signPdf } from './pades-sign';
import { importPkcs12 } from './pkcs12';
import { createTestCa, issueTestP12, makePdf, opensslIn, run } from '../../test/fixtures/signing/signing-fixtures';

const temp = tempDirs('bro-signing-pdfsig-');
afterAll(() => temp.cleanup());

let dir: string;

/** An NSS certificate database (what pdfsig and Firefox use), trusting `caPem` for signing when given. */
function nssDatabase(name: string, caPem?: string): string {
  const db = join(dir, name);
  mkdirSync(db);
  const certutil = (...args: string[]) => {
    const result = run('certutil', [...args, '-d', `sql:${db}`]);
    if (result.status !== 0) throw new Error(`certutil ${args[0]}: ${result.stderr}`);
  };
  certutil('-N', '--empty-password');
  if (caPem) certutil('-A', '-n', 'Fiktiv test-CA', '-t', 'CT,C,C', '-i', caPem);
  return `sql:${db}`;
}

const pdfsig = (nssdir: string, file: string) => run('pdfsig', ['-nssdir', nssdir, join(dir, file)]).stdout;

beforeAll(async () => {
  dir = temp.make();
  const openssl = opensslIn(dir);
  createTestCa(openssl, dir);
  const p12 = issueTestP12(openssl, dir, { name: 'enhet', password: 'fiktiv-passord', commonName: 'Fiktiv enhet' });
  const signer = await loadIdentity(await importPkcs12(p12, 'fiktiv-passord'));
  const signed = await signPdf(await makePdf(1), signer, { signingTime: new Date(Date.now() + 1000) });
  writeFileSync(join(dir, 'signed.pdf'), signed);
  openssl('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
  const ltv = await addDss(signed, { certs: [new Uint8Array(readFileSync(join(dir, 'ca.der')))], crls: [] });
  writeFileSync(join(dir, 'ltv.pdf'), ltv);
});

describe('pdfsig with an NSS database that holds the CA', () => {
  it('reports a CA-issued Bro signature as "Certificate is Trusted"', () => {
    const out = pdfsig(nssDatabase('trusting', join(dir, 'ca.pem')), 'signed.pdf');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('keeps it trusted after the B-LT update', () => {
    const out = pdfsig(nssDatabase('trusting-ltv', join(dir, 'ca.pem')), 'ltv.pdf');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).toContain('Certificate Validation: Certificate is Trusted.');
  });

  it('does not trust the same signature when the database lacks the CA', () => {
    const out = pdfsig(nssDatabase('empty'), 'signed.pdf');
    expect(out).toContain('Signature Validation: Signature is Valid.');
    expect(out).not.toContain('Certificate is Trusted');
  });
});
