// The signing core's public API. Plain Node: no electron, no database. Keys stay in memory here;
// storing them (encrypted) is the vault's job.
export type { VerificationReport } from '../../shared/domain/verification';
export {
  loadIdentity,
  encodeIdentity,
  decodeIdentity,
  describeIdentityCertificate,
  type SigningIdentity,
  type SigningIdentityBytes,
} from './identity';
export { generateSelfSignedIdentity } from './self-signed';
export { importPkcs12 } from './pkcs12';
export { signPdf, signPdfDocument } from './pades-sign';
export { verifyPdf } from './pades-verify';
export { buildAsice, ASICE_MIMETYPE, type AsiceDataFile } from './asice-build';
export { verifyAsice, openAsiceForImport, type DataFile } from './asice-verify';
export type { TrustList } from './trust';
export type { VerifyOptions } from './report';
