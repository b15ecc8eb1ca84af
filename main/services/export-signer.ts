import { readFileSync } from 'node:fs';
import { Pkcs11ConfigSchema, type Pkcs11Config } from '../../shared/domain/pkcs11';
import type { Db } from '../db/connection';
import { readSigningTokenJson, writeSigningTokenJson } from '../db/repositories/signing-token-repo';
import { AppError } from '../ipc/app-error';
import type { Signer } from '../signing/signer';
import type { ValidationMaterial } from '../signing/cms-sign';
import { withTokenSigner } from '../signing/pkcs11/token-signer';
import { validationMaterialFor } from '../signing/validation-material';
import { audit, context, write, type ServiceDeps } from './service-context';
import { loadVaultIdentity } from './signing-service';
import { vaultTrustStore } from './trust-store-service';

/** How one export is signed: the token's PIN (asked each time), a token chosen on the command line, B-LT material. */
export type ExportSigning = {
  pin?: string;
  /** Overrides the vault's token setting (the command line's --pkcs11-* flags). */
  token?: Pkcs11Config;
  /** Certificates and CRLs to embed for long-term validation (DSS in a PDF, CMS crls in ASiC-E). */
  validation?: ValidationMaterial;
};

/** The vault's token setting, or null when exports are signed with the vault's own identity. */
export function signingTokenConfig(db: Db): Pkcs11Config | null {
  const json = readSigningTokenJson(db);
  if (json === null) return null;
  try {
    return Pkcs11ConfigSchema.parse(JSON.parse(json));
  } catch {
    return null;
  }
}

/** Sets (or with null clears) which token key exports are signed with; audited. */
export function setSigningTokenConfig(deps: ServiceDeps, config: Pkcs11Config | null): Pkcs11Config | null {
  const ctx = context(deps);
  return write(ctx, (actor) => {
    writeSigningTokenJson(ctx.db, config === null ? null : JSON.stringify(Pkcs11ConfigSchema.parse(config)));
    audit(ctx, actor, config === null ? 'delete' : 'update', 'signing_token', 'unit');
    return config;
  });
}

function certificateFile(path: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new AppError('unreadable', 'token.error.certificateFileUnreadable');
  }
}

/**
 * Runs `use` with the signer for one export: the configured (or given) token key, opened with the PIN
 * for this signing only and closed afterwards, or else the vault's own identity. `signing` null means
 * nothing is signed (print): `use` gets null. `use` also gets the long-term validation material: the
 * request's, or else the trust store's CA certificates and CRLs for the signer's path.
 */
export async function withExportSigner<T>(
  db: Db,
  signing: ExportSigning | null,
  use: (signer: Signer | null, validation: ValidationMaterial | undefined) => Promise<T>,
): Promise<T> {
  if (signing === null) return use(null, undefined);
  const withMaterial = (signer: Signer) => use(signer, signing.validation ?? storeMaterial(db, signer));
  const token = signing.token ?? signingTokenConfig(db);
  if (!token) return withMaterial(await loadVaultIdentity(db));
  if (!signing.pin) throw new AppError('wrong_passphrase', 'token.error.pinRequired', undefined, ['pin']);
  const options = token.certificateFile ? { certificateFile: certificateFile(token.certificateFile) } : {};
  return withTokenSigner(token, signing.pin, withMaterial, options);
}

/** PAdES B-LT / CRLs in the CMS whenever the vault's trust store holds CRLs for the signer's path. */
function storeMaterial(db: Db, signer: Signer): ValidationMaterial | undefined {
  const store = vaultTrustStore(db);
  return validationMaterialFor(signer, store.authorities ?? [], store.crls ?? []);
}
