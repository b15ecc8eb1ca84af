import type { Db } from '../connection';

/**
 * The unit's signing identity and the vault's trust list. The identity blob contains the private key:
 * it is stored only in this table of the encrypted database and never leaves through a channel.
 */

export type IdentitySource = 'generated' | 'pkcs12';

export interface StoredIdentity {
  identity: Uint8Array;
  fingerprint: string;
  source: IdentitySource;
  createdAt: string;
}

type IdentityRow = { identity: Uint8Array; fingerprint: string; source: IdentitySource; created_at: string };

export function getStoredIdentity(db: Db): StoredIdentity | null {
  const row = db
    .prepare("SELECT identity, fingerprint, source, created_at FROM signing_identity WHERE slot = 'unit'")
    .get() as IdentityRow | undefined;
  return row
    ? {
        identity: new Uint8Array(row.identity),
        fingerprint: row.fingerprint,
        source: row.source,
        createdAt: row.created_at,
      }
    : null;
}

/** Stores the identity, replacing the previous one (the caller has decided that replacing is intended). */
export function putStoredIdentity(db: Db, input: StoredIdentity): void {
  db.prepare(
    "INSERT OR REPLACE INTO signing_identity (slot, identity, fingerprint, source, created_at) VALUES ('unit', ?, ?, ?, ?)",
  ).run([Buffer.from(input.identity), input.fingerprint, input.source, input.createdAt]);
}

export interface TrustedSigner {
  fingerprint: string;
  label: string;
  certificate: Uint8Array | null;
  addedAt: string;
}

type TrustRow = { fingerprint: string; label: string; certificate: Uint8Array | null; added_at: string };

const toTrusted = (row: TrustRow): TrustedSigner => ({
  fingerprint: row.fingerprint,
  label: row.label,
  certificate: row.certificate ? new Uint8Array(row.certificate) : null,
  addedAt: row.added_at,
});

export function listTrustedSigners(db: Db): TrustedSigner[] {
  const rows = db
    .prepare('SELECT fingerprint, label, certificate, added_at FROM trusted_signers ORDER BY label, fingerprint')
    .all() as TrustRow[];
  return rows.map(toTrusted);
}

/** Adds or relabels a trusted signer; a certificate given once is kept when the same fingerprint is added again. */
export function putTrustedSigner(db: Db, input: TrustedSigner): void {
  db.prepare(
    `INSERT INTO trusted_signers (fingerprint, label, certificate, added_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (fingerprint) DO UPDATE SET label = excluded.label, certificate = coalesce(excluded.certificate, trusted_signers.certificate)`,
  ).run([input.fingerprint, input.label, input.certificate ? Buffer.from(input.certificate) : null, input.addedAt]);
}

export function deleteTrustedSigner(db: Db, fingerprint: string): boolean {
  return db.prepare('DELETE FROM trusted_signers WHERE fingerprint = ?').run([fingerprint]).changes > 0;
}
