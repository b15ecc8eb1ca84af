import { parseArgs } from 'node:util';
import { vaultListing, type VaultListing } from '../../services/vault-listing';
import { AppError } from '../../ipc/app-error';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { requireSecret } from './demo-commands';
import { UsageError } from './vault-commands';

/** A document kind in the user's language, as the lists print it. */
export function kindLabel(io: CliIo, kind: string): string {
  const key = kind === 'mentor' || kind === 'contact_entry' ? `demo.list.kind.${kind}` : `domain.kind.${kind}`;
  const label = io.t(key);
  return label === key ? kind : label;
}

function printListing(io: CliIo, listing: VaultListing): void {
  if (listing.cases.length === 0) io.out(io.t('demo.list.empty'));
  const line = (doc: VaultListing['records'][number]) =>
    io.t('demo.list.document', {
      kind: kindLabel(io, doc.kind),
      id: doc.id,
      version: doc.currentVersion,
      grading: doc.grading,
      status: io.t(`demo.list.status.${doc.status}`),
    });
  for (const c of listing.cases) {
    io.out(
      io.t('demo.list.case', {
        reference: c.reference,
        id: c.id,
        status: io.t(`domain.caseStatus.${c.status}`),
        grading: c.grading,
      }),
    );
    c.documents.forEach((doc) => io.out(line(doc)));
  }
  if (listing.records.length > 0) {
    io.out(io.t('demo.list.records'));
    listing.records.forEach((doc) => io.out(line(doc)));
  }
  const documents = listing.cases.reduce((sum, c) => sum + c.documents.length, 0);
  io.out(io.t('demo.list.summary', { cases: listing.cases.length, documents, records: listing.records.length }));
}

/**
 * `bro list --vault DIR [--json]`: opens the vault read-only (as `vault check` does: nothing is
 * migrated or written) and lists its cases with their documents.
 */
export async function listCommand(io: CliIo, rest: string[]): Promise<number> {
  const { values } = parseArgs({
    args: rest,
    options: { vault: { type: 'string' }, json: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
  if (!values.vault) throw new UsageError('--vault');
  const passphrase = await requireSecret(io, 'BRO_PASSPHRASE', 'cli.promptPassphrase');
  const { db, profile, schemaVersion, supported } = await new VaultSession({ dir: values.vault }).inspect(passphrase);
  try {
    if (schemaVersion > supported)
      throw new AppError('vault_newer', 'error.vault_newer', { found: schemaVersion, supported });
    const listing = vaultListing(db, profile);
    if (values.json) io.out(JSON.stringify(listing));
    else printListing(io, listing);
    return EXIT.ok;
  } finally {
    db.close();
  }
}
