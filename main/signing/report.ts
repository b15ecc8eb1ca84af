import {
  statusOfIndication,
  type Indication,
  type SubIndication,
  type VerificationProblem,
  type VerificationReport,
  type VerifiedFile,
} from '../../shared/domain/verification';
import {
  CLOCK_SKEW_MS,
  certificateStateAt,
  describeCertificate,
  parseCertificate,
  type ParsedCertificate,
} from './certificate';
import type { CmsVerification } from './cms-verify';
import type { PathVerdict } from './path/validate';
import { validateSigner, type TrustList } from './trust';

export type VerifyOptions = {
  trust?: TrustList;
  /** The clock, for tests; defaults to the current time. Validity and revocation are judged at it. */
  now?: Date;
  /**
   * Validation data found outside the CMS, e.g. certificates and CRLs in a PDF's DSS dictionary
   * (DER). Untrusted help for path building and revocation, like the CMS's own sets.
   */
  extra?: { certificates?: readonly Uint8Array[]; crls?: readonly Uint8Array[] };
};

export type ReportInput = {
  format: VerificationReport['format'];
  cms: CmsVerification | null;
  signingTime: Date | null;
  files: VerifiedFile[];
  problems: VerificationProblem[];
};

export function unreadableReport(
  format: VerificationReport['format'],
  problem: VerificationProblem,
  now: Date = new Date(),
): VerificationReport {
  return {
    format,
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
    checkedAt: now.toISOString(),
  };
}

/**
 * Certificate validity policy: a certificate not valid at the claimed signing time makes the signature
 * invalid; one that was valid then but has expired since only warns (the usual rule for signatures
 * made while the certificate was in force). Without any signing time, validity now decides.
 */
function validityFindings(input: ReportInput, now: Date) {
  const problems: VerificationProblem[] = [];
  const warnings: VerificationProblem[] = [];
  const signer = input.cms?.signer;
  if (!signer) return { problems, warnings, atSigningTime: 'unknown' as const, atNow: 'unknown' as const };
  const atSigningTime = certificateStateAt(signer.cert, input.signingTime);
  const atNow = certificateStateAt(signer.cert, now);
  const decisive = input.signingTime ? atSigningTime : atNow;
  if (decisive === 'expired')
    problems.push({ check: 'certificate', messageKey: 'signing.problem.certificateExpiredAtSigning' });
  if (decisive === 'not_yet_valid')
    problems.push({ check: 'certificate', messageKey: 'signing.problem.certificateNotYetValidAtSigning' });
  if (!input.signingTime) warnings.push({ check: 'signature', messageKey: 'signing.warning.noSigningTime' });
  else if (atSigningTime === 'valid' && atNow === 'expired') {
    warnings.push({ check: 'certificate', messageKey: 'signing.warning.certificateExpiredSince' });
  }
  if (input.signingTime && input.signingTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    warnings.push({ check: 'signature', messageKey: 'signing.warning.signingTimeInFuture' });
  }
  return { problems, warnings, atSigningTime, atNow };
}

const HASH_FAILURES = new Set(['signing.problem.contentModified', 'signing.problem.fileModified']);

/** TOTAL-FAILED and the failed check, from the integrity and format problems (ETSI EN 319 102-1 table 5). */
function failedCheck(problems: VerificationProblem[]): SubIndication {
  if (problems.some((p) => HASH_FAILURES.has(p.messageKey) || p.check === 'coverage' || p.check === 'digest'))
    return 'HASH_FAILURE';
  if (problems.some((p) => p.messageKey === 'signing.problem.signatureValueInvalid')) return 'SIG_CRYPTO_FAILURE';
  if (problems.some((p) => p.messageKey === 'signing.problem.signerCertificateMissing'))
    return 'NO_SIGNING_CERTIFICATE_FOUND';
  if (problems.some((p) => p.messageKey === 'signing.problem.certificateExpiredAtSigning')) return 'EXPIRED';
  if (problems.some((p) => p.messageKey === 'signing.problem.certificateNotYetValidAtSigning')) return 'NOT_YET_VALID';
  return 'FORMAT_FAILURE';
}

function extraCertificates(der: readonly Uint8Array[] | undefined): ParsedCertificate[] {
  const parsed: ParsedCertificate[] = [];
  // Stryker disable next-line ArrayDeclaration: a stray element is no DER certificate, so the catch below drops it
  for (const item of der ?? []) {
    try {
      parsed.push(parseCertificate(item));
    } catch {
      // Unreadable extra certificates help no path; they are ignored, not fatal.
    }
  }
  return parsed;
}

async function pathVerdict(input: ReportInput, options: VerifyOptions, now: Date): Promise<PathVerdict | null> {
  const signer = input.cms?.signer;
  if (!signer || !input.cms) return null;
  const carried = {
    certificates: [...input.cms.certificates, ...extraCertificates(options.extra?.certificates)],
    crls: [
      ...input.cms.crls,
      // Stryker disable next-line ArrayDeclaration: a stray element is no CRL, and validateSigner drops what parseCrlQuietly cannot read
      ...(options.extra?.crls ?? []),
    ],
  };
  return validateSigner(signer, carried, options.trust ?? {}, now);
}

/**
 * The report: integrity problems make it TOTAL-FAILED with the failed check; otherwise Bro's path
 * validation decides between TOTAL-PASSED and INDETERMINATE (or TOTAL-FAILED for a revoked signer).
 * `status` and `trusted` are kept for older callers and follow from the indication.
 */
export async function buildReport(input: ReportInput, options: VerifyOptions = {}): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const signer = input.cms?.signer ?? null;
  const validity = validityFindings(input, now);
  const problems = [...input.problems, ...(input.cms?.problems ?? []), ...validity.problems];
  const path = await pathVerdict(input, options, now);
  const trusted = path?.indication === 'TOTAL-PASSED';
  let indication: Indication;
  let subIndication: SubIndication | null;
  if (problems.length > 0) [indication, subIndication] = ['TOTAL-FAILED', failedCheck(problems)];
  else if (!path) [indication, subIndication] = ['INDETERMINATE', 'NO_SIGNING_CERTIFICATE_FOUND'];
  else [indication, subIndication] = [path.indication, path.subIndication];
  return {
    format: input.format,
    status: statusOfIndication(indication),
    indication,
    subIndication,
    chain: (path?.chain ?? []).map(describeCertificate),
    trustProblems: path?.problems ?? [],
    signer: signer ? describeCertificate(signer) : null,
    signingTime: input.signingTime ? input.signingTime.toISOString() : null,
    certificateValidity: { atSigningTime: validity.atSigningTime, now: validity.atNow },
    trusted,
    files: input.files,
    problems,
    warnings: validity.warnings,
    checkedAt: now.toISOString(),
  };
}
