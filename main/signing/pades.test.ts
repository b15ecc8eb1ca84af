import { existsSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from '../../test/support/temp-dir';
import { VerificationReportSchema } from '../../shared/domain/verification';
import type { SigningIdentity } from './identity';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { flipByte, makeIdentity, makePdf, pdfSignatureDer, run } from '../../test/fixtures/signing/signing-fixtures';

const temp = tempDirs('bro-signing-pades-');
afterAll(() => temp.cleanup());

const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const NOW = new Date('2026-03-03T08:00:00Z');
const hasPdfsig = existsSync('/usr/bin/pdfsig');

let ecdsa: SigningIdentity;
let rsa: SigningIdentity;
let unsigned: Uint8Array;
let signed: Uint8Array;

beforeAll(async () => {
  const window = { notBefore: new Date('2026-01-01T00:00:00Z'), validityDays: 365 };
  [ecdsa, rsa, unsigned] = await Promise.all([
    makeIdentity({ algorithm: 'ecdsa-p256', ...window }),
    makeIdentity({ algorithm: 'rsa-3072', commonName: 'Testfengsel avdeling B', ...window }),
    makePdf(20),
  ]);
  signed = await signPdf(unsigned, ecdsa, {
    signingTime: SIGNING_TIME,
    reason: 'Oppfølgingsplan (versjon 3) – Łódź',
    signerName: 'Kari Fiktiv',
  });
});

function pdfsig(bytes: Uint8Array): string {
  const path = join(temp.make(), 'signed.pdf');
  writeFileSync(path, bytes);
  const result = run('/usr/bin/pdfsig', [path]);
  return result.stdout + result.stderr;
}

/** The byte range numbers of the one signature. */
function byteRange(bytes: Uint8Array): number[] {
  const match = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(Buffer.from(bytes).toString('latin1'));
  return (match?.slice(1) ?? []).map(Number);
}

describe('signed PDF (PAdES baseline B)', () => {
  it.skipIf(!hasPdfsig).each(['ecdsa', 'rsa'] as const)(
    'is reported valid and wholly signed by pdfsig (%s key)',
    async (kind) => {
      const bytes = kind === 'ecdsa' ? signed : await signPdf(unsigned, rsa, { signingTime: SIGNING_TIME });
      const output = pdfsig(bytes);
      expect(output).toContain('Signature Validation: Signature is Valid.');
      expect(output).toContain('Total document signed');
      expect(output).toContain('Signature Type: ETSI.CAdES.detached');
      expect(output).toContain('Signing Hash Algorithm: SHA-256');
      // The only complaint: nobody has told this machine to trust a self-signed certificate.
      const certificateLine = /Certificate Validation: (.*)/.exec(output)?.[1] ?? '';
      expect(certificateLine).toMatch(/issuer is unknown|isn't Trusted|untrusted/i);
      expect(output).not.toMatch(/error|invalid|not signed|does not/i);
    },
  );

  it.each(['ecdsa', 'rsa'] as const)(
    'verifies in Bro as valid but untrusted, naming the signer (%s key)',
    async (kind) => {
      const identity = kind === 'ecdsa' ? ecdsa : rsa;
      const bytes = kind === 'ecdsa' ? signed : await signPdf(unsigned, rsa, { signingTime: SIGNING_TIME });
      const report = await verifyPdf(bytes, { now: NOW, fileName: 'plan.pdf' });
      expect(VerificationReportSchema.parse(report)).toEqual(report);
      expect(report).toMatchObject({
        format: 'pdf',
        status: 'valid_untrusted',
        trusted: false,
        problems: [],
        signingTime: SIGNING_TIME.toISOString(),
        certificateValidity: { atSigningTime: 'valid', now: 'valid' },
        signer: {
          commonName: identity.summary.commonName,
          organization: 'Kriminalomsorgen',
          fingerprint: identity.summary.fingerprint,
        },
      });
      expect(report.files).toEqual([
        { name: 'plan.pdf', size: bytes.length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'signed' },
      ]);
    },
  );

  it('covers the whole file except the signature value', () => {
    const [start, gapStart, gapEnd, rest] = byteRange(signed);
    expect(start).toBe(0);
    expect((gapEnd as number) + (rest as number)).toBe(signed.length);
    expect(signed[gapStart as number]).toBe('<'.charCodeAt(0));
  });

  it('is valid when the signer fingerprint is on the trust list, in any notation', async () => {
    const colons = ecdsa.summary.fingerprint.toUpperCase().match(/../g)?.join(':') ?? '';
    const report = await verifyPdf(signed, { now: NOW, trust: { fingerprints: [colons] } });
    expect(report).toMatchObject({ status: 'valid', trusted: true });
    const byCertificate = await verifyPdf(signed, {
      now: NOW,
      trust: { certificates: [rsa.certificate.der, ecdsa.certificate.der] },
    });
    expect(byCertificate.status).toBe('valid');
  });

  it('stays untrusted when only another signer is trusted', async () => {
    const report = await verifyPdf(signed, { now: NOW, trust: { fingerprints: [rsa.summary.fingerprint] } });
    expect(report.status).toBe('valid_untrusted');
  });

  it('is invalid when one byte in the signed range changes', async () => {
    const [, gapStart] = byteRange(signed);
    const report = await verifyPdf(flipByte(signed, Math.floor((gapStart as number) / 2)), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { check: 'signature', file: 'document.pdf', messageKey: 'signing.problem.contentModified' },
    ]);
    expect(report.files[0]?.state).toBe('modified');
  });

  it('notices any changed byte anywhere in the signed ranges', async () => {
    const [, gapStart, gapEnd] = byteRange(signed);
    const outsideGap = fc
      .integer({ min: 0, max: signed.length - 1 })
      .filter((i) => i < (gapStart as number) || i >= (gapEnd as number));
    await fc.assert(
      fc.asyncProperty(outsideGap, fc.integer({ min: 1, max: 255 }), async (index, mask) => {
        const damaged = new Uint8Array(signed);
        damaged[index] = (damaged[index] as number) ^ mask;
        expect(['invalid', 'unreadable']).toContain((await verifyPdf(damaged, { now: NOW })).status);
      }),
      { numRuns: 60 },
    );
  });

  it('is invalid when bytes are appended after signing (an incremental update)', async () => {
    const update = new TextEncoder().encode('\n1 0 obj\n<< /Injected true >>\nendobj\ntrailer\n<< /Size 2 >>\n%%EOF\n');
    const report = await verifyPdf(new Uint8Array([...signed, ...update]), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toContainEqual({ check: 'coverage', messageKey: 'signing.problem.pdfBytesAfterSignature' });
  });

  it("is invalid with another signer's signature swapped in", async () => {
    const other = await makeIdentity({ commonName: 'Falsk enhet', notBefore: new Date('2026-01-01T00:00:00Z') });
    const otherSigned = await signPdf(unsigned, other, { signingTime: SIGNING_TIME, reason: 'annen' });
    const otherHex = pdfSignatureDer(otherSigned).toString('hex');
    const [, gapStart, gapEnd] = byteRange(signed);
    const swapped = new Uint8Array(signed);
    const hex = otherHex.padEnd((gapEnd as number) - (gapStart as number) - 2, '0');
    swapped.set(Buffer.from(hex, 'latin1'), (gapStart as number) + 1);
    const report = await verifyPdf(swapped, { now: NOW, trust: { fingerprints: [ecdsa.summary.fingerprint] } });
    expect(report.status).toBe('invalid');
    expect(report.signer?.fingerprint).toBe(other.summary.fingerprint);
    expect(report.problems.map((problem) => problem.messageKey)).toContain('signing.problem.contentModified');
  });

  it('is invalid when the signature value itself is damaged', async () => {
    const [, gapStart] = byteRange(signed);
    // The CMS is hex between '<' and '>', zero-padded. Its DER length tells where it really ends; the
    // signature value is the last field, so the high digit of the last DER byte lies inside it.
    const lastDerDigit = (gapStart as number) + 1 + 2 * (pdfSignatureDer(signed).length - 1);
    const damaged = new Uint8Array(signed);
    // Another hex value, not another case of the same one ('a' and 'A' are the same nibble).
    const digit = Number.parseInt(String.fromCharCode(damaged[lastDerDigit] as number), 16);
    damaged[lastDerDigit] = ((digit + 1) % 16).toString(16).toUpperCase().charCodeAt(0);
    const report = await verifyPdf(damaged, { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([{ check: 'signature', messageKey: 'signing.problem.signatureValueInvalid' }]);
  });

  it('is invalid when the certificate had expired at the signing time, and only warns when it expired later', async () => {
    const expired = await makeIdentity({
      commonName: 'Utløpt enhet',
      notBefore: new Date('2024-01-01T00:00:00Z'),
      validityDays: 30,
    });
    const late = await verifyPdf(await signPdf(unsigned, expired, { signingTime: SIGNING_TIME }), { now: NOW });
    expect(late.status).toBe('invalid');
    expect(late.problems).toEqual([
      { check: 'certificate', messageKey: 'signing.problem.certificateExpiredAtSigning' },
    ]);
    expect(late.certificateValidity).toEqual({ atSigningTime: 'expired', now: 'expired' });
    const inTime = await verifyPdf(
      await signPdf(unsigned, expired, { signingTime: new Date('2024-01-15T12:00:00Z') }),
      { now: NOW },
    );
    expect(inTime.status).toBe('valid_untrusted');
    expect(inTime.warnings).toEqual([{ check: 'certificate', messageKey: 'signing.warning.certificateExpiredSince' }]);
  });

  it('calls an unsigned PDF invalid and a non-PDF unreadable', async () => {
    const plain = await verifyPdf(unsigned, { now: NOW });
    expect(plain).toMatchObject({
      status: 'invalid',
      problems: [{ check: 'pdf', messageKey: 'signing.problem.pdfNotSigned' }],
    });
    const notPdf = await verifyPdf(new TextEncoder().encode('{"kind":"plan"}'), { now: NOW });
    expect(notPdf).toMatchObject({
      status: 'unreadable',
      problems: [{ check: 'pdf', messageKey: 'signing.problem.notPdf' }],
    });
  });

  it('refuses to sign a PDF that is already signed, and a file that is not a PDF', async () => {
    await expect(signPdf(signed, ecdsa, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'signing.pdf.alreadySigned',
    });
    await expect(signPdf(new Uint8Array([1, 2, 3]), ecdsa, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'unreadable',
      messageKey: 'signing.pdf.unreadable',
    });
  });
});

describe('pdfSignatureDer (the test fixture that cuts the CMS out of its zero padding)', () => {
  it('keeps a DER whose last byte is zero whole, as one RSA signature in 256 ends', () => {
    const der = '3081050201000500'; // SEQUENCE { INTEGER 0, NULL }: its last byte is 00
    const head = '%PDF-1.7 /ByteRange [0000 0050 0074 0002]'.padEnd(50, ' ');
    const pdf = `${head}<${der.padEnd(22, '0')}>%%`;
    expect(pdfSignatureDer(new TextEncoder().encode(pdf)).toString('hex')).toBe(der);
  });
});
