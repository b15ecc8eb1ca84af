// Issue 17: removing the SubFilter check of pades-verify.ts survived the tests, and the refusals of
// several signatures and of a malformed ByteRange were never asserted. Each test breaks one rule of a
// really signed PDF and requires exactly that refusal.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDetachedCms } from './cms-sign';
import type { SigningIdentity } from './identity';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { makeIdentity, makePdf, run } from '../../test/fixtures/signing/signing-fixtures';
import { shadowByDuplicate, shadowInStream } from '../../test/fixtures/signing/pdf-shadow';
import { tempDirs } from '../../test/support/temp-dir';

const NOW = new Date('2026-03-03T08:00:00Z');
const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const BYTE_RANGE = /\/ByteRange\s*\[([^\]]*)\]/;

let identity: SigningIdentity;
let signed: Uint8Array;
beforeAll(async () => {
  identity = await makeIdentity({ notBefore: new Date('2026-01-01T00:00:00Z') });
  signed = await signPdf(await makePdf(2), identity, { signingTime: SIGNING_TIME });
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

type Range = [number, number, number, number];

function byteRange(bytes: Uint8Array): Range {
  return (BYTE_RANGE.exec(latin1(bytes))?.[1] ?? '').trim().split(/\s+/).map(Number) as [
    number,
    number,
    number,
    number,
  ];
}

/** The same PDF with /ByteRange rewritten to `numbers`, padded so that no offset moves. */
function withByteRange(bytes: Uint8Array, numbers: number[]): Uint8Array {
  const text = latin1(bytes);
  const match = BYTE_RANGE.exec(text);
  if (!match) throw new Error('no ByteRange');
  const replacement = `/ByteRange [${numbers.join(' ')}]`;
  expect(replacement.length).toBeLessThanOrEqual(match[0].length);
  return fromLatin1(
    text.replace(match[0], replacement.replace(']', `${' '.repeat(match[0].length - replacement.length)}]`)),
  );
}

/** Replaces `from` by `to` (same length) and signs the result again, so only that change is wrong. */
async function resignedWith(from: string, to: string): Promise<Uint8Array> {
  expect(to).toHaveLength(from.length);
  const bytes = fromLatin1(latin1(signed).replace(from, to));
  const [, gapStart, gapEnd] = byteRange(bytes);
  const cms = await createDetachedCms([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], identity, {
    signingTime: null,
  });
  const hex = Buffer.from(cms)
    .toString('hex')
    .toUpperCase()
    .padEnd(gapEnd - gapStart - 2, '0');
  bytes.set(fromLatin1(hex), gapStart + 1);
  return bytes;
}

describe('PDF signature verification refuses', () => {
  it('nothing when a re-signed PDF keeps its SubFilter (the helper itself is sound)', async () => {
    const same = await resignedWith('ETSI.CAdES.detached', 'ETSI.CAdES.detached');
    expect(await verifyPdf(same, { now: NOW })).toMatchObject({ status: 'valid_untrusted', problems: [] });
  });

  it('a correctly signed PDF whose SubFilter is not PAdES or PKCS#7 detached (pdfSubFilterUnsupported)', async () => {
    const report = await verifyPdf(await resignedWith('/ETSI.CAdES.detached', '/ETSI.RFC3161.detach'), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([{ check: 'pdf', messageKey: 'signing.problem.pdfSubFilterUnsupported' }]);
    // The signed bytes are intact: the file is signed, in a form Bro does not accept, not modified.
    expect(report.files[0]?.state).toBe('signed');
  });

  it('a signature dictionary without a SubFilter (pdfSubFilterUnsupported)', async () => {
    const report = await verifyPdf(await resignedWith('/SubFilter /ETSI.CAdES.detached', ' '.repeat(31)), { now: NOW });
    expect(report.problems).toEqual([{ check: 'pdf', messageKey: 'signing.problem.pdfSubFilterUnsupported' }]);
  });

  it('a PDF with a second signature dictionary (pdfMultipleSignatures)', async () => {
    const second = new TextEncoder().encode('\n9 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] >>\nendobj\n');
    const report = await verifyPdf(new Uint8Array([...signed, ...second]), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([{ check: 'pdf', messageKey: 'signing.problem.pdfMultipleSignatures' }]);
  });

  it.each([
    ['not starting at 0', ([, b, c, d]: Range) => [1, b, c, d]],
    ['a gap that is not the /Contents string', ([a, b, c, d]: Range) => [a, b + 2, c, d]],
    ['a gap that ends inside the string', ([a, b, c, d]: Range) => [a, b, c - 2, d]],
    ['ranges beyond the end of the file', ([a, b, c, d]: Range) => [a, b, c, d + 100]],
    ['a gap of an odd number of hex digits', ([a, b, c, d]: Range) => [a, b, c - 1, d]],
  ])('a ByteRange %s (pdfByteRangeInvalid)', async (_what, change) => {
    const report = await verifyPdf(withByteRange(signed, change(byteRange(signed))), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([{ check: 'pdf', messageKey: 'signing.problem.pdfByteRangeInvalid' }]);
    expect(report.files[0]?.state).toBe('unsigned');
  });

  it("a ByteRange whose gap ends before it starts, at a '>' earlier in the file (pdfByteRangeInvalid)", async () => {
    const [, gapStart, , rest] = byteRange(signed);
    const text = latin1(signed);
    // A '>' an even number of bytes before the '<': the gap's delimiters and its parity look right.
    let close = text.lastIndexOf('>', gapStart);
    while ((gapStart - close - 1) % 2 !== 0) close = text.lastIndexOf('>', close - 1);
    expect(close).toBeGreaterThan(0);
    const bytes = withByteRange(signed, [0, gapStart, close + 1, rest]);
    const report = await verifyPdf(bytes, { now: NOW });
    expect(report.problems).toEqual([{ check: 'pdf', messageKey: 'signing.problem.pdfByteRangeInvalid' }]);
    expect(report.files[0]?.state).toBe('unsigned');
  });

  it('a signature made before its certificate was valid (certificateNotYetValidAtSigning)', async () => {
    const early = await makeIdentity({ commonName: 'Ny enhet', notBefore: new Date('2026-06-01T00:00:00Z') });
    const bytes = await signPdf(await makePdf(1), early, { signingTime: SIGNING_TIME });
    const report = await verifyPdf(bytes, { now: new Date('2026-07-01T00:00:00Z') });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([
      { check: 'certificate', messageKey: 'signing.problem.certificateNotYetValidAtSigning' },
    ]);
  });
});

describe('PDF signature verification refuses a shadow attack on a genuine file', () => {
  const temp = tempDirs('bro-pdf-shadow-');
  afterAll(() => temp.cleanup());

  /** What poppler shows on page 1: the text every reader follows the cross-reference table to. */
  function shownText(pdf: Uint8Array): string {
    const path = join(temp.make(), 'file.pdf');
    writeFileSync(path, pdf);
    const shown = run('pdftotext', ['-l', '1', path, '-']);
    expect(shown.status).toBe(0);
    return shown.stdout;
  }

  it.each([
    ['inside a stream that looks like a certificate', shadowInStream],
    ['by defining the content twice', shadowByDuplicate],
  ])('page content replaced %s: the file is changed after signing, not signed', async (_how, shadow) => {
    const trust = { fingerprints: [identity.summary.fingerprint] };
    const forged = await shadow(signed, 'FORFALSKET innhold');
    // The attack is real: readers show the other text, and the signature itself is the genuine one.
    expect(shownText(forged)).toContain('FORFALSKET innhold');
    expect(shownText(forged)).not.toContain('Oppfolgingsplan for Ola Testmann');
    expect(shownText(signed)).toContain('Oppfolgingsplan for Ola Testmann');
    const report = await verifyPdf(forged, { now: NOW, trust, fileName: 'plan.pdf' });
    expect(report.files[0]?.state).toBe('modified');
    expect(report.problems).toContainEqual({ check: 'coverage', messageKey: 'signing.problem.pdfBytesAfterSignature' });
    expect(report.status).not.toMatch(/^valid/);
    expect((await verifyPdf(signed, { now: NOW, trust, fileName: 'plan.pdf' })).files[0]?.state).toBe('signed');
  });
});

describe('PDF signature verification warns', () => {
  it('when the signature claims no signing time at all (noSigningTime)', async () => {
    const text = latin1(signed);
    const claimed = /\/M\s*\([^)]*\)/.exec(text)?.[0] ?? '';
    expect(claimed).not.toBe('');
    const report = await verifyPdf(await resignedWith(claimed, ' '.repeat(claimed.length)), { now: NOW });
    expect(report.status).toBe('valid_untrusted');
    expect(report.signingTime).toBeNull();
    expect(report.warnings).toEqual([{ check: 'signature', messageKey: 'signing.warning.noSigningTime' }]);
  });

  it('when the claimed signing time lies in the future of the verifying clock (signingTimeInFuture)', async () => {
    const report = await verifyPdf(signed, { now: new Date('2026-02-01T00:00:00Z') });
    expect(report.warnings).toContainEqual({ check: 'signature', messageKey: 'signing.warning.signingTimeInFuture' });
    const inTime = await verifyPdf(signed, { now: NOW });
    expect(inTime.warnings).toEqual([]);
  });
});
