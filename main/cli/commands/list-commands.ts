import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ProfileSchema } from '../../../shared/domain';
import type { Db } from '../../db/connection';
import { listCases } from '../../db/repositories/cases-repo';
import { listDocuments, type DocumentRecord } from '../../db/repositories/documents-repo';
import { AppError } from '../../ipc/app-error';
import { VaultSession } from '../../vault/vault-session';
import { EXIT, type CliIo } from '../cli-io';
import { requireSecret } from './demo-commands';
import { UsageError } from './vault-commands';

const ListedDocumentSchema = z.object({
  id: z.string(),
  kind: z.string(),
  currentVersion: z.number().int().positive(),
  grading: z.string(),
  status: z.enum(['draft', 'final']),
  updatedAt: z.string(),
});

/**
 * What `bro list --json` prints, for scripts that pick what to export: every live case with its live
 * documents, and the vault records without a case (mentors, contact register). Ids, kinds, versions,
 * gradings and statuses only: no names, no content.
 */
export const VaultListingSchema = z.object({
  profile: ProfileSchema,
  cases: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      unit: z.string(),
      status: z.string(),
      grading: z.string(),
      documents: z.array(ListedDocumentSchema),
    }),
  ),
  records: z.array(ListedDocumentSchema),
});
export type VaultListing = z.infer<typeof VaultListingSchema>;

const listed = (doc: DocumentRecord) => ({
  id: doc.id,
  kind: doc.kind,
  currentVersion: doc.currentVersion,
  grading: doc.grading,
  status: doc.status,
  updatedAt: doc.updatedAt,
});

/** Live cases by reference, each with its live documents in the order they were created. */
export function vaultListing(db: Db, profile: VaultListing['profile']): VaultListing {
  const byCase = new Map<string, ReturnType<typeof listed>[]>();
  const records: ReturnType<typeof listed>[] = [];
  for (const doc of listDocuments(db, {})) {
    if (doc.caseId === null) records.push(listed(doc));
    else byCase.set(doc.caseId, [...(byCase.get(doc.caseId) ?? []), listed(doc)]);
  }
  const { rows } = listCases(db, { sort: 'reference', limit: Number.MAX_SAFE_INTEGER }, null);
  const cases = rows.map((c) => ({
    id: c.id,
    reference: c.reference,
    unit: c.unit,
    status: c.status,
    grading: c.grading,
    documents: byCase.get(c.id) ?? [],
  }));
  return VaultListingSchema.parse({ profile, cases, records });
}

function kindLabel(io: CliIo, kind: string): string {
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
