import type { z } from 'zod';
import type { Locale } from '../../shared/domain';
import { formatFingerprint, type SignerSummary } from '../../shared/domain/verification';
import type {
  signingChannels,
  SigningIdentitySummary,
  TrustedSignerView,
  TrustInputSchema,
} from '../../shared/ipc/signing';
import type { Db } from '../db/connection';
import {
  deleteTrustedSigner,
  getStoredIdentity,
  listTrustedSigners,
  putStoredIdentity,
  putTrustedSigner,
  type IdentitySource,
  type StoredIdentity,
  type TrustedSigner,
} from '../db/repositories/signing-repo';
import { AppError } from '../ipc/app-error';
import { CLOCK_SKEW_MS, parseCertificate } from '../signing/certificate';
import { refuseAsIdentity, refuseAsTrustedSigner } from '../signing/intake';
import {
  decodeIdentity,
  describeIdentityCertificate,
  encodeIdentity,
  generateSelfSignedIdentity,
  importPkcs12,
  loadIdentity,
  type SigningIdentity,
  type SigningIdentityBytes,
  type TrustList,
} from '../signing';
import type { HandlersOf } from './channel-handlers';
import { setSigningTokenConfig, signingTokenConfig } from './export-signer';
import { fingerprintSheet } from './fingerprint-sheet';
import { derFromFile, pemFromDer } from './pem';
import { audit, context, notFound, write, type ServiceDeps } from './service-context';

type SigningHandlers = HandlersOf<typeof signingChannels>;

const ORGANIZATION = { NO: 'Kriminalomsorgen', DK: 'Kriminalforsorgen' } as const;

export function identitySummary(stored: StoredIdentity): SigningIdentitySummary {
  const bytes = decodeIdentity(stored.identity);
  const certificate = describeIdentityCertificate(bytes.certificate);
  return {
    source: stored.source,
    createdAt: stored.createdAt,
    certificate,
    fingerprintFormatted: formatFingerprint(certificate.fingerprint),
    chainLength: bytes.chain.length,
  };
}

/** The unit's identity, loaded for one signing; refused when the vault has none yet. */
export async function loadVaultIdentity(db: Db): Promise<SigningIdentity> {
  const stored = getStoredIdentity(db);
  if (!stored) throw new AppError('not_found', 'export.identity.missing');
  return loadIdentity(decodeIdentity(stored.identity));
}

export function hasVaultIdentity(db: Db): boolean {
  return getStoredIdentity(db) !== null;
}

/** Whom this vault trusts when it verifies: every certificate kept, and every fingerprint. */
export function vaultTrustList(db: Db): TrustList {
  const signers = listTrustedSigners(db);
  return {
    certificates: signers.flatMap((signer) => (signer.certificate ? [signer.certificate] : [])),
    fingerprints: signers.map((signer) => signer.fingerprint),
  };
}

/**
 * Stores a new identity in the vault (only there: the blob holds the private key). Replacing one is an
 * explicit choice, since receivers trust the old certificate's fingerprint until told otherwise.
 */
async function storeIdentity(
  deps: ServiceDeps,
  make: () => Promise<SigningIdentityBytes>,
  source: IdentitySource,
  replace: boolean,
) {
  const refuseReplacing = (db: Db) => {
    if (hasVaultIdentity(db) && !replace) throw new AppError('already_exists', 'export.identity.exists');
  };
  // Checked before the (slow) key work and again in the transaction, in case another call stored one meanwhile.
  refuseReplacing(context(deps).db);
  const bytes = await make();
  const certificate = (await loadIdentity(bytes)).summary;
  const ctx = context(deps);
  // A PKCS#12 may hold a CA's or a TLS certificate, or one out of date: each would sign what no verifier accepts.
  refuseAsIdentity(parseCertificate(bytes.certificate).cert, deps.now());
  const stored: StoredIdentity = {
    identity: encodeIdentity(bytes),
    fingerprint: certificate.fingerprint,
    source,
    createdAt: ctx.at,
  };
  return write(ctx, (actor) => {
    refuseReplacing(ctx.db);
    const retired = getStoredIdentity(ctx.db)?.fingerprint ?? null;
    putStoredIdentity(ctx.db, stored);
    // Receivers may still trust the retired certificate: the log says which one it was.
    if (retired !== null && retired !== stored.fingerprint) audit(ctx, actor, 'delete', 'signing_identity', retired);
    audit(ctx, actor, retired === null ? 'create' : 'update', 'signing_identity', stored.fingerprint);
    return identitySummary(stored);
  });
}

