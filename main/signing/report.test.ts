// The verification report (report.ts): the ETSI indication a user sees, from the integrity problems,
// the certificate's validity at the claimed signing time and Bro's path validation. Real certificates
// and CRLs (WebCrypto P-256); the CMS result is given directly, as the PDF and ASiC verifiers pass it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { VerificationProblem } from '../../shared/domain/verification';
import type { ParsedCertificate } from './certificate';
import type { CmsVerification } from './cms-verify';
import { buildReport, unreadableReport, type ReportInput, type VerifyOptions } from './report';
import {
  at,
  CRL_SIGN,
  crlBy,
  DAY,
  KEY_CERT_SIGN,
  MINUTE,
  NOW,
  party,
  type Party,
} from '../../test/fixtures/signing/webcrypto-pki';

let root: Party;
let intermediate: Party;
let leaf: Party;
let crl: Uint8Array;
beforeAll(async () => {
  root = await party('Fiktiv rot-CA', 1, undefined, KEY_CERT_SIGN | CRL_SIGN);
  intermediate = await party('Fiktiv under-CA', 2, root, KEY_CERT_SIGN | CRL_SIGN);
  leaf = await party('Fiktiv enhet', 3, intermediate);
  crl = (await crlBy(intermediate)).der;
});

// The leaf is valid from at(-30 days) to at(300 days).
const VALID_FROM = at(-30 * DAY);
const VALID_TO = at(300 * DAY);

function cms(signer: ParsedCertificate | null, problems: VerificationProblem[] = []): CmsVerification {
  return { problems, signer, certificates: signer ? [signer] : [], crls: [], signingTime: null };
}

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  return { format: 'pdf', cms: cms(leaf.cert), signingTime: at(-DAY), files: [], problems: [], ...overrides };
}

const report = (overrides: Partial<ReportInput> = {}, options: VerifyOptions = {}) =>
  buildReport(input(overrides), { now: NOW, ...options });

const key = (messageKey: string, check: VerificationProblem['check'] = 'signature'): VerificationProblem => ({
  check,
  messageKey,
});

describe('a report on a sound signature', () => {
  it('is valid and trusted when the path reaches a pinned CA, naming signer and chain', async () => {
    const result = await report(
      {},
      { trust: { certificates: [root.cert.der] }, extra: { certificates: [intermediate.cert.der] } },
    );
    expect(result).toMatchObject({
      format: 'pdf',
      status: 'valid',
      indication: 'TOTAL-PASSED',
      subIndication: null,
      trusted: true,
      problems: [],
      warnings: [],
      trustProblems: [],
      signingTime: at(-DAY).toISOString(),
      certificateValidity: { atSigningTime: 'valid', now: 'valid' },
      checkedAt: NOW.toISOString(),
      signer: { commonName: 'Fiktiv enhet' },
    });
    expect(result.chain?.map((item) => item.commonName)).toEqual(['Fiktiv enhet', 'Fiktiv under-CA', 'Fiktiv rot-CA']);
  });

  it('uses CRLs given beside the file, and ignores extra bytes that are no certificate', async () => {
    const garbage = new TextEncoder().encode('ikke et sertifikat');
    const trust = { authorities: [root.cert.der] };
    const without = await report({}, { trust, extra: { certificates: [garbage, intermediate.cert.der] } });
    expect(without).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER', trusted: false });
    const withCrl = await report(
      {},
      {
        trust: { ...trust, crls: [(await crlBy(root)).der] },
        extra: { certificates: [intermediate.cert.der], crls: [crl] },
      },
    );
    expect(withCrl).toMatchObject({ indication: 'TOTAL-PASSED', status: 'valid' });
  });

  it('is valid but untrusted when nobody trusts the signer, with the reason', async () => {
    const result = await report();
    expect(result).toMatchObject({
      status: 'valid_untrusted',
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
      trusted: false,
      chain: [],
      trustProblems: [{ check: 'certificate', messageKey: 'trust.problem.noChain' }],
    });
  });

  it('has no signer and no certificate chain when the CMS named none', async () => {
    const result = await report({ cms: cms(null), signingTime: null });
    expect(result).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
      signer: null,
      signingTime: null,
      certificateValidity: { atSigningTime: 'unknown', now: 'unknown' },
      warnings: [],
      chain: [],
      trustProblems: [],
    });
    expect(await report({ cms: null })).toMatchObject({
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
      chain: [],
      trustProblems: [],
    });
  });
});

