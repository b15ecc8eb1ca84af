import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pkijs from 'pkijs';
import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { buildAsice } from './asice-build';
import { createDetachedCms, type ValidationMaterial } from './cms-sign';
import { toArrayBuffer } from './crypto';
import { loadIdentity, type SigningIdentity } from './identity';
import { validationDataUpdate } from './pades-dss-check';
import { addDss, readDss } from './pades-ltv';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { importPkcs12 } from './pkcs12';
import {
  createTestCa,
  issueTestP12,
  makePdf,
  opensslIn,
  run,
  writeMetaInf,
} from '../../test/fixtures/signing/signing-fixtures';
import { appendUpdate } from '../../test/fixtures/signing/pdf-update';

const temp = tempDirs('bro-signing-ltv-');
afterAll(() => temp.cleanup());

let dir: string;
let signer: SigningIdentity;
let material: ValidationMaterial;
let unsigned: Uint8Array;

/**
 * Signed and extended inside each test, never in beforeAll: a mutant is switched on only while a test
 * runs, so code that ran only in the setup was never measured (issue 17).
 */
const signedPlain = () => signPdf(unsigned, signer, { signingTime: new Date(Date.now() + 1000) });
async function signedWithDss(): Promise<{ plain: Uint8Array; withDss: Uint8Array }> {
  const plain = await signedPlain();
  return { plain, withDss: await addDss(plain, material) };
}

/** The test CA's CRL (DER), issued with a minimal `openssl ca` setup. */
function issueCrl(openssl: (...args: string[]) => string): void {
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'crlnumber'), '1000\n');
  const config = [
    '[ca]',
    'default_ca = test_ca',
    '[test_ca]',
    `database = ${join(dir, 'index.txt')}`,
    `crlnumber = ${join(dir, 'crlnumber')}`,
    `certificate = ${join(dir, 'ca.pem')}`,
    `private_key = ${join(dir, 'ca.key')}`,
    'default_md = sha256',
    'default_crl_days = 30',
  ];
  writeFileSync(join(dir, 'ca.cnf'), `${config.join('\n')}\n`);
  openssl('ca', '-config', 'ca.cnf', '-gencrl', '-out', 'ca.crl.pem');
  openssl('crl', '-in', 'ca.crl.pem', '-outform', 'DER', '-out', 'ca.crl');
  openssl('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
}

const file = (name: string) => new Uint8Array(readFileSync(join(dir, name)));

beforeAll(async () => {
  dir = temp.make();
  const openssl = opensslIn(dir);
  createTestCa(openssl, dir);
  issueCrl(openssl);
  const p12 = issueTestP12(openssl, dir, { name: 'enhet', password: 'fiktiv-passord', commonName: 'Fiktiv enhet' });
  signer = await loadIdentity(await importPkcs12(p12, 'fiktiv-passord'));
  material = { certs: [file('ca.der')], crls: [file('ca.crl')] };
  unsigned = await makePdf(1);
});