/** A file the user picked is anything until read: whatever fails to describe as a certificate is unreadable. */
function readableCertificate(der: Uint8Array): SignerSummary {
  try {
    return describeIdentityCertificate(der);
  } catch {
    throw new AppError('unreadable', 'signing.identity.certificateUnreadable');
  }
}

function certificateSummary(der: Uint8Array | null): SignerSummary | null {
  return der ? describeIdentityCertificate(der) : null;
}

function trustedView(signer: TrustedSigner): TrustedSignerView {
  return {
    fingerprint: signer.fingerprint,
    fingerprintFormatted: formatFingerprint(signer.fingerprint),
    label: signer.label,
    certificate: certificateSummary(signer.certificate),
    addedAt: signer.addedAt,
  };
}

function trust(deps: ServiceDeps, input: z.output<typeof TrustInputSchema>): TrustedSignerView {
  const ctx = context(deps);
  let certificate: Uint8Array | null = null;
  let fingerprint = input.fingerprint;
  if (input.certificateBase64 !== undefined) {
    certificate = derFromFile(new Uint8Array(Buffer.from(input.certificateBase64, 'base64')));
    fingerprint = readableCertificate(certificate).fingerprint;
    refuseAsTrustedSigner(parseCertificate(certificate).cert, deps.now());
  }
  if (fingerprint === undefined) throw new AppError('invalid_input', 'error.invalid_input', undefined, ['fingerprint']);
  const entry: TrustedSigner = { fingerprint, label: input.label, certificate, addedAt: ctx.at };
  return write(ctx, (actor) => {
    const known = listTrustedSigners(ctx.db).some((s) => s.fingerprint === fingerprint);
    putTrustedSigner(ctx.db, entry);
    audit(ctx, actor, known ? 'update' : 'create', 'trusted_signer', fingerprint);
    return trustedView(listTrustedSigners(ctx.db).find((s) => s.fingerprint === fingerprint) ?? entry);
  });
}

export function signingHandlers(deps: ServiceDeps & { locale: () => Locale }): SigningHandlers {
  return {
    'signing.identity': () => {
      const stored = getStoredIdentity(context(deps).db);
      return { identity: stored ? identitySummary(stored) : null };
    },
    'signing.generateIdentity': (input) => {
      const { profile } = context(deps);
      const request = {
        commonName: input.unitName,
        organization: input.organization ?? ORGANIZATION[profile],
        country: profile,
        algorithm: input.algorithm,
        notBefore: new Date(deps.now().getTime() - CLOCK_SKEW_MS),
        ...(input.validityDays ? { validityDays: input.validityDays } : {}),
      };
      return storeIdentity(deps, () => generateSelfSignedIdentity(request), 'generated', input.replace);
    },
    'signing.importPkcs12': (input) => {
      const bytes = new Uint8Array(Buffer.from(input.fileBase64, 'base64'));
      return storeIdentity(deps, () => importPkcs12(bytes, input.password), 'pkcs12', input.replace);
    },
    'signing.certificate': () => {
      const stored = getStoredIdentity(context(deps).db);
      if (!stored) throw new AppError('not_found', 'export.identity.missing');
      const certificate = decodeIdentity(stored.identity).certificate;
      return { pem: pemFromDer(certificate, 'CERTIFICATE'), fileName: `bro-${stored.fingerprint.slice(0, 16)}.crt` };
    },
    'signing.fingerprintSheet': async ({ locale }) => {
      const ctx = context(deps);
      const stored = getStoredIdentity(ctx.db);
      if (!stored) throw new AppError('not_found', 'export.identity.missing');
      // A printed document is in the vault's language unless the user picked another (never the UI's).
      const sheetLocale = locale ?? (ctx.profile === 'DK' ? 'da' : 'nb');
      const pdf = await fingerprintSheet(identitySummary(stored), ctx.profile, sheetLocale, ctx.at);
      return {
        fileName: `bro-fingerprint-${stored.fingerprint.slice(0, 16)}.pdf`,
        pdfBase64: Buffer.from(pdf).toString('base64'),
      };
    },
    'signing.token': () => ({ token: signingTokenConfig(context(deps).db) }),
    'signing.setToken': ({ token }) => ({ token: setSigningTokenConfig(deps, token) }),
    'signing.trustList': () => ({ entries: listTrustedSigners(context(deps).db).map(trustedView) }),
    'signing.trust': (input) => trust(deps, input),
    'signing.untrust': ({ fingerprint }) => {
      const ctx = context(deps);
      return write(ctx, (actor) => {
        if (!deleteTrustedSigner(ctx.db, fingerprint)) throw notFound();
        audit(ctx, actor, 'delete', 'trusted_signer', fingerprint);
        return { removed: true as const };
      });
    },
  };
}