describe('a report judges the certificate at the claimed signing time', () => {
  it('refuses a signature made before the certificate was valid (NOT_YET_VALID)', async () => {
    const result = await report({ signingTime: new Date(VALID_FROM.getTime() - 1000) });
    expect(result).toMatchObject({ status: 'invalid', indication: 'TOTAL-FAILED', subIndication: 'NOT_YET_VALID' });
    expect(result.problems).toEqual([key('signing.problem.certificateNotYetValidAtSigning', 'certificate')]);
    expect(result.certificateValidity).toEqual({ atSigningTime: 'not_yet_valid', now: 'valid' });
  });

  it('refuses a signature claimed after the certificate expired (EXPIRED)', async () => {
    const later = new Date(VALID_TO.getTime() + DAY);
    const result = await report({ signingTime: new Date(VALID_TO.getTime() + 1000) }, { now: later });
    expect(result).toMatchObject({ indication: 'TOTAL-FAILED', subIndication: 'EXPIRED' });
    expect(result.problems).toEqual([key('signing.problem.certificateExpiredAtSigning', 'certificate')]);
  });

  it('does not also warn that it expired since when it had already expired at signing', async () => {
    const later = new Date(VALID_TO.getTime() + DAY);
    const result = await report({ signingTime: new Date(VALID_TO.getTime() + 1000) }, { now: later });
    expect(result.certificateValidity).toEqual({ atSigningTime: 'expired', now: 'expired' });
    expect(result.warnings).toEqual([]);
  });

  it('only warns when the certificate was valid at signing and has expired since', async () => {
    const later = new Date(VALID_TO.getTime() + DAY);
    const result = await report({}, { now: later });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([key('signing.warning.certificateExpiredSince', 'certificate')]);
    expect(result.certificateValidity).toEqual({ atSigningTime: 'valid', now: 'expired' });
  });

  it('without a signing time judges validity now, and warns that no time was claimed', async () => {
    const fresh = await report({ signingTime: null });
    expect(fresh.problems).toEqual([]);
    expect(fresh.warnings).toEqual([key('signing.warning.noSigningTime')]);
    const later = await report({ signingTime: null }, { now: new Date(VALID_TO.getTime() + DAY) });
    expect(later.problems).toEqual([key('signing.problem.certificateExpiredAtSigning', 'certificate')]);
    expect(later.warnings).toEqual([key('signing.warning.noSigningTime')]);
  });

  it('warns of a signing time more than five minutes ahead of the clock, not of one within', async () => {
    const ahead = await report({ signingTime: new Date(NOW.getTime() + 5 * MINUTE + 1000) });
    expect(ahead.warnings).toEqual([key('signing.warning.signingTimeInFuture')]);
    expect((await report({ signingTime: new Date(NOW.getTime() + 5 * MINUTE) })).warnings).toEqual([]);
  });
});

describe('a report names the check that failed', () => {
  it.each([
    ['content changed', [key('signing.problem.contentModified')], 'HASH_FAILURE'],
    ['a file of a container changed', [key('signing.problem.fileModified', 'container')], 'HASH_FAILURE'],
    ['bytes after the signature', [key('signing.problem.pdfBytesAfterSignature', 'coverage')], 'HASH_FAILURE'],
    ['a manifest digest', [key('signing.problem.manifestDigestMismatch', 'digest')], 'HASH_FAILURE'],
    [
      'both the hash and the signature value',
      [key('signing.problem.signatureValueInvalid'), key('signing.problem.contentModified')],
      'HASH_FAILURE',
    ],
    ['the signature value', [key('signing.problem.signatureValueInvalid')], 'SIG_CRYPTO_FAILURE'],
    [
      'the signer certificate missing',
      [key('signing.problem.signerCertificateMissing')],
      'NO_SIGNING_CERTIFICATE_FOUND',
    ],
    ['anything else', [key('signing.problem.signatureMalformed')], 'FORMAT_FAILURE'],
    // Beside a problem of no named check, the named one still decides.
    [
      'the signature value, beside a malformed attribute',
      [key('signing.problem.signatureMalformed'), key('signing.problem.signatureValueInvalid')],
      'SIG_CRYPTO_FAILURE',
    ],
    [
      'the signer certificate missing, beside a malformed attribute',
      [key('signing.problem.signatureMalformed'), key('signing.problem.signerCertificateMissing')],
      'NO_SIGNING_CERTIFICATE_FOUND',
    ],
    [
      'the certificate expired at signing, beside a malformed attribute',
      [key('signing.problem.signatureMalformed'), key('signing.problem.certificateExpiredAtSigning', 'certificate')],
      'EXPIRED',
    ],
    [
      'the certificate not yet valid at signing, beside a malformed attribute',
      [
        key('signing.problem.signatureMalformed'),
        key('signing.problem.certificateNotYetValidAtSigning', 'certificate'),
      ],
      'NOT_YET_VALID',
    ],
  ] as const)('%s', async (_what, problems, subIndication) => {
    const result = await report({ cms: cms(leaf.cert, [...problems]) });
    expect(result).toMatchObject({ status: 'invalid', indication: 'TOTAL-FAILED', subIndication, trusted: false });
    expect(result.problems).toEqual(problems);
  });

  it('lists the file problems first, then the CMS problems, then the certificate problems', async () => {
    const result = await report({
      problems: [key('signing.problem.pdfSubFilterUnsupported', 'pdf')],
      cms: cms(leaf.cert, [key('signing.problem.contentModified')]),
      signingTime: new Date(VALID_FROM.getTime() - 1000),
    });
    expect(result.problems.map((problem) => problem.messageKey)).toEqual([
      'signing.problem.pdfSubFilterUnsupported',
      'signing.problem.contentModified',
      'signing.problem.certificateNotYetValidAtSigning',
    ]);
    expect(result.subIndication).toBe('HASH_FAILURE');
  });
});

describe('a file that cannot be read', () => {
  it('is reported unreadable with the one problem and the time it was checked', () => {
    const problem = key('signing.problem.notPdf', 'pdf');
    expect(unreadableReport('asice', problem, NOW)).toEqual({
      format: 'asice',
      status: 'unreadable',
      indication: 'TOTAL-FAILED',
      subIndication: 'FORMAT_FAILURE',
      chain: [],
      trustProblems: [],
      signer: null,
      signingTime: null,
      certificateValidity: { atSigningTime: 'unknown', now: 'unknown' },
      trusted: false,
      files: [],
      problems: [problem],
      warnings: [],
      checkedAt: NOW.toISOString(),
    });
    const before = Date.now();
    const checkedAt = Date.parse(unreadableReport('pdf', problem).checkedAt);
    expect(checkedAt).toBeGreaterThanOrEqual(before);
    expect(checkedAt).toBeLessThanOrEqual(Date.now());
  });
});
