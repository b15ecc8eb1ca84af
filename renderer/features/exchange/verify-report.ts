import {
  indicationOf,
  type Indication,
  type SubIndication,
  type VerificationProblem,
  type VerificationReport,
  type VerificationStatus,
} from '../../../shared/domain/verification';
import type { Locale } from '../../../shared/domain/profile';
import { hasMessage, translate } from '../../../shared/i18n/translate';
import { CHECK_KEY, STATUS_DETAIL_KEY, STATUS_TITLE_KEY } from './labels';

export type VerdictTone = 'success' | 'warning' | 'error';

/** What a verification report means for the person holding the file, in plain words. */
export interface PlainVerdict {
  status: VerificationStatus;
  tone: VerdictTone;
  title: string;
  detail: string;
  /** Each reason the file is invalid or unreadable: what failed, and in which file. */
  reasons: string[];
  /** Worth knowing, but not making the signature invalid. */
  notes: string[];
  /** The ETSI EN 319 102-1 result in plain words: indication, then what the sub-indication means. */
  etsi: { code: string; text: string };
  /** Only an intact signed container can be imported; a PDF is for reading. */
  canImport: boolean;
  /** An intact container from a signer not on the trust list needs an explicit accept. */
  needsAccept: boolean;
}

/** Each ETSI indication and sub-indication in plain words (literal keys, so every one stays checkable). */
const INDICATION_KEY = {
  'TOTAL-PASSED': 'trust.indication.TOTAL-PASSED',
  INDETERMINATE: 'trust.indication.INDETERMINATE',
  'TOTAL-FAILED': 'trust.indication.TOTAL-FAILED',
} as const satisfies Record<Indication, string>;

const SUB_INDICATION_KEY = {
  FORMAT_FAILURE: 'trust.subIndication.FORMAT_FAILURE',
  HASH_FAILURE: 'trust.subIndication.HASH_FAILURE',
  SIG_CRYPTO_FAILURE: 'trust.subIndication.SIG_CRYPTO_FAILURE',
  REVOKED: 'trust.subIndication.REVOKED',
  EXPIRED: 'trust.subIndication.EXPIRED',
  NOT_YET_VALID: 'trust.subIndication.NOT_YET_VALID',
  SIG_CONSTRAINTS_FAILURE: 'trust.subIndication.SIG_CONSTRAINTS_FAILURE',
  CHAIN_CONSTRAINTS_FAILURE: 'trust.subIndication.CHAIN_CONSTRAINTS_FAILURE',
  CRYPTO_CONSTRAINTS_FAILURE_NO_POE: 'trust.subIndication.CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  NO_SIGNING_CERTIFICATE_FOUND: 'trust.subIndication.NO_SIGNING_CERTIFICATE_FOUND',
  NO_CERTIFICATE_CHAIN_FOUND: 'trust.subIndication.NO_CERTIFICATE_CHAIN_FOUND',
  REVOKED_CA_NO_POE: 'trust.subIndication.REVOKED_CA_NO_POE',
  OUT_OF_BOUNDS_NO_POE: 'trust.subIndication.OUT_OF_BOUNDS_NO_POE',
  REVOCATION_OUT_OF_BOUNDS_NO_POE: 'trust.subIndication.REVOCATION_OUT_OF_BOUNDS_NO_POE',
  TRY_LATER: 'trust.subIndication.TRY_LATER',
} as const satisfies Record<SubIndication, string>;

const TONE: Record<VerificationStatus, VerdictTone> = {
  valid: 'success',
  valid_untrusted: 'warning',
  invalid: 'error',
  unreadable: 'error',
};

/** One problem as a sentence: its own message when the catalog has it, else the check that failed. */
export function describeProblem(locale: Locale, problem: VerificationProblem): string {
  const message = hasMessage(locale, problem.messageKey)
    ? translate(locale, problem.messageKey, problem.params)
    : translate(locale, 'exchange.verify.checkFailed', { check: translate(locale, CHECK_KEY[problem.check]) });
  return problem.file ? translate(locale, 'exchange.verify.inFile', { message, file: problem.file }) : message;
}

export function plainVerdict(locale: Locale, report: VerificationReport): PlainVerdict {
  const { status } = report;
  const intact = status === 'valid' || status === 'valid_untrusted';
  const reasons = [...report.problems, ...(report.trustProblems ?? [])].map((problem) =>
    describeProblem(locale, problem),
  );
  const indication = indicationOf(report);
  const sub = report.subIndication ?? null;
  if (!intact && reasons.length === 0) reasons.push(translate(locale, STATUS_DETAIL_KEY[status]));
  return {
    status,
    tone: TONE[status],
    title: translate(locale, STATUS_TITLE_KEY[status]),
    detail: translate(locale, STATUS_DETAIL_KEY[status]),
    reasons,
    notes: report.warnings.map((warning) => describeProblem(locale, warning)),
    etsi: {
      code: sub ? `${indication} / ${sub}` : indication,
      text: [
        translate(locale, INDICATION_KEY[indication]),
        ...(sub ? [translate(locale, SUB_INDICATION_KEY[sub])] : []),
      ].join(' '),
    },
    canImport: intact && report.format === 'asice',
    needsAccept: status === 'valid_untrusted',
  };
}
