import { assertCaseCoherent } from './input-coherence';
import { localDayOf, NewCaseSchema, type IsoDate, type NewCase } from '../../shared/domain';
import { caseClosedOn } from '../../shared/rules/retention';
import type { Handlers } from '../ipc/router';
import { AppError } from '../ipc/app-error';
import { distinctCaseUnits, storedNamesOfUnit } from '../db/repositories/case-units-repo';
import { insertCase, listCases, referenceTaken, softDeleteCase, updateCase } from '../db/repositories/cases-repo';
import { contentHash, listDocuments, softDeleteDocument } from '../db/repositories/documents-repo';
import { ftsQuery } from '../db/repositories/search-text';
import {
  caseColumns,
  caseData,
  caseRow,
  caseSearchText,
  caseView,
  effectiveGrading,
  requireLiveCase,
  type CaseData,
} from './case-records';
import { assertGradingFits, isDowngrade } from './grading-policy';
import { audit, context, write, type Ctx, type ServiceDeps } from './service-context';
import { documentSummary } from './document-records';

type CaseHandlers = Pick<
  Handlers,
  'cases.list' | 'cases.get' | 'cases.create' | 'cases.update' | 'cases.delete' | 'cases.units'
>;

function assertReferenceFree(ctx: Ctx, reference: string, exceptId?: string): void {
  if (referenceTaken(ctx.db, reference, exceptId))
    throw new AppError('already_exists', 'error.case_reference_taken', undefined, ['caseReference']);
}

function createCase(ctx: Ctx, input: NewCase) {
  assertCaseCoherent(input, ctx.today);
  assertGradingFits(ctx.profile, input.grading, 'grading');
  assertReferenceFree(ctx, input.caseReference);
  return write(ctx, (actor) => {
    const data = { ...input, gradingChanges: [] };
    const record = insertCase(ctx.db, {
      ...caseColumns(input, input.grading.level),
      data,
      at: ctx.at,
      searchText: caseSearchText(input),
    });
    audit(ctx, actor, 'create', 'case', record.id);
    return caseView(record);
  });
}

function updateExisting(
  ctx: Ctx,
  input: NewCase & { id: string; downgradeReason?: string; expectedUpdatedAt?: string },
) {
  const { id, downgradeReason, expectedUpdatedAt, ...value } = input;
  const record = requireLiveCase(ctx.db, id);
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== record.updatedAt)
    throw new AppError('conflict', 'error.conflict');
  assertCaseCoherent(value, ctx.today);
  assertGradingFits(ctx.profile, value.grading, 'grading');
  // Only a reference being taken is checked: a case saved under the one it has keeps saving, even where
  // another case holds the same (two made before references were compared in all letter cases and forms).
  if (value.caseReference !== record.reference) assertReferenceFree(ctx, value.caseReference, id);
  const previous = caseData(record);
  // Saving the case as it is stored is no edit: nothing written, nothing logged, its day kept (audit 9).
  if (contentHash(NewCaseSchema.parse(previous)) === contentHash(value)) return caseView(record);
  const downgrade = isDowngrade(ctx.profile, previous.grading, value.grading, downgradeReason);
  return write(ctx, (actor) => {
    const gradingChanges = downgrade
      ? [
          ...previous.gradingChanges,
          { at: ctx.at, from: previous.grading.level, to: value.grading.level, reason: downgradeReason ?? '' },
        ]
      : previous.gradingChanges;
    const effective = effectiveGrading(ctx.db, ctx.profile, id, value.grading.level);
    // The day the case is marked released, kept while it stays so (its retention counts from it). A case
    // registered as released (or saved so before that day was kept) counts from its last save until it
    // is first edited; then it keeps, once, the day its retention has counted from so far: every edit
    // would otherwise move it a day further.
    const closedOn =
      value.status !== 'loslatt'
        ? undefined
        : previous.status === 'loslatt'
          ? (previous.closedOn ?? closedFrom(previous, localDayOf(record.updatedAt), ctx.today))
          : ctx.today;
    const formerReferences = referencesBefore(previous, value.caseReference);
    const updated = updateCase(ctx.db, id, {
      ...caseColumns(value, effective),
      data: {
        ...value,
        gradingChanges,
        ...(closedOn ? { closedOn } : {}),
        ...(formerReferences.length > 0 ? { formerReferences } : {}),
      },
      at: nextToken(record.updatedAt, ctx.at),
      searchText: caseSearchText(value),
    });
    audit(ctx, actor, 'update', 'case', id);
    if (downgrade) audit(ctx, actor, 'downgrade', 'case', id);
    return caseView(updated);
  });
}

/**
 * The case's new `updatedAt`, which forms hold as their concurrency token: `at`, or a millisecond past
 * the last one when two updates fall in one millisecond (or the clock was set back), so the token moves
 * with every update and a form read before either is refused, not let overwrite.
 */
export function nextToken(previous: string, at: string): string {
  const last = Date.parse(previous);
  return Number.isFinite(last) && Date.parse(at) <= last ? new Date(last + 1).toISOString() : at;
}

/** The day a released case's retention counts from, by the rule (caseClosedOn), when none is kept. */
function closedFrom(kase: Pick<NewCase, 'expectedReleaseDate'>, updatedOn: IsoDate, today: IsoDate): IsoDate {
  return (
    caseClosedOn({ status: 'loslatt', expectedRelease: kase.expectedReleaseDate ?? null, updatedOn, today }) ??
    updatedOn
  );
}

/** The references a case had before `next`: the one it leaves joins those it had already. */
function referencesBefore(previous: CaseData, next: string): string[] {
  const all = [...(previous.formerReferences ?? []), previous.caseReference];
  return [...new Set(all)].filter((reference) => reference !== next);
}

/** A deleted case takes its documents out of lists and search too; everything stays in the file. */
function deleteCase(ctx: Ctx, id: string, reason: string) {
  requireLiveCase(ctx.db, id);
  write(ctx, (actor) => {
    for (const doc of listDocuments(ctx.db, { caseId: id })) {
      softDeleteDocument(ctx.db, doc.id, reason, ctx.at);
      audit(ctx, actor, 'delete', 'document', doc.id);
    }
    softDeleteCase(ctx.db, id, reason, ctx.at);
    audit(ctx, actor, 'delete', 'case', id);
  });
  return { deleted: true as const };
}

export function caseHandlers(deps: ServiceDeps): CaseHandlers {
  return {
    'cases.list': (filter) => {
      const { db } = context(deps);
      const match = filter.query ? ftsQuery(filter.query) : null;
      // A query of no words (only punctuation) matches nothing, as in search; it is no filter at all only
      // when empty.
      if (filter.query?.trim() && match === null) return { total: 0, rows: [] };
      const { unit, ...rest } = filter;
      // A unit stored in more than one spelling is one unit (shared/domain/unit-name.ts).
      const units = unit === undefined ? undefined : storedNamesOfUnit(db, unit);
      const { total, rows } = listCases(db, { ...rest, ...(units ? { units } : {}) }, match);
      return { total, rows: rows.map(caseRow) };
    },
    'cases.get': ({ id }) => {
      const { db } = context(deps);
      const record = requireLiveCase(db, id);
      const documents = listDocuments(db, { caseId: id }).flatMap((doc) => documentSummary(doc) ?? []);
      return { case: caseView(record), documents };
    },
    'cases.create': (input) => createCase(context(deps), input),
    'cases.update': (input) => updateExisting(context(deps), input),
    'cases.delete': ({ id, reason }) => deleteCase(context(deps), id, reason),
    'cases.units': () => ({ units: distinctCaseUnits(context(deps).db) }),
  };
}
