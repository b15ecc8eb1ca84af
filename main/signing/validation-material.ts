import * as pkijs from 'pkijs';
import { parseCertificate, type ParsedCertificate } from './certificate';
import type { ValidationMaterial } from './cms-sign';
import { toArrayBuffer } from './crypto';
import { chainFor } from './pkcs12';
import type { Signer } from './signer';

function parsedOrNull<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/**
 * What to embed for long-term validation of `signer`'s signature, from the trust store's CA
 * certificates and CRLs: the CA certificates on the signer's path and the CRLs their issuers (and
 * the signer's issuer) published. Undefined when the store has no CRL for that path, so a file is
 * only made B-LT when a verifier can actually use it offline.
 */
export function validationMaterialFor(
  signer: Signer,
  authorities: readonly Uint8Array[],
  crls: readonly Uint8Array[],
): ValidationMaterial | undefined {
  const pool = [
    ...signer.chain,
    ...authorities
      .map((der) => parsedOrNull(() => parseCertificate(der)))
      .filter((item): item is ParsedCertificate => item !== null),
  ];
  const chain = chainFor(signer.certificate, pool);
  const issuers = [signer.certificate, ...chain].map((item) => item.cert.issuer);
  const relevant = crls.filter((der) => {
    const crl = parsedOrNull(() => pkijs.CertificateRevocationList.fromBER(toArrayBuffer(der)));
    return crl !== null && issuers.some((name) => name.isEqual(crl.issuer));
  });
  if (relevant.length === 0) return undefined;
  return { certs: chain.map((item) => item.der), crls: [...relevant] };
}