describe('PAdES B-LT: the DSS in an incremental update', () => {
  it('keeps the signed bytes as they are and appends after them', async () => {
    const { plain, withDss } = await signedWithDss();
    expect(withDss.length).toBeGreaterThan(plain.length);
    expect(Buffer.from(withDss.subarray(0, plain.length)).equals(Buffer.from(plain))).toBe(true);
  });

  it('reads back exactly the certificates and CRLs it embedded', async () => {
    const { plain, withDss } = await signedWithDss();
    const dss = await readDss(withDss);
    expect(dss.certs.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      material.certs.map((c) => Buffer.from(c).toString('hex')),
    );
    expect(dss.crls.map((c) => Buffer.from(c).toString('hex'))).toEqual(
      material.crls.map((c) => Buffer.from(c).toString('hex')),
    );
    expect(await readDss(plain)).toEqual({ certs: [], crls: [] });
  });

  it('stays valid in pdfsig, which says the signature does not cover the appended DSS revision', async () => {
    const { plain, withDss } = await signedWithDss();
    writeFileSync(join(dir, 'ltv.pdf'), withDss);
    writeFileSync(join(dir, 'b.pdf'), plain);
    const ltv = run('pdfsig', [join(dir, 'ltv.pdf')]).stdout;
    const baseline = run('pdfsig', [join(dir, 'b.pdf')]).stdout;
    expect(baseline).toContain('  - Total document signed');
    expect(baseline).toContain('Signature Validation: Signature is Valid.');
    // pdfsig's wording for a signature followed by an incremental update: the signed revision is
    // still intact (valid), it just is not the whole file any more — which is what B-LT means.
    expect(ltv).toContain('  - Not total document signed');
    expect(ltv).toContain('Signature Validation: Signature is Valid.');
  });

  it('recognises its own update as validation data only, and refuses one that changes a page', async () => {
    const { plain, withDss } = await signedWithDss();
    const signedLength = plain.length;
    expect(await validationDataUpdate(withDss, signedLength)).not.toBeNull();
    const doc = await PDFDocument.load(plain, { updateMetadata: false });
    const page = doc.getPages()[0]!;
    page.node.set(PDFName.of('Rotate'), doc.context.obj(90));
    const root = doc.context.trailerInfo.Root!.toString();
    const rotated = appendUpdate(plain, { [page.ref.objectNumber]: page.node.toString() }, root);
    expect(await validationDataUpdate(rotated, signedLength)).toBeNull();
    // A new object that is not validation data (here an annotation), even with the catalog untouched.
    const annotation = appendUpdate(plain, { 9999: '<< /Type /Annot /Subtype /Text /Contents (endret) >>' }, root);
    expect(await validationDataUpdate(annotation, signedLength)).toBeNull();
    // Content after the DSS update is another revision again.
    const after = appendUpdate(withDss, { 9998: '<< /Cert [] >>' }, root);
    expect(await validationDataUpdate(after, signedLength)).toBeNull();
  });
});

describe('verifying a B-LT PDF', () => {
  it('is valid and trusted: the DSS update is not counted as a change, and the CRL in it is used', async () => {
    const ltv = await signPdf(await makePdf(1), signer, {
      signingTime: new Date(Date.now() + 1000),
      validation: material,
    });
    const dss = await readDss(ltv);
    expect(dss.certs).toHaveLength(2);
    expect(dss.crls).toHaveLength(1);
    const report = await verifyPdf(ltv, { trust: { authorities: [file('ca.der')] } });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
    // Without the DSS the same trust store lacks revocation data for the signer.
    const baseline = await verifyPdf(await signedPlain(), { trust: { authorities: [file('ca.der')] } });
    expect(baseline.status).not.toBe('valid');
  });

  it('still reports content appended after the signature as a change', async () => {
    const { plain, withDss } = await signedWithDss();
    const root = (await PDFDocument.load(plain)).context.trailerInfo.Root!.toString();
    const annotated = appendUpdate(withDss, { 9997: '<< /Type /Annot /Subtype /Text >>' }, root);
    const report = await verifyPdf(annotated, { trust: { certificates: [file('ca.der')] } });
    expect(report.status).toBe('invalid');
    expect(report.problems.map((p) => p.messageKey)).toContain('signing.problem.pdfBytesAfterSignature');
  });
});

describe('ASiC-E carries the chain and the CRLs in the CMS', () => {
  it('puts the CRLs in SignedData.crls and the CA after the signer, and openssl checks them with -crl_check', async () => {
    const cms = await createDetachedCms([new Uint8Array([1, 2, 3])], signer, {
      signingTime: new Date(),
      validation: material,
    });
    const info = pkijs.ContentInfo.fromBER(toArrayBuffer(cms));
    const signed = new pkijs.SignedData({ schema: info.content });
    expect(signed.crls).toHaveLength(1);
    expect(signed.certificates).toHaveLength(2);
    const container = await buildAsice([{ name: 'plan.json', bytes: new TextEncoder().encode('{}') }], signer, {
      signingTime: new Date(Date.now() + 1000),
      validation: material,
    });
    await writeMetaInf(container, dir);
    const args = ['-binary', '-inform', 'DER', '-content', 'ASiCManifest.xml', '-in', 'signature.p7s'];
    const checked = run(
      'openssl',
      ['cms', '-verify', ...args, '-CAfile', 'ca.pem', '-crl_check', '-out', '/dev/null'],
      dir,
    );
    expect(checked.stderr).toContain('Verification successful');
  });
});
