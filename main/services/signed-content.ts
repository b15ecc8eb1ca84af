import { createHash } from 'node:crypto';
import { byCodeUnit } from '../../shared/domain/nordic-order';
import type { DataFile } from '../signing';

/**
 * The SHA-256 of a verified container's signed content: over its data files' names and SHA-256s,
 * sorted by name. The same export or package re-zipped by any tool has new container bytes but the
 * same value, so it is found as already imported. Only files the signature covers count — never the
 * signature file, whose unsigned parts can change without breaking it.
 */
export function signedContentSha256(files: readonly DataFile[]): string {
  const pairs = files
    .map((file) => [file.name, createHash('sha256').update(file.bytes).digest('hex')] as const)
    .sort(([a], [b]) => byCodeUnit(a, b));
  return createHash('sha256').update(JSON.stringify(pairs)).digest('hex');
}
