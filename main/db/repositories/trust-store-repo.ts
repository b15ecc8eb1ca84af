import type { Db } from '../connection';

/** One trust-store entry: a CA certificate or a CRL, by the SHA-256 of its DER. */
export interface TrustStoreEntry {
  id: string;
  kind: 'certificate' | 'crl';
  der: Uint8Array;
  /** The CA's subject, or the CRL's issuer. */
  name: string;
  /** The certificate's notAfter or the CRL's nextUpdate (ISO), if any. */
  validUntil: string | null;
  addedAt: string;
}

type Row = {
  id: string;
  kind: 'certificate' | 'crl';
  der: Uint8Array;
  name: string;
  valid_until: string | null;
  added_at: string;
};

const toEntry = (row: Row): TrustStoreEntry => ({
  id: row.id,
  kind: row.kind,
  der: new Uint8Array(row.der),
  name: row.name,
  validUntil: row.valid_until,
  addedAt: row.added_at,
});

export function listTrustStore(db: Db): TrustStoreEntry[] {
  const rows = db
    .prepare('SELECT id, kind, der, name, valid_until, added_at FROM trust_store ORDER BY kind, name, added_at, id')
    .all() as Row[];
  return rows.map(toEntry);
}

/** Adds an entry; false when the same bytes are already in the store (nothing changes then). */
export function insertTrustStoreEntry(db: Db, entry: TrustStoreEntry): boolean {
  return (
    db
      .prepare(
        `INSERT INTO trust_store (id, kind, der, name, valid_until, added_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO NOTHING`,
      )
      .run([entry.id, entry.kind, Buffer.from(entry.der), entry.name, entry.validUntil, entry.addedAt]).changes > 0
  );
}

export function deleteTrustStoreEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM trust_store WHERE id = ?').run([id]).changes > 0;
}
