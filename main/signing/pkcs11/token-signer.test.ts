import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestToken, softHsmThreadSkipReason, type TestToken } from '../../../test/fixtures/softhsm/token';
import { isAppError } from '../../ipc/app-error';
import { buildAsice } from '../asice-build';
import { verifyAsice } from '../asice-verify';
import { signPdf } from '../pades-sign';
import { verifyPdf } from '../pades-verify';
import { makePdf, opensslCmsVerify, run, writeMetaInf } from '../../../test/fixtures/signing/signing-fixtures';
import { tokenError } from './token-errors';
import { withTokenSigner } from './token-signer';

// Stryker's Vitest runner uses worker threads, which need a token made before they start (token.ts).
const skip = softHsmThreadSkipReason();
let token: TestToken;
/** After the certificates' notBefore (openssl stamps them with the second they were made). */
let at: Date;

/** The CMS and the signed bytes of a one-signature PDF, as files openssl can check. */
function writePdfParts(pdf: Uint8Array, dir: string): void {
  const text = Buffer.from(pdf).toString('latin1');
  const [, a, b, c, d] = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(text)!.map(Number) as number[];
  writeFileSync(join(dir, 'pdf.p7s'), Buffer.from(text.slice(b! + 1, c! - 1).replace(/(00)+$/, ''), 'hex'));
  writeFileSync(join(dir, 'pdf.signed'), Buffer.concat([pdf.subarray(a!, b!), pdf.subarray(c!, c! + d!)]));
}

async function refusal(promise: Promise<unknown>): Promise<{ code: string; messageKey: string }> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, messageKey: error.messageKey };
}

