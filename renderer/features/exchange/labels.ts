import type { DistributionRecipient } from '../../../shared/domain/distribution';
import type { VerificationCheck, VerificationStatus } from '../../../shared/domain/verification';

/** The recipients offered in the export dialog, in the order users pick them most. */
export const EXPORT_RECIPIENTS = [
  'kdi',
  'region',
  'politi',
  'pst',
  'other_unit',
  'kommune',
] as const satisfies readonly DistributionRecipient[];

/**
 * Message keys for data values, as literals so the i18n check can find each one. Document kinds and
 * recipients are the editors' (renderer/lib/document-labels.ts).
 */
export const CHECK_KEY = {
  container: 'signing.check.container',
  pdf: 'signing.check.pdf',
  mimetype: 'signing.check.mimetype',
  manifest: 'signing.check.manifest',
  coverage: 'signing.check.coverage',
  digest: 'signing.check.digest',
  signature: 'signing.check.signature',
  certificate: 'signing.check.certificate',
} as const satisfies Record<VerificationCheck, string>;

export const FILE_STATE_KEY = {
  signed: 'signing.fileState.signed',
  modified: 'signing.fileState.modified',
  missing: 'signing.fileState.missing',
  unsigned: 'signing.fileState.unsigned',
} as const;

export const STATUS_TITLE_KEY = {
  valid: 'exchange.verify.status.valid',
  valid_untrusted: 'exchange.verify.status.valid_untrusted',
  invalid: 'exchange.verify.status.invalid',
  unreadable: 'exchange.verify.status.unreadable',
} as const satisfies Record<VerificationStatus, string>;

export const STATUS_DETAIL_KEY = {
  valid: 'signing.status.valid',
  valid_untrusted: 'signing.status.valid_untrusted',
  invalid: 'signing.status.invalid',
  unreadable: 'signing.status.unreadable',
} as const satisfies Record<VerificationStatus, string>;
