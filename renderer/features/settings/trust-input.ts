import { normaliseFingerprint } from '../../../shared/domain/verification';

/** A SHA-256 fingerprint as typed or pasted: 64 hex digits once colons, spaces and dashes are gone. */
export function isFingerprint(input: string): boolean {
  return /^[0-9a-f]{64}$/.test(normaliseFingerprint(input));
}
