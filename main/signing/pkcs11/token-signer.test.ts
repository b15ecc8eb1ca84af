import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as asn1js from 'asn1js';
import type * as Pkcs11 from 'pkcs11js';
import * as pkijs from 'pkijs';
import {
  makeTestToken,
  SOFTHSM_MODULE,
  softHsmThreadSkipReason,
  type TestToken,
} from '../../../test/fixtures/softhsm/token';
import { type AppError, isAppError } from '../../ipc/app-error';
import { buildAsice } from '../asice-build';
import { verifyAsice } from '../asice-verify';
import { signPdf } from '../pades-sign';
import { verifyPdf } from '../pades-verify';
import {
  makePdf,
  opensslCmsVerify,
  opensslIn,
  pdfSignatureDer,
  run,
  writeMetaInf,
} from '../../../test/fixtures/signing/signing-fixtures';
import { OID } from '../crypto';
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
  writeFileSync(join(dir, 'pdf.p7s'), pdfSignatureDer(pdf));
  writeFileSync(join(dir, 'pdf.signed'), Buffer.concat([pdf.subarray(a!, b!), pdf.subarray(c!, c! + d!)]));
}

async function refusal(promise: Promise<unknown>): Promise<Pick<AppError, 'code' | 'messageKey' | 'params'>> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return { code: error.code, messageKey: error.messageKey, params: error.params };
}

/** A second user of the PKCS#11 module in this process (another part of Bro, or a library), holding it loaded. */
function loadModuleAlongside(): Pkcs11.PKCS11 {
  const own = new (createRequire(import.meta.url)('pkcs11js') as typeof Pkcs11).PKCS11();
  own.load(SOFTHSM_MODULE);
  return own;
}

/** A self-signed certificate (PEM) for a key openssl makes, not the token's, in the token's folder. */
function certificateFile(name: string, keyArgs: string[]): Uint8Array {
  const subject = `/O=Kriminalomsorgen/CN=Fiktiv ${name}`;
  opensslIn(token.dir)(
    'req',
    '-x509',
    ...keyArgs,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-subj',
    subject,
  );
  return new Uint8Array(readFileSync(join(token.dir, `${name}.pem`)));
}

