import { z } from 'zod';
import { channel } from './channel';
import { Sha256HexSchema } from '../domain/verification';
import { EmptyInputSchema, TimestampSchema } from './record-views';
import { base64FileSchema } from './signing';

/**
 * The organisation's trust store in the vault: CA certificates and CRLs brought in on removable
 * media (issue 10). Files the user picked arrive as base64 bytes, size-limited; never a path.
 */

export const MAX_TRUST_FILE_BYTES = 4 * 1024 * 1024;

export const TrustStoreEntryViewSchema = z.object({
  id: Sha256HexSchema,
  kind: z.enum(['certificate', 'crl']),
  /** The CA's subject or the CRL's issuer. */
  name: z.string(),
  /** notAfter of a certificate, nextUpdate of a CRL. */
  validUntil: z.iso.datetime().nullable(),
  /** Past validUntil: an expired CA, or a CRL that must be replaced by a fresh one. */
  outOfDate: z.boolean(),
  addedAt: TimestampSchema,
});
export type TrustStoreEntryView = z.infer<typeof TrustStoreEntryViewSchema>;

export const trustChannels = {
  'trust.list': channel(
    "The vault's trust store: CA certificates and CRLs, with whether each is out of date.",
    EmptyInputSchema,
    z.object({ entries: z.array(TrustStoreEntryViewSchema) }),
  ),
  'trust.add': channel(
    'Add CA certificates and CRLs (PEM or DER) from files the user picked; all or nothing.',
    z
      .object({
        files: z
          .array(
            z
              .object({
                fileName: z.string().trim().min(1).max(255),
                fileBase64: base64FileSchema(MAX_TRUST_FILE_BYTES),
              })
              .strict(),
          )
          .min(1)
          .max(20),
      })
      .strict(),
    z.object({ added: z.array(TrustStoreEntryViewSchema), alreadyPresent: z.number().int().nonnegative() }),
  ),
  'trust.addFromFile': channel(
    "Let the user choose a CA certificate or CRL in the shell's open dialog; main checks its size, reads and adds it.",
    EmptyInputSchema,
    z.discriminatedUnion('chosen', [
      z.object({
        chosen: z.literal(true),
        fileName: z.string(),
        added: z.array(TrustStoreEntryViewSchema),
        alreadyPresent: z.number().int().nonnegative(),
      }),
      z.object({ chosen: z.literal(false) }),
    ]),
  ),
  'trust.remove': channel(
    'Remove one trust-store entry by its id.',
    z.object({ id: Sha256HexSchema }).strict(),
    z.object({ removed: TrustStoreEntryViewSchema }),
  ),
} as const;
