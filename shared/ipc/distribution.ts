import { z } from 'zod';
import { channel } from './channel';
import { IdSchema, IsoDateSchema } from '../domain/common';
import { DistributionRecipientSchema } from '../domain/distribution';
import { Sha256HexSchema } from '../domain/verification';
import { TimestampSchema } from './record-views';

export const DistributionFormatSchema = z.enum(['paper', 'signed_pdf', 'signed_container']);
export type DistributionFormat = z.infer<typeof DistributionFormatSchema>;

export const DistributionRecordSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  version: z.number().int().positive(),
  recipient: DistributionRecipientSchema,
  sentOn: IsoDateSchema,
  format: DistributionFormatSchema,
  fileSha256: Sha256HexSchema.nullable(),
  recordedAt: TimestampSchema,
});
export type DistributionRecord = z.infer<typeof DistributionRecordSchema>;

export const distributionChannels = {
  'distribution.record': channel(
    'Record that a finalised version of a document was sent to a recipient on a date (NO pkt 11).',
    z
      .object({
        documentId: IdSchema,
        version: z.number().int().positive(),
        recipient: DistributionRecipientSchema,
        sentOn: IsoDateSchema,
        format: DistributionFormatSchema,
        fileSha256: Sha256HexSchema.optional(),
      })
      .strict(),
    DistributionRecordSchema,
  ),
  'distribution.list': channel(
    'The distribution log of one document: which version went to whom, when.',
    z.object({ documentId: IdSchema }).strict(),
    z.object({ entries: z.array(DistributionRecordSchema) }),
  ),
} as const;
