import { z } from 'zod';
import { IsoDateSchema } from './common';
import type { Profile } from './profile';

/** Who a document version can be sent to (DOMAIN.md: work leaves as paper or signed files). */
export const DistributionRecipientSchema = z.enum(['region', 'kdi', 'politi', 'pst', 'kommune', 'other_unit', 'other']);
export type DistributionRecipient = z.infer<typeof DistributionRecipientSchema>;

/**
 * The recipients a profile sends to: KDI (Kriminalomsorgsdirektoratet), its regions and PST are
 * Norwegian (NO pkt 2, 6, 11); a DK vault sends to the police, a municipality, another unit or others.
 */
export const PROFILE_RECIPIENTS: Readonly<Record<Profile, readonly DistributionRecipient[]>> = {
  NO: DistributionRecipientSchema.options,
  DK: ['politi', 'kommune', 'other_unit', 'other'],
};

export const isRecipientOfProfile = (profile: Profile, recipient: DistributionRecipient): boolean =>
  PROFILE_RECIPIENTS[profile].includes(recipient);

/**
 * One line of a document's distribution log: which finalised version went to whom, when. NO pkt 11
 * needs it to show whether region and KDI have the plan's latest version.
 */
export const DistributionEntrySchema = z.object({
  version: z.number().int().positive(),
  recipient: DistributionRecipientSchema,
  sentOn: IsoDateSchema,
  via: z.enum(['paper', 'signed_pdf', 'signed_container']).optional(),
});
export type DistributionEntry = z.infer<typeof DistributionEntrySchema>;
