import { fingerprintOf, type ParsedCertificate } from '../certificate';
import { engine } from '../crypto';

/** Carried certificates beyond this many are ignored: a Bro chain is three or four certificates. */
export const MAX_CARRIED_CERTIFICATES = 20;
/** Certificates in one path, signer and anchor included. */
export const MAX_PATH_LENGTH = 8;
/** Signature checks one path search may spend, so hostile certificate sets cannot make it slow. */
const MAX_SIGNATURE_CHECKS = 200;
/** Complete paths considered; the first that passes every check wins. */
const MAX_PATHS = 8;

/** The same certificate given twice (by its exact bytes) counts once; the pool is capped. */
export function uniqueCertificates(certs: readonly ParsedCertificate[], cap: number): ParsedCertificate[] {
  const seen = new Set<string>();
  const unique: ParsedCertificate[] = [];
  for (const cert of certs) {
    const fingerprint = fingerprintOf(cert.der);
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    unique.push(cert);
    if (unique.length >= cap) break;
  }
  return unique;
}

export type PathSearch = {
  /** Certificates that may serve as intermediates (carried in the file, or given by the caller). */
  pool: readonly ParsedCertificate[];
  /** Trust anchors by fingerprint. */
  anchors: ReadonlyMap<string, ParsedCertificate>;
};

type SearchState = { checks: number; paths: ParsedCertificate[][]; verified: Map<string, boolean> };

/** Whether `issuer`'s key made `subject`'s signature (cached per pair). */
async function signedBy(
  subject: ParsedCertificate,
  issuer: ParsedCertificate,
  state: Pick<SearchState, 'checks' | 'verified'>,
): Promise<boolean> {
  const key = `${fingerprintOf(subject.der)}>${fingerprintOf(issuer.der)}`;
  const known = state.verified.get(key);
  if (known !== undefined) return known;
  state.checks++;
  const ok = await engine
    .verifyWithPublicKey(
      subject.cert.tbsView,
      subject.cert.signatureValue,
      issuer.cert.subjectPublicKeyInfo,
      subject.cert.signatureAlgorithm,
    )
    .catch(() => false);
  state.verified.set(key, ok);
  return ok;
}

async function extend(path: ParsedCertificate[], visited: Set<string>, search: PathSearch, state: SearchState) {
  const current = path[path.length - 1] as ParsedCertificate;
  if (search.anchors.has(fingerprintOf(current.der))) {
    state.paths.push([...path]);
    return;
  }
  if (path.length >= MAX_PATH_LENGTH) return;
  // Anchors first, so a path to a trusted certificate is found before a detour through carried ones.
  const candidates = [...search.anchors.values(), ...search.pool].filter(
    (candidate) => !visited.has(fingerprintOf(candidate.der)) && candidate.cert.subject.isEqual(current.cert.issuer),
  );
  for (const candidate of candidates) {
    if (state.paths.length >= MAX_PATHS || state.checks >= MAX_SIGNATURE_CHECKS) return;
    if (!(await signedBy(current, candidate, state))) continue;
    const fingerprint = fingerprintOf(candidate.der);
    visited.add(fingerprint);
    path.push(candidate);
    await extend(path, visited, search, state);
    path.pop();
    visited.delete(fingerprint);
  }
}

/** Issuer candidates checked for one pinned certificate, so hostile certificate sets cannot make it slow. */
const MAX_ISSUER_CHECKS = 20;

/**
 * The certificates among `candidates` whose key made `subject`'s signature (other than `subject`
 * itself): who issued a pinned certificate, and so may have revoked it since it was pinned.
 */
export async function issuersOf(
  subject: ParsedCertificate,
  candidates: readonly ParsedCertificate[],
): Promise<ParsedCertificate[]> {
  const own = fingerprintOf(subject.der);
  // The name filter and the bound only spare signature checks (hostile sets stay cheap); whether a
  // candidate issued `subject` is its signature's to say.
  // Stryker disable MethodExpression,ConditionalExpression,LogicalOperator: signedBy decides which candidates issued it; the filter and the bound only keep the work small
  const named = candidates
    .filter((candidate) => fingerprintOf(candidate.der) !== own && candidate.cert.subject.isEqual(subject.cert.issuer))
    .slice(0, MAX_ISSUER_CHECKS);
  // Stryker restore MethodExpression,ConditionalExpression,LogicalOperator
  const state = { checks: 0, verified: new Map<string, boolean>() };
  const signed = await Promise.all(named.map((candidate) => signedBy(subject, candidate, state)));
  return named.filter((_, index) => signed[index]);
}

/**
 * Every certification path (up to a few) from `signer` to a trust anchor: issuer name equals the next
 * subject, each signature checks out under the next certificate's key, no certificate twice (so two
 * certificates issuing each other end the search), bounded length and work. Signer first, anchor last.
 */
export async function findPaths(signer: ParsedCertificate, search: PathSearch): Promise<ParsedCertificate[][]> {
  const state: SearchState = { checks: 0, paths: [], verified: new Map() };
  await extend([signer], new Set([fingerprintOf(signer.der)]), search, state);
  return state.paths;
}
