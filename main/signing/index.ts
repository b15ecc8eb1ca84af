// The signing core's public API. Plain Node: no electron, no database. Keys stay in memory here;
// storing them (encrypted) is the vault's job.
export { formatFingerprint, fingerprintGroups, normaliseFingerprint } from '../../shared/domain/verification';
export type { VerificationReport, VerificationStatus, VerificationProblem } from '../../shared/domain/verification';
export {
  loadIdentity,
  encodeIdentity,
  decodeIdentity,
  describeIdentityCertificate,
  type SigningIdentity,
  type SigningIdentityBytes,
} from './identity';
export {
  generateSelfSignedIdentity,
  SelfSignedRequestSchema,
  SigningAlgorithmSchema,
  type SelfSignedRequest,
  type SigningAlgorithm,
} from './self-signed';
export { importPkcs12 } from './pkcs12';
export { signPdf, signPdfDocument, type PdfSignOptions } from './pades-sign';
export { verifyPdf, type PdfVerifyOptions } from './pades-verify';
export {
  buildAsice,
  ASICE_MIMETYPE,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  type AsiceDataFile,
  type AsiceBuildOptions,
} from './asice-build';
export { verifyAsice, openAsiceForImport, type AsiceImport, type DataFile } from './asice-verify';
export type { TrustList } from './trust';
export type { VerifyOptions } from './report';
