import { z } from 'zod';

/**
 * Where the unit's token key is: the PKCS#11 module (the card or HSM vendor's library), the token
 * (by label and/or slot id; when neither is given, the one token present) and the key (by label
 * and/or CKA_ID in hex; when neither is given, the one private key on the token). The certificate
 * comes from the token under the key's CKA_ID, or from `certificateFile` when the token holds none.
 * Nothing secret: the PIN is asked at each signing and never stored.
 */
export const Pkcs11ConfigSchema = z
  .object({
    modulePath: z.string().trim().min(1).max(4096),
    tokenLabel: z.string().trim().min(1).max(32).optional(),
    slotId: z
      .string()
      .regex(/^\d{1,20}$/)
      .optional(),
    keyLabel: z.string().trim().min(1).max(200).optional(),
    keyId: z
      .string()
      .regex(/^(?:[0-9a-fA-F]{2}){1,64}$/)
      .optional(),
    certificateFile: z.string().trim().min(1).max(4096).optional(),
  })
  .strict();
export type Pkcs11Config = z.infer<typeof Pkcs11ConfigSchema>;

/** A PIN as typed: PKCS#11 tokens take 4 to 64 characters in practice. */
export const TokenPinSchema = z.string().min(1).max(128);
