import { z } from 'zod';
import type { Profile } from '../../shared/domain';
import {
  GradingLevelSchema,
  highestGrading,
  IsoDateSchema,
  isGradingOfProfile,
  NewCaseSchema,
  type GradingLevel,
  type NewCase,
} from '../../shared/domain';
import type { CaseRow, CaseView } from '../../shared/ipc/cases';
import { getCase, updateCase, type CaseColumns, type CaseRecord } from '../db/repositories/cases-repo';
import { liveDocumentGradings } from '../db/repositories/documents-repo';
import type { Db } from '../db/connection';
import { AppError } from '../ipc/app-error';
import { notFound } from './service-context';

/**
 * What a case row's `data` holds: the case as entered, and each lowering of its own grading with the
 * reason (the audit log records that it happened, this records why).
 */
export const CaseDataSchema = NewCaseSchema.extend({
  gradingChanges: z
    .array(z.object({ at: z.string(), from: GradingLevelSchema, to: GradingLevelSchema, reason: z.string() }))
    .default([]),
  /**
   * The local day an existing case was marked released (`loslatt`): its retention counts from then
   * (shared/rules/retention.ts caseClosedOn), not from a release date long past, as for a person
   * released on parole years before their follow-up ended. Dropped when the case is reopened.
   */
  closedOn: IsoDateSchema.optional(),
  /**
   * The references the case carried before, oldest first: documents received from other units stay
   * filed under the reference they came with, and they are still this person's (the purge takes them).
   */
  formerReferences: z.array(z.string()).optional(),
});
export type CaseData = z.infer<typeof CaseDataSchema>;

export function caseData(record: CaseRecord): CaseData {
  const parsed = CaseDataSchema.safeParse(record.data);
  if (!parsed.success) throw new AppError('internal', 'error.internal');
  return parsed.data;
}

export function requireLiveCase(db: Db, id: string): CaseRecord {
  const record = getCase(db, id);
  if (!record || record.deletedAt) throw notFound();
  return record;
}

/** Name, reference and unit are what people search a case by; the birth date is not indexed. */
export function caseSearchText(value: NewCase): string {
  return [value.name, value.caseReference, value.unit].join('\n');
}

export function caseColumns(value: NewCase, effective: GradingLevel): CaseColumns {
  return {
    reference: value.caseReference,
    unit: value.unit,
    status: value.status,
    grading: effective,
    expectedRelease: value.expectedReleaseDate ?? null,
  };
}

/** The case as entered (what a handover carries, what the screen edits): without Bro's own records of it. */
export function withoutHistory(data: CaseData): NewCase {
  const { gradingChanges: _history, closedOn: _closedOn, formerReferences: _former, ...value } = data;
  return value;
}

export function caseView(record: CaseRecord): CaseView {
  return {
    id: record.id,
    ...withoutHistory(caseData(record)),
    effectiveGrading: GradingLevelSchema.parse(record.grading),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function caseRow(record: CaseRecord): CaseRow {
  const data = caseData(record);
  return {
    id: record.id,
    caseReference: record.reference,
    name: data.name,
    unit: record.unit,
    status: data.status,
    grading: GradingLevelSchema.parse(record.grading),
    expectedReleaseDate: record.expectedRelease,
    updatedAt: record.updatedAt,
  };
}

/**
 * The case's effective grading: the highest of its own grading and the gradings of every version its
 * live documents keep (a version saved before a downgrade is still in the vault and can be opened).
 * Stored in the `grading` column, so lists filter and sort, and the banner counts, what a case holds.
 */
export function effectiveGrading(db: Db, profile: Profile, caseId: string, own: GradingLevel): GradingLevel {
  // A document's own grading is its current version's, which is among them.
  const levels = liveDocumentGradings(db, caseId)
    .map((grading) => GradingLevelSchema.safeParse(grading))
    .flatMap((parsed) => (parsed.success && isGradingOfProfile(profile, parsed.data) ? [parsed.data] : []));
  return highestGrading(profile, [own, ...levels]);
}

/** Recomputes the effective grading after a document of the case was saved or deleted. */
export function refreshCaseGrading(db: Db, profile: Profile, caseId: string | null): void {
  if (!caseId) return;
  const record = getCase(db, caseId);
  if (!record || record.deletedAt) return;
  const data = caseData(record);
  const effective = effectiveGrading(db, profile, caseId, data.grading.level);
  if (effective === record.grading) return;
  updateCase(db, caseId, {
    ...caseColumns(data, effective),
    data,
    at: record.updatedAt,
    searchText: caseSearchText(data),
  });
}
