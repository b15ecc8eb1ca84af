import type { Indication, SubIndication, VerificationProblem } from '../../../shared/domain/verification';
import { certificateStateAt, fingerprintOf, formatName, type ParsedCertificate } from '../certificate';
import { revocationState, type ParsedCrl } from '../crl';
import { findPaths, issuersOf, MAX_CARRIED_CERTIFICATES, uniqueCertificates } from './build';
import {
  basicConstraints,
  caUsageProblem,
  signerUsageProblem,
  unknownCriticalExtension,
  weakKey,
  weakSignatureAlgorithm,
} from './policy';

/** A trusted certificate. `requireRevocation`: certificates it vouches for need a current CRL. */
export type TrustAnchor = { certificate: ParsedCertificate; requireRevocation: boolean };

export type PathInput = {
  signer: ParsedCertificate;
  /** Certificates carried in the file (CMS set, PDF DSS) or given by the caller; capped and de-duplicated. */
  carried: readonly ParsedCertificate[];
  anchors: readonly TrustAnchor[];
  /** CRLs from the trust store, the CMS crls field and the PDF DSS alike. */
  crls: readonly ParsedCrl[];
  /** Validity and revocation are judged at this time; the signer's claimed time is never used. */
  now: Date;
};

export type PathVerdict = {
  indication: Indication;
  subIndication: SubIndication | null;
  /** The certification path, signer first and trust anchor last; empty when none was found. */
  chain: ParsedCertificate[];
  /** Why the verdict is not TOTAL-PASSED, in `trust.*` messages. */
  problems: VerificationProblem[];
};

type Finding = { sub: SubIndication; messageKey: string; subject: string };

/** Most decisive first: a revoked signer fails outright; the rest leave the verdict open. */
const PRIORITY: readonly SubIndication[] = [
  'REVOKED',
  'SIG_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'CHAIN_CONSTRAINTS_FAILURE',
  'REVOKED_CA_NO_POE',
  'NOT_YET_VALID',
  'OUT_OF_BOUNDS_NO_POE',
  'REVOCATION_OUT_OF_BOUNDS_NO_POE',
  'TRY_LATER',
];

const subjectOf = (item: ParsedCertificate) => formatName(item.cert.subject);

