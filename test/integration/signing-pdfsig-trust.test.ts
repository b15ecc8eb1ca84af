import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../main/signing/certificate';
import { signPdf } from '../../main/signing/pades-sign';
import { verifyPdf } from '../../main/signing/pades-verify';
import { makePdf, run } from '../fixtures/signing/signing-fixtures';
import { fileSigner, generateCorpus } from '../fixtures/signing/generate-corpus';
import type { TestPki } from '../fixtures/signing/pki';
import { tempDirs } from '../support/temp-dir';

const temp = tempDirs('bro-pdfsig-trust-');
let dir: string;
let pki: TestPki;
const base = new Date(Math.floor(Date.now() / 1000) * 1000);

beforeAll(() => {
  dir = temp.make();
  ({ pki } = generateCorpus(dir, base));
}, 120_000);
afterAll(() => temp.cleanup());

describe('a CA-issued Bro signature in other tools', () => {
  it('is "Certificate is Trusted" for pdfsig with an NSS database holding the CA, and TOTAL-PASSED in Bro', async () => {
    const signer = { ...fileSigner(pki, 'leaf'), chain: [parseCertificate(pki.der('int'))] };
    const pdf = await signPdf(await makePdf(1), signer, { signingTime: new Date(base.getTime() + 60_000) });
    writeFileSync(join(dir, 'signed.pdf'), pdf);
    const nss = join(dir, 'nss');
    mkdirSync(nss);
    expect(run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']).status).toBe(0);
    expect(
      run('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'Fiktiv rot', '-t', 'CT,C,C', '-i', pki.path('root.pem')])
        .status,
    ).toBe(0);
    const pdfsig = run('pdfsig', ['-nssdir', `sql:${nss}`, join(dir, 'signed.pdf')]);
    expect(pdfsig.stdout).toContain('Signature is Valid.');
    expect(pdfsig.stdout).toContain('Certificate is Trusted.');
    const report = await verifyPdf(pdf, {
      trust: { authorities: [pki.der('root')], crls: ['root.crl', 'int.crl'].map((file) => pki.crlDer(file)) },
      now: new Date(base.getTime() + 3_600_000),
    });
    expect(report).toMatchObject({ indication: 'TOTAL-PASSED', trusted: true });
    expect(report.chain?.map((item) => item.commonName)).toEqual(['leaf', 'int', 'root']);
  });
});
