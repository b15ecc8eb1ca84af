import { describe, expect, it } from 'vitest';
import type { VerificationReport } from '../../../shared/domain/verification';
import { plainVerdict } from './verify-report';

const signer = {
  commonName: 'Testfengsel, radikaliseringskontakt',
  organization: 'Kriminalomsorgen',
  subject: 'CN=Testfengsel, radikaliseringskontakt,O=Kriminalomsorgen',
  issuer: 'CN=Testfengsel, radikaliseringskontakt,O=Kriminalomsorgen',
  serialNumber: '01',
  fingerprint: 'ab'.repeat(32),
  notBefore: '2026-01-01T00:00:00.000Z',
  notAfter: '2028-01-01T00:00:00.000Z',
  selfSigned: true,
};

function report(overrides: Partial<VerificationReport>): VerificationReport {
  return {
    format: 'asice',
    status: 'valid',
    signer,
    signingTime: '2026-03-01T09:30:00.000Z',
    certificateValidity: { atSigningTime: 'valid', now: 'valid' },
    trusted: true,
    files: [{ name: 'document.pdf', size: 1000, sha256: 'cd'.repeat(32), state: 'signed' }],
    problems: [],
    warnings: [],
    checkedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  };
}

describe('a verification report in plain words', () => {
  it('calls a trusted, intact container valid and lets it be imported without a question', () => {
    const verdict = plainVerdict('en', report({}));
    expect(verdict).toMatchObject({ tone: 'success', canImport: true, needsAccept: false, reasons: [] });
    expect(verdict.title).toBe('Valid');
  });

  it('asks for an explicit accept before importing from a signer not on the trust list', () => {
    const verdict = plainVerdict('nb', report({ status: 'valid_untrusted', trusted: false }));
    expect(verdict).toMatchObject({ tone: 'warning', canImport: true, needsAccept: true });
    expect(verdict.title).toBe('Gyldig, men signataren er ikke betrodd');
  });

  it('says the ETSI verdict in plain words, with why the signer cannot be trusted now', () => {
    const verdict = plainVerdict(
      'en',
      report({
        status: 'valid_untrusted',
        trusted: false,
        indication: 'INDETERMINATE',
        subIndication: 'REVOCATION_OUT_OF_BOUNDS_NO_POE',
        trustProblems: [
          { check: 'certificate', messageKey: 'trust.problem.crlStale', params: { subject: 'CN=Fiktiv CA' } },
        ],
      }),
    );
    expect(verdict.etsi).toEqual({
      code: 'INDETERMINATE / REVOCATION_OUT_OF_BOUNDS_NO_POE',
      text: 'Indeterminate: the signature is intact, but the signer cannot be confirmed as trusted. The revocation list is out of date.',
    });
    expect(verdict.reasons).toEqual([
      'The revocation list covering CN=Fiktiv CA is out of date. Fetch a new CRL from the organisation and add it.',
    ]);
  });

  it('derives the verdict of a report stored before indications existed from its status', () => {
    expect(plainVerdict('en', report({})).etsi.code).toBe('TOTAL-PASSED');
  });

  it('names each reason a file is invalid, with the file it concerns', () => {
    const verdict = plainVerdict(
      'en',
      report({
        status: 'invalid',
        problems: [{ check: 'digest', file: 'document.json', messageKey: 'signing.problem.fileModified' }],
      }),
    );
    expect(verdict).toMatchObject({ tone: 'error', canImport: false });
    expect(verdict.title).toBe('Invalid');
    expect(verdict.reasons).toEqual(['document.json: A file has been changed after signing.']);
  });

  it('falls back to the failed check when a reason has no message of its own', () => {
    const verdict = plainVerdict(
      'en',
      report({ status: 'invalid', problems: [{ check: 'manifest', messageKey: 'signing.problem.somethingNew' }] }),
    );
    expect(verdict.reasons).toEqual(['Check failed: List of signed files (manifest)']);
  });

  it('never offers to import an unreadable file or a signed PDF', () => {
    expect(plainVerdict('da', report({ status: 'unreadable', signer: null, files: [] })).canImport).toBe(false);
    expect(plainVerdict('da', report({ format: 'pdf' })).canImport).toBe(false);
  });

  it('says why when an unreadable file comes with no listed problem', () => {
    const verdict = plainVerdict('en', report({ status: 'unreadable', signer: null }));
    expect(verdict.reasons).toEqual(['The file cannot be read as a signed PDF or signed container.']);
  });
});
