import type { trustChannels } from '../../shared/ipc/trust';
import type { Db } from '../db/connection';
import {
  deleteTrustStoreEntry,
  insertTrustStoreEntry,
  listTrustStore,
  type TrustStoreEntry,
} from '../db/repositories/trust-store-repo';
import { AppError } from '../ipc/app-error';
import { fingerprintOf, formatName, parseCertificate } from '../signing/certificate';
import { describeCrl, parseCrl } from '../signing/crl';
import { basicConstraints } from '../signing/path/policy';
import type { TrustList } from '../signing/trust';
import type { HandlersOf } from './channel-handlers';
import { audit, context, write, type ServiceDeps } from './service-context';
import { vaultTrustList } from './signing-service';

/** A file handed in to the trust store: its name (never a path) and bytes. */
export type TrustFile = { name: string; bytes: Uint8Array };

/** What a list shows: no DER, and whether a CRL is past its nextUpdate or a CA past its notAfter. */
export type TrustStoreView = {
  id: string;
  kind: 'certificate' | 'crl';
  name: string;
  validUntil: string | null;
  outOfDate: boolean;
  addedAt: string;
};

type Parsed = Omit<TrustStoreEntry, 'addedAt'>;

const PEM_BLOCK = /-----BEGIN (CERTIFICATE|X509 CRL)-----([A-Za-z0-9+/=\s]+?)-----END \1-----/g;

function asCertificate(der: Uint8Array, file: string, now: Date): Parsed {
  const parsed = parseCertificate(der);
  const name = formatName(parsed.cert.subject);
  // Only CAs belong here; a unit's own certificate is pinned in the trusted-signer list instead.
  if (!basicConstraints(parsed.cert).ca) throw new AppError('invalid_input', 'trust.store.notCa', { file, name });
  // An expired CA vouches for nothing the verifier would accept; keeping it would only look like trust.
  const notAfter = parsed.cert.notAfter.value;
  if (notAfter.getTime() < now.getTime())
    throw new AppError('invalid_input', 'trust.store.expired', {
      file,
      name,
      date: notAfter.toISOString().slice(0, 10),
    });
  return {
    id: fingerprintOf(der),
    kind: 'certificate',
    der,
    name,
    validUntil: parsed.cert.notAfter.value.toISOString(),
  };
}

function asCrl(der: Uint8Array): Parsed {
  const summary = describeCrl(parseCrl(der));
  return { id: summary.fingerprint, kind: 'crl', der, name: summary.issuer, validUntil: summary.nextUpdate };
}

/** Every certificate and CRL in one file: DER (either kind) or PEM with any number of blocks. */
function parseFile(file: TrustFile, now: Date): Parsed[] {
  const unreadable = () => new AppError('unreadable', 'trust.store.unreadable', { file: file.name });
  if (file.bytes[0] === 0x30) {
    try {
      return [asCertificate(file.bytes, file.name, now)];
    } catch (error) {
      if (error instanceof AppError) throw error;
    }
    try {
      return [asCrl(file.bytes)];
    } catch {
      throw unreadable();
    }
  }
  const text = Buffer.from(file.bytes).toString('latin1');
  const blocks = [...text.matchAll(PEM_BLOCK)];
  // A truncated block or one of another kind is not skipped: the file is taken whole or not at all.
  if (blocks.length === 0 || blocks.length !== (text.match(/-----BEGIN /g) ?? []).length) throw unreadable();
  return blocks.map((block) => {
    const der = new Uint8Array(Buffer.from((block[2] ?? '').replace(/\s+/g, ''), 'base64'));
    try {
      return block[1] === 'CERTIFICATE' ? asCertificate(der, file.name, now) : asCrl(der);
    } catch (error) {
      throw error instanceof AppError ? error : unreadable();
    }
  });
}

