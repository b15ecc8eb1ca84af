// Issue 17 item 1: mutants of pades-verify.ts that survived the signing tests. Each test changes one
// thing in a really signed PDF (re-signing it when the change lies in the signed bytes) and requires
// the verdict a reader of the report would see: the exact refusal, or acceptance of a sound file.
import { beforeAll, describe, expect, it } from 'vitest';
import { createDetachedCms } from './cms-sign';
import type { SigningIdentity } from './identity';
import { addDss } from './pades-ltv';
import { signPdf } from './pades-sign';
import { verifyPdf } from './pades-verify';
import { makeIdentity, makePdf } from '../../test/fixtures/signing/signing-fixtures';
import { onePagePdf } from '../../test/fixtures/signing/pdf-sign-fixtures';
import { at, crlBy, DAY, party, signerOf } from '../../test/fixtures/signing/webcrypto-pki';

const NOW = new Date('2026-03-03T08:00:00Z');
const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/;
const INVALID_RANGE = [{ check: 'pdf', messageKey: 'signing.problem.pdfByteRangeInvalid' }];
const UNSUPPORTED = { check: 'pdf', messageKey: 'signing.problem.pdfSubFilterUnsupported' };

let identity: SigningIdentity;
let signed: Uint8Array;
beforeAll(async () => {
  identity = await makeIdentity({ notBefore: new Date('2026-01-01T00:00:00Z') });
  signed = await signPdf(await makePdf(1), identity, { signingTime: SIGNING_TIME });
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

function gap(bytes: Uint8Array): [number, number] {
  const match = BYTE_RANGE.exec(latin1(bytes));
  if (!match) throw new Error('no ByteRange');
  return [Number(match[2]), Number(match[3])];
}

/** `bytes` with each [from, to] (same length) applied once, then signed again over the new bytes. */
async function resigned(edits: [string, string][], signingTime: Date | null = null): Promise<Uint8Array> {
  let text = latin1(signed);
  for (const [from, to] of edits) {
    expect(to).toHaveLength(from.length);
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  const bytes = fromLatin1(text);
  const [gapStart, gapEnd] = gap(bytes);
  const cms = await createDetachedCms([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], identity, {
    signingTime,
  });
  bytes.set(
    fromLatin1(
      Buffer.from(cms)
        .toString('hex')
        .padEnd(gapEnd - gapStart - 2, '0'),
    ),
    gapStart + 1,
  );
  return bytes;
}

/** The same file with one byte of the unsigned /Contents gap replaced (no re-signing needed). */
function withGapByte(offset: (gapStart: number, gapEnd: number) => number, char: string): Uint8Array {
  const copy = new Uint8Array(signed);
  const [gapStart, gapEnd] = gap(copy);
  copy[offset(gapStart, gapEnd)] = char.charCodeAt(0);
  return copy;
}

const claimedM = () => /\/M\s*\([^)]*\)/.exec(latin1(signed))?.[0] ?? '';
const blank = (text: string) => ' '.repeat(text.length);

describe('PDF signature verification accepts', () => {
  it('a PKCS#7 detached signature (SubFilter adbe.pkcs7.detached) as well as a PAdES one', async () => {
    const bytes = await resigned([['/ETSI.CAdES.detached', '/adbe.pkcs7.detached']]);
    expect(await verifyPdf(bytes, { now: NOW })).toMatchObject({ status: 'valid_untrusted', problems: [] });
  });

  it('a SubFilter and a claimed time written without a space after their keys', async () => {
    const m = claimedM();
    const bytes = await resigned([
      ['/SubFilter /ETSI.CAdES.detached', '/SubFilter/ETSI.CAdES.detached '],
      [m, `${m.replace(/^\/M\s*/, '/M')}${' '.repeat(m.length - m.replace(/^\/M\s*/, '/M').length)}`],
    ]);
    const report = await verifyPdf(bytes, { now: NOW });
    expect(report).toMatchObject({ status: 'valid_untrusted', problems: [], warnings: [] });
    expect(report.signingTime).toBe(SIGNING_TIME.toISOString());
  });

  it('the signing time inside the CMS before the /M entry of the dictionary', async () => {
    const inCms = new Date('2026-03-01T09:00:00Z');
    const report = await verifyPdf(await resigned([], inCms), { now: NOW });
    expect(report.signingTime).toBe(inCms.toISOString());
    const withoutM = await verifyPdf(await resigned([[claimedM(), blank(claimedM())]], inCms), { now: NOW });
    expect(withoutM.signingTime).toBe(inCms.toISOString());
    expect(withoutM.warnings).toEqual([]);
  });

  it('a file named by the caller, and calls an unnamed one document.pdf', async () => {
    expect((await verifyPdf(signed, { now: NOW, fileName: 'plan.pdf' })).files[0]?.name).toBe('plan.pdf');
    expect((await verifyPdf(signed, { now: NOW })).files[0]?.name).toBe('document.pdf');
  });
});

describe('PDF signature verification reads the signature dictionary only', () => {
  it('refuses an unsupported SubFilter even when an earlier object names a supported one', async () => {
    const info = /\/Producer <[0-9A-F]*>/.exec(latin1(signed))?.[0] ?? '';
    expect(info.length).toBeGreaterThan(31);
    const decoy = '/SubFilter /ETSI.CAdES.detached'.padEnd(info.length, ' ');
    const bytes = await resigned([
      [info, decoy],
      ['/ETSI.CAdES.detached\n/ByteRange', '/ETSI.RFC3161.detach\n/ByteRange'],
    ]);
    expect(latin1(bytes).indexOf(decoy)).toBeLessThan(gap(bytes)[0]);
    const report = await verifyPdf(bytes, { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual([UNSUPPORTED]);
  });

  it('ignores a SubFilter and a time in an object after the signature dictionary', async () => {
    const m = claimedM();
    const bytes = await resigned([
      ['/SubFilter /ETSI.CAdES.detached', blank('/SubFilter /ETSI.CAdES.detached')],
      [m, blank(m)],
    ]);
    const after = '\n99 0 obj\n<< /SubFilter /ETSI.CAdES.detached /M (D:20260301090000Z) >>\nendobj\n';
    const report = await verifyPdf(new Uint8Array([...bytes, ...fromLatin1(after)]), { now: NOW });
    expect(report.problems).toEqual([
      { check: 'coverage', messageKey: 'signing.problem.pdfBytesAfterSignature' },
      UNSUPPORTED,
    ]);
    expect(report.signingTime).toBeNull();
    expect(report.files[0]?.state).toBe('modified');
  });
});

describe('PDF signature verification refuses a /Contents gap that is not a hex string', () => {
  it.each([
    ["its '<' replaced by a hex digit", (start: number) => start, '0'],
    ["its '>' replaced by a hex digit", (_start: number, end: number) => end - 1, '0'],
    ['a letter that is no hex digit in its zero padding', (_start: number, end: number) => end - 2, 'Z'],
    ['a letter that is no hex digit at its start', (start: number) => start + 1, 'G'],
  ] as const)('%s (pdfByteRangeInvalid)', async (_what, offset, char) => {
    const report = await verifyPdf(withGapByte(offset, char), { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual(INVALID_RANGE);
    expect(report.files[0]?.state).toBe('unsigned');
  });

  it.each([
    ['not under the /Contents key', '/Contents <', '/Contentz <'],
    ['separated from /Contents by a comment', '/Contents <', '/Contents%<'],
  ])('a gap %s (pdfByteRangeInvalid)', async (_what, from, to) => {
    const report = await verifyPdf(await resigned([[from, to]]), { now: NOW });
    expect(report.problems).toEqual(INVALID_RANGE);
  });
});

describe('PDF signature verification tells a PDF from other bytes', () => {
  it('calls a file unreadable when %PDF- first appears after its first kilobyte', async () => {
    const late = new Uint8Array([...new Uint8Array(1100).fill(0x20), ...signed]);
    const report = await verifyPdf(late, { now: NOW });
    expect(report).toMatchObject({
      format: 'pdf',
      status: 'unreadable',
      problems: [{ check: 'pdf', file: 'document.pdf', messageKey: 'signing.problem.notPdf' }],
    });
  });

  it('reads a PDF whose header comes after some leading bytes within the first kilobyte', async () => {
    const early = new Uint8Array([...new Uint8Array(1000).fill(0x20), ...signed]);
    const report = await verifyPdf(early, { now: NOW });
    expect(report.status).toBe('invalid');
    expect(report.problems).toEqual(INVALID_RANGE);
  });
});

const RANGE_SLOT = `/ByteRange [${' '.repeat(32)}]`;
const PKCS7 = '/SubFilter /adbe.pkcs7.detached';

/**
 * A minimal signed file written by hand: `head`, a /Contents string of `digits` hex digits (the CMS,
 * padded with zeros) and `tail`, with RANGE_SLOT in one of them filled in with the real ByteRange.
 */
async function handSigned(head: string, digits: number, tail: string): Promise<Uint8Array> {
  const [gapStart, gapEnd] = [head.length, head.length + digits + 2];
  const range = `/ByteRange [0 ${gapStart} ${gapEnd} ${tail.length}]`.padEnd(RANGE_SLOT.length);
  const bytes = fromLatin1(`${head}<${'0'.repeat(digits)}>${tail}`.replace(RANGE_SLOT, range));
  const cms = await createDetachedCms([bytes.subarray(0, gapStart), bytes.subarray(gapEnd)], identity, {
    signingTime: SIGNING_TIME,
  });
  const hex = Buffer.from(cms).toString('hex');
  expect(hex.length).toBeLessThanOrEqual(digits);
  bytes.set(fromLatin1(hex), gapStart + 1);
  return bytes;
}

const SOUND = { status: 'valid_untrusted', problems: [], warnings: [] };

describe('PDF signature verification of a signature written by hand', () => {
  it('accepts the plain form (the helper itself is sound)', async () => {
    const bytes = await handSigned(`%PDF-1.7\n1 0 obj\n<< ${PKCS7} ${RANGE_SLOT} /Contents `, 4096, ' >>\nendobj\n');
    expect(await verifyPdf(bytes, { now: NOW })).toMatchObject(SOUND);
  });

  it('accepts a /Contents string that starts within 32 bytes of the file', async () => {
    const head = '%PDF-1.7\n1 0 obj\n<</Contents ';
    expect(head.length).toBeLessThan(32);
    const bytes = await handSigned(head, 4096, ` ${PKCS7} ${RANGE_SLOT}>>\nendobj\n`);
    expect(await verifyPdf(bytes, { now: NOW })).toMatchObject(SOUND);
  });

  it('accepts a /Contents key followed directly by its string', async () => {
    const bytes = await handSigned(`%PDF-1.7\n1 0 obj\n<< ${PKCS7} ${RANGE_SLOT} /Contents`, 4096, '>>\nendobj\n');
    expect(await verifyPdf(bytes, { now: NOW })).toMatchObject(SOUND);
  });

  it('reads the SubFilter of a signature dictionary cut off at the end of the file (no endobj)', async () => {
    const bytes = await handSigned(`%PDF-1.7\n1 0 obj\n<< ${RANGE_SLOT} /Contents `, 4096, ` ${PKCS7}`);
    expect(latin1(bytes).endsWith('detached')).toBe(true);
    expect(await verifyPdf(bytes, { now: NOW })).toMatchObject(SOUND);
  });

  it('refuses a /Contents string of an odd number of hex digits (pdfByteRangeInvalid)', async () => {
    const bytes = await handSigned(`%PDF-1.7\n1 0 obj\n<< ${PKCS7} ${RANGE_SLOT} /Contents `, 4095, ' >>\nendobj\n');
    const report = await verifyPdf(bytes, { now: NOW });
    expect(report.problems).toEqual(INVALID_RANGE);
    expect(report.files[0]?.state).toBe('unsigned');
  });
});

describe('PDF signature verification of a B-LT PDF', () => {
  it('builds the path with a CA certificate that only the DSS carries', async () => {
    const root = await party('Fiktiv rot-CA', 1);
    const ca = await party('Fiktiv CA', 2, root);
    // The CMS carries the signer's certificate alone: the CA is in the DSS or nowhere.
    const plain = await signPdf(await onePagePdf(), signerOf(await party('Fiktiv enhet', 3, ca)), {
      signingTime: at(-DAY),
    });
    const crls = [(await crlBy(ca)).der, (await crlBy(root)).der];
    const options = { now: NOW, trust: { authorities: [root.cert.der] } };
    const withDss = await verifyPdf(await addDss(plain, { certs: [ca.cert.der], crls }), options);
    expect(withDss).toMatchObject({ status: 'valid', problems: [] });
    expect((await verifyPdf(await addDss(plain, { certs: [], crls }), options)).status).not.toBe('valid');
  });
});
