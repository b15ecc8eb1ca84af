import type { VerificationReport } from '../../shared/domain/verification';
import { verifyAsice, verifyPdf, type VerifyOptions } from '../signing';

export type SignedFileKind = 'pdf' | 'asice';

/** What the bytes say first (a PDF header, a ZIP signature); the file name only when they say neither. */
export function signedFileKind(bytes: Uint8Array, fileName: string): SignedFileKind {
  if (Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'asice';
  return /\.pdf$/i.test(fileName) ? 'pdf' : 'asice';
}

/** The last part of a name, so a report never shows a path on the user's disk. */
export function displayName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'document';
}

/**
 * Verifies a signed PDF or ASiC-E container held in memory. Never throws and never writes; anything
 * that is neither comes back `unreadable`.
 */
export function verifySignedFile(
  bytes: Uint8Array,
  fileName: string,
  options: VerifyOptions,
): Promise<VerificationReport> {
  return signedFileKind(bytes, fileName) === 'pdf'
    ? verifyPdf(bytes, { ...options, fileName: displayName(fileName) })
    : verifyAsice(bytes, options);
}
