import * as pkijs from 'pkijs';
import type { SignerSummary } from '../../shared/domain/verification';
import type { ParsedCertificate } from './certificate';
import { toArrayBuffer } from './crypto';

/** The two signature algorithms Bro signs with; SHA-256 in both. */
export type SignatureAlgorithm = 'ecdsa-sha256' | 'rsa-pkcs1-sha256';

/** The CMS signatureAlgorithm OIDs (RFC 5754): ecdsa-with-SHA256 and sha256WithRSAEncryption. */
export const SIGNATURE_ALGORITHM_OID: Readonly<Record<SignatureAlgorithm, string>> = {
  'ecdsa-sha256': '1.2.840.10045.4.3.2',
  'rsa-pkcs1-sha256': '1.2.840.113549.1.1.11',
};

/**
 * Whatever can sign for Bro: a software key kept in the vault or a key on a PKCS#11 token. The
 * signing code sees only the certificate chain and this one operation, so both share one path.
 */
export type Signer = {
  algorithm: SignatureAlgorithm;
  certificate: ParsedCertificate;
  /** The issuing chain, nearest issuer first. */
  chain: ParsedCertificate[];
  summary: SignerSummary;
  /**
   * Signs `dataToBeSigned` (hashing it with SHA-256 itself): PKCS#1 v1.5 bytes for RSA, a DER
   * ECDSA-Sig-Value for ECDSA — the forms CMS carries.
   */
  sign(dataToBeSigned: Uint8Array): Promise<Uint8Array>;
};

/** WebCrypto and PKCS#11 return ECDSA signatures as raw r‖s; CMS wants the DER SEQUENCE { r, s }. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  if (raw.length === 0 || raw.length % 2 !== 0) throw new Error('raw ECDSA signature of odd length');
  return new Uint8Array(pkijs.createCMSECDSASignature(toArrayBuffer(raw)));
}
