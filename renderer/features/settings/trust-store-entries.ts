import { MAX_TRUST_FILE_BYTES, type TrustStoreEntryView } from '../../../shared/ipc/trust';

/** At most this many files in one `trust.add` (the channel's limit). */
export const MAX_TRUST_FILES = 20;

/** How one trust-store entry reads in the list: its kind, which date it shows, and any warning. */
export function describeTrustEntry(entry: TrustStoreEntryView): {
  kindKey: 'trust.settings.kindCertificate' | 'trust.settings.kindCrl';
  dateKey: 'trust.settings.validUntil' | 'trust.settings.nextUpdate' | 'trust.settings.noNextUpdate';
  warningKey: 'trust.settings.expired' | 'trust.settings.stale' | null;
} {
  if (entry.kind === 'certificate') {
    return {
      kindKey: 'trust.settings.kindCertificate',
      dateKey: 'trust.settings.validUntil',
      warningKey: entry.outOfDate ? 'trust.settings.expired' : null,
    };
  }
  return {
    kindKey: 'trust.settings.kindCrl',
    dateKey: entry.validUntil ? 'trust.settings.nextUpdate' : 'trust.settings.noNextUpdate',
    warningKey: entry.outOfDate ? 'trust.settings.stale' : null,
  };
}

export type TrustFilesProblem =
  | { key: 'trust.settings.fileRequired'; params: Record<string, never> }
  | { key: 'trust.settings.tooMany'; params: { max: number } }
  | { key: 'trust.settings.tooLarge'; params: { file: string; maxMb: number } }
  | { key: 'trust.settings.empty'; params: { file: string } };

/** Refuses a selection the channel would refuse, before a byte is read: none, too many, too large, empty. */
export function checkTrustFiles(
  files: readonly { name: string; size: number }[],
  maxBytes = MAX_TRUST_FILE_BYTES,
): TrustFilesProblem | null {
  if (files.length === 0) return { key: 'trust.settings.fileRequired', params: {} };
  if (files.length > MAX_TRUST_FILES) return { key: 'trust.settings.tooMany', params: { max: MAX_TRUST_FILES } };
  for (const file of files) {
    if (file.size > maxBytes)
      return { key: 'trust.settings.tooLarge', params: { file: file.name, maxMb: maxBytes / 2 ** 20 } };
    if (file.size === 0) return { key: 'trust.settings.empty', params: { file: file.name } };
  }
  return null;
}