function view(entry: TrustStoreEntry, now: Date): TrustStoreView {
  const outOfDate = entry.validUntil !== null && new Date(entry.validUntil).getTime() < now.getTime();
  return {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    validUntil: entry.validUntil,
    outOfDate,
    addedAt: entry.addedAt,
  };
}

/**
 * Adds CA certificates and CRLs from files: all or nothing, so one unreadable file or a certificate
 * that is no CA leaves the store as it was. Entries already present are counted, not duplicated.
 */
export function addToTrustStore(deps: ServiceDeps, files: readonly TrustFile[]) {
  const now = deps.now();
  const parsed = files.flatMap((file) => parseFile(file, now));
  const ctx = context(deps);
  return write(ctx, (actor) => {
    const added: TrustStoreView[] = [];
    let alreadyPresent = 0;
    for (const item of parsed) {
      const entry: TrustStoreEntry = { ...item, addedAt: ctx.at };
      if (!insertTrustStoreEntry(ctx.db, entry)) {
        alreadyPresent++;
        continue;
      }
      audit(ctx, actor, 'create', 'trust_store_entry', entry.id);
      added.push(view(entry, now));
    }
    return { added, alreadyPresent };
  });
}

export function listTrustStoreEntries(deps: ServiceDeps): TrustStoreView[] {
  return trustStoreViews(context(deps).db, deps.now());
}

/** The store's entries for a list, on an open database (the CLI's read-only path uses this too). */
export function trustStoreViews(db: Db, now: Date): TrustStoreView[] {
  return listTrustStore(db).map((entry) => view(entry, now));
}

/** Removes one entry by its id, or by a prefix of at least 8 hex digits that names exactly one. */
export function removeFromTrustStore(deps: ServiceDeps, idOrPrefix: string): { removed: TrustStoreView } {
  const wanted = idOrPrefix.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{8,64}$/.test(wanted)) throw new AppError('invalid_input', 'trust.store.badId', { id: idOrPrefix });
  const ctx = context(deps);
  const matches = listTrustStore(ctx.db).filter((entry) => entry.id.startsWith(wanted));
  if (matches.length === 0) throw new AppError('not_found', 'trust.store.notFound', { id: idOrPrefix });
  if (matches.length > 1) throw new AppError('invalid_input', 'trust.store.ambiguousId', { id: idOrPrefix });
  const entry = matches[0] as TrustStoreEntry;
  return write(ctx, (actor) => {
    deleteTrustStoreEntry(ctx.db, entry.id);
    audit(ctx, actor, 'delete', 'trust_store_entry', entry.id);
    return { removed: view(entry, deps.now()) };
  });
}

/** The store as verification wants it: CA certificates (revocation required under them) and CRLs. */
export function vaultTrustStore(db: Db): Pick<TrustList, 'authorities' | 'crls'> {
  const entries = listTrustStore(db);
  return {
    authorities: entries.filter((entry) => entry.kind === 'certificate').map((entry) => entry.der),
    crls: entries.filter((entry) => entry.kind === 'crl').map((entry) => entry.der),
  };
}

/** Everything a vault trusts when it verifies: pinned signers (and CAs) plus the organisation's store. */
export function vaultVerificationTrust(db: Db): TrustList {
  return { ...vaultTrustList(db), ...vaultTrustStore(db) };
}

/** The trust-store channels, over the same functions as `bro trust`. */
export function trustStoreHandlers(deps: ServiceDeps): Omit<HandlersOf<typeof trustChannels>, 'trust.addFromFile'> {
  return {
    'trust.list': () => ({ entries: listTrustStoreEntries(deps) }),
    'trust.add': ({ files }) =>
      addToTrustStore(
        deps,
        files.map((file) => ({
          name: file.fileName.split(/[\\/]/).pop() ?? file.fileName,
          bytes: new Uint8Array(Buffer.from(file.fileBase64, 'base64')),
        })),
      ),
    'trust.remove': ({ id }) => removeFromTrustStore(deps, id),
  };
}
