import { z } from 'zod';

/**
 * The result of verifying a signed PDF (PAdES) or a signed container (ASiC-E). States follow
 * DigiDoc4: `valid` (intact and the signer is on the caller's trust list), `valid_untrusted` (intact,
 * signer not trusted), `invalid` (something is changed, missing or not covered; see `problems`),
 * `unreadable` (the file could not be read as a PDF or a safe ZIP at all).
 */
export const VerificationStatusSchema = z.enum(['valid', 'valid_untrusted', 'invalid', 'unreadable']);
export type VerificationStatus = z.infer<typeof VerificationStatusSchema>;

/** Which check a problem comes from, so a screen can say what failed, not only that something did. */
export const VerificationCheckSchema = z.enum([
  'container', // ZIP structure, hostile entries, size limits
  'pdf', // PDF structure: signature dictionary, placement of the signature
  'mimetype', // ASiC mimetype entry
  'manifest', // ASiCManifest.xml structure and its reference to the signature
  'coverage', // every file signed, every signed file present; PDF byte range covers the whole file
  'digest', // a data file's SHA-256 differs from the manifest
  'signature', // CMS structure, message digest, signature value, signing-certificate attribute
  'certificate', // validity period of the signer's certificate
]);
export type VerificationCheck = z.infer<typeof VerificationCheckSchema>;

export const VerificationParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const VerificationProblemSchema = z.object({
  check: VerificationCheckSchema,
  /** The file inside a container the problem is about (never a path on disk). */
  file: z.string().optional(),
  /** A `signing.*` or `trust.*` message key. */
  messageKey: z.string().regex(/^(signing|trust)\./),
  params: VerificationParamsSchema.optional(),
});
export type VerificationProblem = z.infer<typeof VerificationProblemSchema>;

/** Lower-case hex SHA-256, 64 characters. */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const CertificateTimeStateSchema = z.enum(['valid', 'expired', 'not_yet_valid', 'unknown']);
export type CertificateTimeState = z.infer<typeof CertificateTimeStateSchema>;

export const SignerSummarySchema = z.object({
  commonName: z.string().nullable(),
  organization: z.string().nullable(),
  /** RFC 4514-style rendering of the whole subject, for display. */
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string().regex(/^[0-9a-f]+$/),
  /** SHA-256 of the certificate DER; show it with formatFingerprint. */
  fingerprint: Sha256HexSchema,
  notBefore: z.iso.datetime(),
  notAfter: z.iso.datetime(),
  selfSigned: z.boolean(),
});
export type SignerSummary = z.infer<typeof SignerSummarySchema>;

export const VerifiedFileStateSchema = z.enum([
  'signed', // present and its digest matches
  'modified', // present, digest differs
  'missing', // listed as signed but absent
  'unsigned', // present but not covered by the signature
]);

export const VerifiedFileSchema = z.object({
  name: z.string(),
  size: z.number().int().nonnegative().nullable(),
  /** The digest of the bytes as they are in the file (null when missing). */
  sha256: Sha256HexSchema.nullable(),
  state: VerifiedFileStateSchema,
});
export type VerifiedFile = z.infer<typeof VerifiedFileSchema>;

/** ETSI EN 319 102-1 § 5.1.3: the main status of a signature validation. */
export const IndicationSchema = z.enum(['TOTAL-PASSED', 'INDETERMINATE', 'TOTAL-FAILED']);
export type Indication = z.infer<typeof IndicationSchema>;

/** ETSI EN 319 102-1 table 5: the sub-indications Bro reports. */
export const SubIndicationSchema = z.enum([
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'SIG_CONSTRAINTS_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'REVOKED_CA_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'REVOCATION_OUT_OF_BOUNDS_NO_POE',
  'TRY_LATER',
]);
export type SubIndication = z.infer<typeof SubIndicationSchema>;

/** The status older callers read, from the indication: only TOTAL-PASSED is `valid`. */
export function statusOfIndication(indication: Indication): VerificationStatus {
  if (indication === 'TOTAL-PASSED') return 'valid';
  return indication === 'INDETERMINATE' ? 'valid_untrusted' : 'invalid';
}

export const VerificationReportSchema = z.object({
  format: z.enum(['pdf', 'asice']),
  status: VerificationStatusSchema,
  /**
   * The ETSI verdict. Optional only because reports stored by older versions lack it; every report
   * made now has it (see indicationOf).
   */
  indication: IndicationSchema.optional(),
  subIndication: SubIndicationSchema.nullable().optional(),
  /** The certification path Bro validated, signer first and trust anchor last. */
  chain: z.array(SignerSummarySchema).optional(),
  /** Why the verdict is INDETERMINATE (or REVOKED): chain, policy, validity now, revocation. */
  trustProblems: z.array(VerificationProblemSchema).optional(),
  signer: SignerSummarySchema.nullable(),
  /**
   * The signing time the signer claims (CMS signing-time, or the PDF signature's /M entry). Baseline B
   * has no time-stamp, so this is the signer's word, not proof.
   */
  signingTime: z.iso.datetime().nullable(),
  certificateValidity: z.object({
    atSigningTime: CertificateTimeStateSchema,
    now: CertificateTimeStateSchema,
  }),
  /**
   * Whether the signer's certificate passed path validation to the caller's trust list (the signer
   * itself, or a trusted CA with every check and revocation passing). Says nothing about integrity: a
   * tampered file from a trusted signer is `invalid` yet trusted.
   */
  trusted: z.boolean(),
  files: z.array(VerifiedFileSchema),
  /** Each reason the status is `invalid` or `unreadable`. Empty when valid. */
  problems: z.array(VerificationProblemSchema),
  /** Worth telling the user but not making the signature invalid (e.g. certificate expired since signing). */
  warnings: z.array(VerificationProblemSchema),
  checkedAt: z.iso.datetime(),
});
export type VerificationReport = z.infer<typeof VerificationReportSchema>;

/** The indication of a report, derived from `status` for reports stored before indications existed. */
export function indicationOf(report: VerificationReport): Indication {
  if (report.indication) return report.indication;
  if (report.status === 'valid') return 'TOTAL-PASSED';
  return report.status === 'valid_untrusted' ? 'INDETERMINATE' : 'TOTAL-FAILED';
}

/**
 * A SHA-256 fingerprint for reading aloud or printing: upper-case hex pairs joined by colons, in four
 * groups of eight pairs separated by a space ("AB:CD:…:EF 01:23:…").
 */
export function fingerprintGroups(hex: string): string[] {
  const pairs = normaliseFingerprint(hex).toUpperCase().match(/.{2}/g) ?? [];
  const groups: string[] = [];
  for (let i = 0; i < pairs.length; i += 8) groups.push(pairs.slice(i, i + 8).join(':'));
  return groups;
}

export function formatFingerprint(hex: string): string {
  return fingerprintGroups(hex).join(' ');
}

/** Accepts a fingerprint typed or pasted in any common form (colons, spaces, either case). */
export function normaliseFingerprint(input: string): string {
  return input.replace(/[\s:-]/g, '').toLowerCase();
}
