import type * as pkijs from 'pkijs';
import { AppError } from '../ipc/app-error';
import { CLOCK_SKEW_MS } from './certificate';
import { basicConstraints, caUsageProblem, signerUsageProblem } from './path/policy';

/**
 * Checks on a certificate as it is taken in (the vault's own identity, a pinned signer), so that
 * what the verifier would later refuse is refused up front, when the user can still act on it.
 */

type Validity = 'expired' | 'notYetValid' | null;

const day = (date: Date) => date.toISOString().slice(0, 10);

/** Expired or not yet valid at `now`; a notBefore within the verifier's clock skew is a clock ahead, not a fault. */
function validityAt(cert: pkijs.Certificate, now: Date): Validity {
  if (cert.notBefore.value.getTime() > now.getTime() + CLOCK_SKEW_MS) return 'notYetValid';
  if (cert.notAfter.value.getTime() < now.getTime()) return 'expired';
  return null;
}

/**
 * Refuses a certificate that cannot be the unit's signing identity: a CA's, one not issued for
 * signing documents (the verifier's signer check), or one not valid at `now`.
 */
export function refuseAsIdentity(cert: pkijs.Certificate, now: Date): void {
  if (basicConstraints(cert).ca) throw new AppError('invalid_input', 'signing.identity.isCa');
  if (signerUsageProblem(cert)) throw new AppError('invalid_input', 'signing.identity.notForSigning');
  const validity = validityAt(cert, now);
  if (validity === 'expired')
    throw new AppError('invalid_input', 'signing.identity.expired', { date: day(cert.notAfter.value) });
  if (validity === 'notYetValid')
    throw new AppError('invalid_input', 'signing.identity.notYetValid', { date: day(cert.notBefore.value) });
}

/**
 * Refuses a certificate to pin as a trusted signer unless the verifier could rely on it, as an
 * issuer (CA usage) or as the signer itself (signer usage), and it is valid at `now`.
 */
export function refuseAsTrustedSigner(cert: pkijs.Certificate, now: Date): void {
  if (caUsageProblem(cert) && signerUsageProblem(cert))
    throw new AppError('invalid_input', 'signing.trust.notSignerOrCa');
  const validity = validityAt(cert, now);
  if (validity === 'expired')
    throw new AppError('invalid_input', 'signing.trust.expired', { date: day(cert.notAfter.value) });
  if (validity === 'notYetValid')
    throw new AppError('invalid_input', 'signing.trust.notYetValid', { date: day(cert.notBefore.value) });
}