function signerFindings(signer: ParsedCertificate): Finding[] {
  const findings: Finding[] = [];
  const subject = subjectOf(signer);
  const usage = signerUsageProblem(signer.cert);
  if (usage) findings.push({ sub: 'SIG_CONSTRAINTS_FAILURE', messageKey: usage, subject });
  if (unknownCriticalExtension(signer.cert))
    findings.push({ sub: 'SIG_CONSTRAINTS_FAILURE', messageKey: 'trust.problem.unknownCriticalExtension', subject });
  if (weakKey(signer.cert))
    findings.push({ sub: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', messageKey: 'trust.problem.weakKey', subject });
  return findings;
}

/** RFC 5280 § 6.1 on a found path: algorithms, CA flags, key usage, path length, validity now. */
function chainFindings(path: ParsedCertificate[], now: Date): Finding[] {
  const findings: Finding[] = [];
  path.forEach((item, index) => {
    const subject = subjectOf(item);
    const isAnchor = index === path.length - 1;
    if (index > 0) {
      if (weakKey(item.cert))
        findings.push({ sub: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE', messageKey: 'trust.problem.weakKey', subject });
      const usage = caUsageProblem(item.cert);
      if (usage) findings.push({ sub: 'CHAIN_CONSTRAINTS_FAILURE', messageKey: usage, subject });
      const { pathLen } = basicConstraints(item.cert);
      if (pathLen !== null && index - 1 > pathLen)
        findings.push({ sub: 'CHAIN_CONSTRAINTS_FAILURE', messageKey: 'trust.problem.pathLength', subject });
      if (unknownCriticalExtension(item.cert))
        findings.push({
          sub: 'CHAIN_CONSTRAINTS_FAILURE',
          messageKey: 'trust.problem.unknownCriticalExtension',
          subject,
        });
    }
    // The anchor's own self-signature is not relied upon; every signature made by an issuer is.
    if (!isAnchor && weakSignatureAlgorithm(item.cert.signatureAlgorithm))
      findings.push({
        sub: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
        messageKey: 'trust.problem.weakSignatureAlgorithm',
        subject,
      });
    const state = certificateStateAt(item.cert, now);
    if (state === 'expired')
      findings.push({ sub: 'OUT_OF_BOUNDS_NO_POE', messageKey: 'trust.problem.expired', subject });
    if (state === 'not_yet_valid')
      findings.push({ sub: 'NOT_YET_VALID', messageKey: 'trust.problem.notYetValid', subject });
  });
  return findings;
}

/** The finding for a revoked certificate at `index` of a path: the signer fails outright, a CA leaves it open. */
function revokedFinding(index: number, subject: string): Finding {
  return index === 0
    ? { sub: 'REVOKED', messageKey: 'trust.problem.revoked', subject }
    : { sub: 'REVOKED_CA_NO_POE', messageKey: 'trust.problem.caRevoked', subject };
}

/**
 * The path ends at a pinned certificate, trusted as it is; but one its issuer has revoked since (a
 * stolen key) is revoked all the same, when a CRL of that issuer is at hand (trust store or file).
 * Issuers are looked for among the anchors and the carried certificates, by signature.
 */
async function anchorRevoked(
  path: ParsedCertificate[],
  input: PathInput,
  candidates: readonly ParsedCertificate[],
): Promise<Finding | null> {
  const index = path.length - 1;
  const anchor = path[index] as ParsedCertificate;
  for (const issuer of await issuersOf(anchor, candidates)) {
    const state = await revocationState(anchor, issuer, input.crls, input.now);
    if (state.state === 'revoked') return revokedFinding(index, subjectOf(anchor));
  }
  return null;
}

async function revocationFindings(
  path: ParsedCertificate[],
  input: PathInput,
  requireRevocation: boolean,
  candidates: readonly ParsedCertificate[],
) {
  const findings: Finding[] = [];
  for (let index = 0; index < path.length - 1; index++) {
    const item = path[index] as ParsedCertificate;
    const subject = subjectOf(item);
    const state = await revocationState(item, path[index + 1] as ParsedCertificate, input.crls, input.now);
    if (state.state === 'revoked') {
      findings.push(revokedFinding(index, subject));
    } else if (state.state === 'stale') {
      findings.push({ sub: 'REVOCATION_OUT_OF_BOUNDS_NO_POE', messageKey: 'trust.problem.crlStale', subject });
    } else if (state.state === 'missing' && requireRevocation) {
      findings.push({ sub: 'TRY_LATER', messageKey: 'trust.problem.noRevocationData', subject });
    }
  }
  const anchor = await anchorRevoked(path, input, candidates);
  if (anchor) findings.push(anchor);
  return findings;
}

function verdictOf(findings: Finding[], chain: ParsedCertificate[]): PathVerdict {
  const problems = findings.map(({ messageKey, subject }): VerificationProblem => ({
    check: 'certificate',
    messageKey,
    params: { subject },
  }));
  const first = PRIORITY.find((sub) => findings.some((finding) => finding.sub === sub)) ?? null;
  if (first === null) return { indication: 'TOTAL-PASSED', subIndication: null, chain, problems };
  return { indication: first === 'REVOKED' ? 'TOTAL-FAILED' : 'INDETERMINATE', subIndication: first, chain, problems };
}

/**
 * Bro's own certification path validation (RFC 5280 § 6, ETSI EN 319 102-1 § 5.2.6): the path
 * starts at the certificate that made the signature, matched by bytes, never at whichever carried
 * certificate a library picks; carried certificates are capped and de-duplicated; validity and
 * revocation are judged at `now`. A signer on the trust list itself is a path of one, revoked all the
 * same when its issuer's CRL at hand says so.
 */
export async function validatePath(input: PathInput): Promise<PathVerdict> {
  const anchors = new Map(input.anchors.map((anchor) => [fingerprintOf(anchor.certificate.der), anchor]));
  const ownFindings = signerFindings(input.signer);
  const search = {
    pool: uniqueCertificates(input.carried, MAX_CARRIED_CERTIFICATES),
    anchors: new Map([...anchors].map(([key, anchor]) => [key, anchor.certificate])),
  };
  const paths = await findPaths(input.signer, search);
  if (paths.length === 0) {
    const subject = subjectOf(input.signer);
    return verdictOf(
      [...ownFindings, { sub: 'NO_CERTIFICATE_CHAIN_FOUND', messageKey: 'trust.problem.noChain', subject }],
      [],
    );
  }
  let first: PathVerdict | null = null;
  for (const path of paths) {
    const anchor = anchors.get(fingerprintOf((path[path.length - 1] as ParsedCertificate).der));
    const findings = [
      ...ownFindings,
      ...chainFindings(path, input.now),
      // Stryker disable next-line OptionalChaining,BooleanLiteral: every path ends at a certificate findPaths found in this same anchor map, so `anchor` is never undefined here
      ...(await revocationFindings(path, input, anchor?.requireRevocation ?? false, [
        ...search.anchors.values(),
        ...search.pool,
      ])),
    ];
    const verdict = verdictOf(findings, path);
    if (verdict.indication === 'TOTAL-PASSED') return verdict;
    first ??= verdict;
  }
  return first as PathVerdict;
}