describe.skipIf(skip !== null)(`PKCS#11 signing on a SoftHSM2 token${skip ? ` (skipped: ${skip})` : ''}`, () => {
  beforeAll(() => {
    token = makeTestToken();
    at = new Date(Date.now() + 1000);
  });
  afterAll(() => token?.cleanup());

  it('signs a PDF with the RSA-3072 key that Bro, pdfsig and openssl cms all accept', async () => {
    const signed = await withTokenSigner(token.rsa, token.pin, async (signer) => {
      expect(signer.algorithm).toBe('rsa-pkcs1-sha256');
      expect(signer.summary.commonName).toBe('Fiktiv enhet RSA');
      return signPdf(await makePdf(1), signer, { signingTime: at });
    });
    const report = await verifyPdf(signed, { trust: { certificates: [token.caDer] } });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
    expect(report.signer?.commonName).toBe('Fiktiv enhet RSA');
    const file = join(token.dir, 'rsa-signed.pdf');
    writeFileSync(file, signed);
    const pdfsig = run('pdfsig', [file]);
    expect(pdfsig.stdout).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig.stdout).toContain('Signer Certificate Common Name: Fiktiv enhet RSA');
    writePdfParts(signed, token.dir);
    const cms = opensslCmsVerify(token.dir, { signature: 'pdf.p7s', content: 'pdf.signed', caFile: 'ca.pem' });
    expect(cms.stderr).toContain('Verification successful');
  });

  it('signs an ASiC-E container with the EC P-256 key that Bro and openssl cms accept', async () => {
    const container = await withTokenSigner(token.ec, token.pin, (signer) => {
      expect(signer.algorithm).toBe('ecdsa-sha256');
      return buildAsice([{ name: 'plan.json', bytes: new TextEncoder().encode('{"fiktiv":true}') }], signer, {
        signingTime: at,
      });
    });
    const report = await verifyAsice(container, { trust: { certificates: [token.caDer] } });
    expect(report.problems).toEqual([]);
    expect(report.status).toBe('valid');
    expect(report.signer?.commonName).toBe('Fiktiv enhet EC');
    await writeMetaInf(container, token.dir);
    const cms = opensslCmsVerify(token.dir, {
      signature: 'signature.p7s',
      content: 'ASiCManifest.xml',
      caFile: 'ca.pem',
    });
    expect(cms.stderr).toContain('Verification successful');
  });

  it('signs a PDF with the EC key that pdfsig reports valid', async () => {
    const signed = await withTokenSigner(token.ec, token.pin, async (signer) =>
      signPdf(await makePdf(1), signer, { signingTime: at }),
    );
    const file = join(token.dir, 'ec-signed.pdf');
    writeFileSync(file, signed);
    expect(run('pdfsig', [file]).stdout).toContain('Signature Validation: Signature is Valid.');
    expect((await verifyPdf(signed, { trust: { certificates: [token.caDer] } })).status).toBe('valid');
  });

  it('uses the configured certificate file when the token holds no certificate for the key', async () => {
    expect(await refusal(withTokenSigner(token.ecNoCert, token.pin, async () => null))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.noCertificate',
    });
    const certificateFile = new Uint8Array(readFileSync(token.ecNoCertFile));
    const signed = await withTokenSigner(
      token.ecNoCert,
      token.pin,
      async (signer) => signPdf(await makePdf(1), signer, { signingTime: at }),
      { certificateFile },
    );
    const report = await verifyPdf(signed, { trust: { certificates: [token.caDer] } });
    expect(report.status).toBe('valid');
    expect(report.signer?.commonName).toBe('Fiktiv enhet uten kortsertifikat');
  });

  it('refuses a certificate file that belongs to another key, before anything is signed', async () => {
    const wrong = new Uint8Array(readFileSync(join(token.dir, 'ec.pem')));
    let used = false;
    const result = withTokenSigner(token.ecNoCert, token.pin, async () => (used = true), { certificateFile: wrong });
    expect(await refusal(result)).toEqual({ code: 'unreadable', messageKey: 'token.error.keyMismatch' });
    expect(used).toBe(false);
  });

  it('says "wrong PIN", signs nothing, and leaves the module ready for the next attempt', async () => {
    let used = false;
    const wrong = withTokenSigner(token.rsa, '000000', async () => (used = true));
    expect(await refusal(wrong)).toEqual({ code: 'wrong_passphrase', messageKey: 'token.error.wrongPin' });
    expect(used).toBe(false);
    // A module left initialised or a session left open would make this second login fail.
    const summary = await withTokenSigner(token.rsa, token.pin, async (signer) => signer.summary.commonName);
    expect(summary).toBe('Fiktiv enhet RSA');
  });

  it('names a missing module, an unknown token, an unknown key and an unchosen key plainly', async () => {
    const missing = { ...token.rsa, modulePath: join(token.dir, 'no-such-module.so') };
    expect(await refusal(withTokenSigner(missing, token.pin, async () => null))).toMatchObject({
      code: 'not_found',
      messageKey: 'token.error.moduleMissing',
    });
    const notAModule = { ...token.rsa, modulePath: token.caPem };
    expect((await refusal(withTokenSigner(notAModule, token.pin, async () => null))).messageKey).toBe(
      'token.error.moduleUnloadable',
    );
    const otherToken = { ...token.rsa, tokenLabel: 'Ikke dette kortet' };
    expect((await refusal(withTokenSigner(otherToken, token.pin, async () => null))).messageKey).toBe(
      'token.error.tokenNotFound',
    );
    const otherKey = { ...token.rsa, keyLabel: 'finnes-ikke' };
    expect((await refusal(withTokenSigner(otherKey, token.pin, async () => null))).messageKey).toBe(
      'token.error.keyNotFound',
    );
    expect((await refusal(withTokenSigner(token.rsa, '', async () => null))).messageKey).toBe(
      'token.error.pinRequired',
    );
    // Named by nothing but the module: the one token is found, but it holds three keys.
    const unnamed = { modulePath: token.rsa.modulePath };
    expect((await refusal(withTokenSigner(unnamed, token.pin, async () => null))).messageKey).toBe(
      'token.error.keyNotChosen',
    );
  });

  it('closes the session when signing is done: the signer cannot be used afterwards', async () => {
    const signer = await withTokenSigner(token.ec, token.pin, async (s) => s);
    expect(await refusal(signer.sign(new Uint8Array([1, 2, 3])))).toMatchObject({
      messageKey: 'token.error.sessionClosed',
    });
  });

  it("passes the caller's own failure through unchanged and still closes the token", async () => {
    const own = new Error('the caller failed');
    await expect(withTokenSigner(token.ec, token.pin, async () => Promise.reject(own))).rejects.toBe(own);
    expect(await withTokenSigner(token.ec, token.pin, async () => 'again')).toBe('again');
  });
});

describe('PKCS#11 return values as messages', () => {
  it.each([
    ['CKR_PIN_LOCKED', 'token.error.pinLocked'],
    ['CKR_PIN_INCORRECT', 'token.error.wrongPin'],
    ['CKR_TOKEN_NOT_PRESENT', 'token.error.tokenNotFound'],
    ['CKR_DEVICE_ERROR', 'token.error.device'],
  ])('%s becomes %s', (name, messageKey) => {
    expect(tokenError(new Error(`${name}:0`)).messageKey).toBe(messageKey);
  });

  it('keeps the CKR_ name of anything else for support, and never a PIN', () => {
    const error = tokenError(new Error('CKR_GENERAL_ERROR:5'));
    expect(error).toMatchObject({ messageKey: 'token.error.failed', params: { code: 'CKR_GENERAL_ERROR' } });
  });
});