/** The token's EC certificate (key id 02) with its key's algorithm identifier replaced, re-encoded as DER. */
function ecCertificateWithAlgorithm(algorithm: pkijs.AlgorithmIdentifier): Uint8Array {
  const pem = readFileSync(join(token.dir, 'ec.pem'), 'utf8');
  const cert = pkijs.Certificate.fromBER(Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64'));
  cert.subjectPublicKeyInfo.algorithm = algorithm;
  return new Uint8Array(cert.toSchema(true).toBER(false));
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
    const wrong = withTokenSigner(token.rsa, '975310', async () => (used = true));
    const error = await wrong.catch((caught: unknown) => caught);
    expect(await refusal(wrong)).toEqual({ code: 'wrong_passphrase', messageKey: 'token.error.wrongPin' });
    expect(used).toBe(false);
    expect(`${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain('975310');
    // A module left initialised or a session left open would make this second login fail.
    const summary = await withTokenSigner(token.rsa, token.pin, async (signer) => signer.summary.commonName);
    expect(summary).toBe('Fiktiv enhet RSA');
  });

  it('names a missing module, an unknown token, an unknown key and an unchosen key plainly', async () => {
    const missing = { ...token.rsa, modulePath: join(token.dir, 'no-such-module.so') };
    expect(await refusal(withTokenSigner(missing, token.pin, async () => null))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.moduleMissing',
      params: { module: missing.modulePath },
    });
    const notAModule = { ...token.rsa, modulePath: token.caPem };
    expect(await refusal(withTokenSigner(notAModule, token.pin, async () => null))).toEqual({
      code: 'unreadable',
      messageKey: 'token.error.moduleUnloadable',
      params: { module: token.caPem },
    });
    const otherToken = { ...token.rsa, tokenLabel: 'Ikke dette kortet' };
    expect(await refusal(withTokenSigner(otherToken, token.pin, async () => null))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.tokenNotFound',
      params: { token: 'Ikke dette kortet' },
    });
    const otherKey = { ...token.rsa, keyLabel: 'finnes-ikke' };
    expect(await refusal(withTokenSigner(otherKey, token.pin, async () => null))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.keyNotFound',
      params: { key: 'finnes-ikke' },
    });
    expect(await refusal(withTokenSigner(token.rsa, '', async () => null))).toEqual({
      code: 'wrong_passphrase',
      messageKey: 'token.error.pinRequired',
    });
    // Named by nothing but the module: the one token is found, but it holds three keys.
    const unnamed = { modulePath: token.rsa.modulePath };
    expect(await refusal(withTokenSigner(unnamed, token.pin, async () => null))).toEqual({
      code: 'conflict',
      messageKey: 'token.error.keyNotChosen',
    });
  });

  it('finds the token by the slot id pkcs11-tool prints, and names a slot that holds none', async () => {
    const listed = run('pkcs11-tool', ['--module', SOFTHSM_MODULE, '--list-slots']).stdout;
    const hex = new RegExp(`\\(0x([0-9a-f]+)\\):.*\\n\\s*token label\\s*: ${token.label}\\n`).exec(listed)?.[1];
    expect(hex).toBeDefined();
    const bySlot = { modulePath: SOFTHSM_MODULE, slotId: BigInt(`0x${hex}`).toString(), keyLabel: 'ec' };
    expect(await withTokenSigner(bySlot, token.pin, async (signer) => signer.summary.commonName)).toBe(
      'Fiktiv enhet EC',
    );
    // Slot ids of initialised SoftHSM tokens come from their serial numbers; 7 is none of them.
    expect(await refusal(withTokenSigner({ ...bySlot, slotId: '7' }, token.pin, async () => null))).toEqual({
      code: 'not_found',
      messageKey: 'token.error.tokenNotFound',
      params: { token: 'slot 7' },
    });
    const labelAndSlot = { ...token.ec, slotId: '7' };
    expect((await refusal(withTokenSigner(labelAndSlot, token.pin, async () => null))).params).toEqual({
      token: token.label,
    });
  });

  it('refuses an RSA certificate under 2048 bits; a 2048-bit one is used, and found not to be the key', async () => {
    const rsa1024 = certificateFile('rsa-1024', ['-newkey', 'rsa:1024']);
    expect(
      await refusal(withTokenSigner(token.rsa, token.pin, async () => null, { certificateFile: rsa1024 })),
    ).toEqual({ code: 'unreadable', messageKey: 'token.error.unsupportedKey' });
    const rsa2048 = certificateFile('rsa-2048', ['-newkey', 'rsa:2048']);
    expect(
      await refusal(withTokenSigner(token.rsa, token.pin, async () => null, { certificateFile: rsa2048 })),
    ).toEqual({ code: 'unreadable', messageKey: 'token.error.keyMismatch' });
  });

  it('signs with P-256 and P-384 certificates only: another curve is refused before the key is tried', async () => {
    const p384 = certificateFile('p-384', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384']);
    expect(
      await refusal(withTokenSigner(token.ecNoCert, token.pin, async () => null, { certificateFile: p384 })),
    ).toEqual({ code: 'unreadable', messageKey: 'token.error.keyMismatch' });
    const k256 = certificateFile('secp256k1', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:secp256k1']);
    expect(
      await refusal(withTokenSigner(token.ecNoCert, token.pin, async () => null, { certificateFile: k256 })),
    ).toEqual({ code: 'unreadable', messageKey: 'token.error.unsupportedKey' });
  });

  it("refuses a certificate whose key is not of the token key's kind, before anything is signed", async () => {
    const refused = async (config: typeof token.rsa, file: Uint8Array) => {
      let used = false;
      const result = withTokenSigner(config, token.pin, async () => (used = true), { certificateFile: file });
      expect(await refusal(result)).toEqual({ code: 'unreadable', messageKey: 'token.error.unsupportedKey' });
      expect(used).toBe(false);
    };
    const ecFile = new Uint8Array(readFileSync(join(token.dir, 'ec.pem')));
    const rsaFile = new Uint8Array(readFileSync(join(token.dir, 'rsa.pem')));
    await refused(token.rsa, ecFile);
    await refused(token.ecNoCert, rsaFile);
    // RSA-PSS keys (id-RSASSA-PSS) are RSA keys that Bro does not sign PKCS#1 v1.5 with.
    await refused(token.rsa, certificateFile('rsa-pss', ['-newkey', 'rsa-pss', '-pkeyopt', 'rsa_keygen_bits:2048']));
    // An EC key restricted to key agreement (id-ecDH, RFC 5480) on the token key's own curve.
    const p256 = new asn1js.ObjectIdentifier({ value: OID.p256 });
    const ecdh = new pkijs.AlgorithmIdentifier({ algorithmId: '1.3.132.1.12', algorithmParams: p256 });
    await refused(token.ecNoCert, ecCertificateWithAlgorithm(ecdh));
    // An EC certificate that does not name its curve.
    await refused(
      token.ecNoCert,
      ecCertificateWithAlgorithm(new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecPublicKey })),
    );
  });

  it('leaves alone a module that someone else in the process initialised, and says what the token answered', async () => {
    const own = loadModuleAlongside();
    try {
      own.C_Initialize();
      expect(await refusal(withTokenSigner(token.ec, token.pin, async () => null))).toEqual({
        code: 'internal',
        messageKey: 'token.error.failed',
        params: { code: 'CKR_CRYPTOKI_ALREADY_INITIALIZED' },
      });
      // Finalised behind its back, the other user's module would now answer CKR_CRYPTOKI_NOT_INITIALIZED.
      expect(own.C_GetSlotList(true).length).toBeGreaterThan(0);
      own.C_Finalize();
    } finally {
      own.close();
    }
  });

  it('finalises the module after signing, so another user in the process can initialise it', async () => {
    const own = loadModuleAlongside();
    try {
      expect(await withTokenSigner(token.ec, token.pin, async (signer) => signer.algorithm)).toBe('ecdsa-sha256');
      own.C_Initialize();
      own.C_Finalize();
    } finally {
      own.close();
    }
  });

  it.skipIf(!existsSync('/proc/self/maps'))('unloads the module after signing', async () => {
    const loaded = () => /libsofthsm2\.so/.test(readFileSync('/proc/self/maps', 'utf8'));
    expect(await withTokenSigner(token.ec, token.pin, async () => loaded())).toBe(true);
    expect(loaded()).toBe(false);
  });

  it('closes the session when signing is done: the signer cannot be used afterwards', async () => {
    const signer = await withTokenSigner(token.ec, token.pin, async (s) => s);
    expect(await refusal(signer.sign(new Uint8Array([1, 2, 3])))).toEqual({
      code: 'internal',
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
