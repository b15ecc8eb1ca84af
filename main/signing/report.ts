import type {
  VerificationProblem,
  VerificationReport,
  VerificationStatus,
  VerifiedFile,
} from '../../shared/domain/verification';
import { certificateStateAt, describeCertificate } from './certificate';
import type { CmsVerification } from './cms-verify';
import { isSignerTrusted, type TrustList } from './trust';

export type VerifyOptions = {
  trust?: TrustList;
  /** The clock, for tests; defaults to the current time. */
  now?: Date;
};

export type ReportInput = {
  format: VerificationReport['format'];
  cms: CmsVerification | null;
  signingTime: Date | null;
  files: VerifiedFile[];
  problems: VerificationProblem[];
};

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function unreadableReport(
  format: VerificationReport['format'],
  problem: VerificationProblem,
  now: Date = new Date(),
): VerificationReport {
  return {
    format,
    status: 'unreadable',
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
  if (input.signingTime && input.signingTime.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    warnings.push({ check: 'signature', messageKey: 'signing.warning.signingTimeInFuture' });
  }
  return { problems, warnings, atSigningTime, atNow };
}

export async function buildReport(input: ReportInput, options: VerifyOptions = {}): Promise<VerificationReport> {
  const now = options.now ?? new Date();
  const signer = input.cms?.signer ?? null;
  const validity = validityFindings(input, now);
  const problems = [...input.problems, ...(input.cms?.problems ?? []), ...validity.problems];
  const trusted =
    signer !== null &&
    (await isSignerTrusted(signer, input.cms?.certificates ?? [], options.trust ?? {}, input.signingTime ?? now));
  const status: VerificationStatus = problems.length > 0 ? 'invalid' : trusted ? 'valid' : 'valid_untrusted';
  return {
    format: input.format,
    status,
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
