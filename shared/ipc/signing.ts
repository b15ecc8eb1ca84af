import { z } from 'zod';
import { channel } from './channel';
import { Pkcs11ConfigSchema } from '../domain/pkcs11';
import { LocaleSchema } from '../domain/profile';
import { normaliseFingerprint, Sha256HexSchema, SignerSummarySchema } from '../domain/verification';
import { EmptyInputSchema, TimestampSchema } from './record-views';

/**
 * The unit's signing identity and the vault's trust list. The private key never crosses this boundary:
 * the renderer sees the certificate's summary and fingerprint only. Files the user picked (a PKCS#12,
 * a certificate) arrive as base64 bytes, size-limited; the renderer never passes a path.
 */

/** Base64 of a file of at most `maxBytes` bytes (4 characters per 3 bytes, padded). */
export function base64FileSchema(maxBytes: number) {
  return z
    .base64()
    .min(4)
    .max(Math.ceil(maxBytes / 3) * 4);
}

export const MAX_PKCS12_BYTES = 256 * 1024;
export const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** A SHA-256 fingerprint typed or pasted in any common notation ("AB:CD …", "abcd…"). */
export const FingerprintInputSchema = z.string().max(200).transform(normaliseFingerprint).pipe(Sha256HexSchema);

export const IdentitySourceSchema = z.enum(['generated', 'pkcs12']);
export const KeyAlgorithmSchema = z.enum(['ecdsa-p256', 'rsa-3072']);

export const SigningIdentitySummarySchema = z.object({
  source: IdentitySourceSchema,
  createdAt: TimestampSchema,
  certificate: SignerSummarySchema,
  /** The fingerprint for reading aloud or printing: "AB:CD:… EF:01:…". */
  fingerprintFormatted: z.string(),
  /** How many issuing certificates were kept with an imported identity. */
  chainLength: z.number().int().nonnegative(),
});
export type SigningIdentitySummary = z.infer<typeof SigningIdentitySummarySchema>;

export const TrustedSignerViewSchema = z.object({
  fingerprint: Sha256HexSchema,
  fingerprintFormatted: z.string(),
  label: z.string(),
  /** The certificate's summary when one was given; null for a fingerprint-only entry. */
  certificate: SignerSummarySchema.nullable(),
  addedAt: TimestampSchema,
});
export type TrustedSignerView = z.infer<typeof TrustedSignerViewSchema>;

const LabelSchema = z.string().trim().min(1).max(200);

export const TrustInputSchema = z
  .object({
    label: LabelSchema,
    /** A certificate file (DER or PEM) the user picked: the signer's own or a CA's. */
    certificateBase64: base64FileSchema(MAX_CERTIFICATE_BYTES).optional(),
    /** Or only the fingerprint, as the sender read it out. */
    fingerprint: FingerprintInputSchema.optional(),
  })
  .strict()
  .refine((input) => (input.certificateBase64 === undefined) !== (input.fingerprint === undefined), {
    message: 'give either a certificate or a fingerprint',
    path: ['certificateBase64'],
  });

export const signingChannels = {
  'signing.identity': channel(
    "The unit's signing identity: certificate summary and fingerprint (never the key); null when there is none.",
    EmptyInputSchema,
    z.object({ identity: SigningIdentitySummarySchema.nullable() }),
  ),
  'signing.generateIdentity': channel(
    'Create a self-signed signing identity naming the unit (ECDSA P-256 by default, or RSA-3072), kept in the vault.',
    z
      .object({
        /** The unit, e.g. "Testfengsel, radikaliseringskontakt" (X.520 allows 64 characters). */
        unitName: z.string().trim().min(1).max(64),
        organization: z.string().trim().min(1).max(64).optional(),
        algorithm: KeyAlgorithmSchema.default('ecdsa-p256'),
        validityDays: z.number().int().min(30).max(3650).optional(),
        /** Required to replace an existing identity: files signed before stay verifiable with the old certificate. */
        replace: z.boolean().default(false),
      })
      .strict(),
    SigningIdentitySummarySchema,
  ),
  'signing.importPkcs12': channel(
    "Import the unit's identity from a password-protected PKCS#12 file issued by the organisation's CA (chain kept).",
    z
      .object({
        fileBase64: base64FileSchema(MAX_PKCS12_BYTES),
        password: z.string().min(1).max(1024),
        replace: z.boolean().default(false),
      })
      .strict(),
    SigningIdentitySummarySchema,
  ),
  'signing.certificate': channel(
    "The unit's certificate as PEM (no key), to hand to receivers for their trust list.",
    EmptyInputSchema,
    z.object({ pem: z.string(), fileName: z.string() }),
  ),
  'signing.fingerprintSheet': channel(
    "A printable PDF page with the unit's certificate and fingerprint, for receivers to check out of band.",
    z.object({ locale: LocaleSchema.optional() }).strict(),
    z.object({ fileName: z.string(), pdfBase64: z.base64() }),
  ),
  'signing.trustList': channel(
    'The signers this vault trusts when verifying received files.',
    EmptyInputSchema,
    z.object({ entries: z.array(TrustedSignerViewSchema) }),
  ),
  'signing.trust': channel(
    'Trust a signer: a certificate file (own or CA) or a fingerprint checked with the sender, with a label.',
    TrustInputSchema,
    TrustedSignerViewSchema,
  ),
  'signing.untrust': channel(
    'Remove a signer from the trust list.',
    z.object({ fingerprint: FingerprintInputSchema }).strict(),
    z.object({ removed: z.literal(true) }),
  ),
  'signing.token': channel(
    "The smartcard or HSM (PKCS#11) key exports are signed with; null when the vault's own identity signs. The PIN is never stored.",
    EmptyInputSchema,
    z.object({ token: Pkcs11ConfigSchema.nullable() }),
  ),
  'signing.setToken': channel(
    "Sign exports with a key on a smartcard or HSM (module, token, key, optional certificate file); null goes back to the vault's identity.",
    z.object({ token: Pkcs11ConfigSchema.nullable() }).strict(),
    z.object({ token: Pkcs11ConfigSchema.nullable() }),
  ),
} as const;
