import { z } from 'zod';
import { ProfileSchema } from '../../shared/domain';
import type { Db } from '../db/connection';
import { countAllCases, findCaseByReference, listCases } from '../db/repositories/cases-repo';
import { listDocuments, type DocumentRecord } from '../db/repositories/documents-repo';

/**
 * What the command line reads of a vault: the listing `bro list` prints, and a case found by the
 * reference an administrator types. The commands call these, never the repositories.
 */

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

/** The live case with this reference, or null. */
export const caseByReference = (db: Db, reference: string) => findCaseByReference(db, reference);

/** A case's live documents, of one kind if given, in the order they were created. */
export const caseDocuments = (db: Db, caseId: string, kind?: DocumentRecord['kind']): DocumentRecord[] =>
  listDocuments(db, { caseId, ...(kind ? { kind } : {}) });

/** Every case row, deleted ones included (the demo filler refuses a vault that holds any). */
export const caseCount = (db: Db): number => countAllCases(db);

export type { DocumentRecord };
