import { z } from 'zod';
import { channel } from './channel';
import { CaseSchema, CaseStatusSchema, NewCaseSchema } from '../domain/case';
import { IdSchema, IsoDateSchema, ShortTextSchema } from '../domain/common';
import { GradingLevelSchema } from '../domain/grading';
import {
  DeletedSchema,
  DeleteInputSchema,
  DocumentSummarySchema,
  EmptyInputSchema,
  IdInputSchema,
  NameInputSchema,
  ReasonSchema,
  TimestampSchema,
} from './record-views';

export const CaseSortSchema = z.enum(['reference', 'updated', 'release']);

export const CaseListInputSchema = z
  .object({
    /** Words matched by prefix in the case and its documents (full-text index). */
    query: z.string().max(200).optional(),
    unit: ShortTextSchema.optional(),
    status: CaseStatusSchema.optional(),
    /** The case's effective grading (see CaseViewSchema). */
    grading: GradingLevelSchema.optional(),
    sort: CaseSortSchema.optional(),
    limit: z.number().int().min(1).max(500).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();

/** A light row for a virtualised case list. */
export const CaseRowSchema = z.object({
  id: IdSchema,
  caseReference: z.string(),
  name: z.string(),
  unit: z.string(),
  status: CaseStatusSchema,
  grading: GradingLevelSchema,
  expectedReleaseDate: IsoDateSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type CaseRow = z.infer<typeof CaseRowSchema>;

/**
 * A case as stored. `grading` is the grading set on the case itself; `effectiveGrading` is the
 * highest of that and the current gradings of the case's live documents, so a case is never shown
 * (or filtered) as lower than what it holds.
 */
export const CaseViewSchema = CaseSchema.extend({
  effectiveGrading: GradingLevelSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type CaseView = z.infer<typeof CaseViewSchema>;

/** A case as a form sends it: its name and reference not blank. */
export const CaseInputSchema = NewCaseSchema.extend({ name: NameInputSchema, caseReference: NameInputSchema });

export const CaseUpdateInputSchema = CaseInputSchema.extend({
  id: IdSchema,
  /** Required when the case's own grading is lowered (an explicit, logged act). */
  downgradeReason: ReasonSchema.optional(),
  /**
   * The case's updatedAt as the editor loaded it: a case changed since (in another window, or raised
   * by a handover merge) is not overwritten with the older form.
   */
  expectedUpdatedAt: TimestampSchema.optional(),
}).strict();

export const casesChannels = {
  'cases.list': channel(
    'One page of live cases: full-text query, filters by unit, status and grading, sorted; with the total.',
    CaseListInputSchema,
    z.object({ total: z.number().int().nonnegative(), rows: z.array(CaseRowSchema) }),
  ),
  'cases.get': channel(
    'A case with summaries of its live documents (never mentor conversation records).',
    IdInputSchema,
    z.object({ case: CaseViewSchema, documents: z.array(DocumentSummarySchema) }),
  ),
  'cases.create': channel(
    'Create a case; the case reference must be unique among live cases.',
    CaseInputSchema.strict(),
    CaseViewSchema,
  ),
  'cases.update': channel(
    'Replace the fields of a case; lowering its own grading needs a reason.',
    CaseUpdateInputSchema,
    CaseViewSchema,
  ),
  'cases.delete': channel(
    'Soft-delete a case and its documents, keeping the reason.',
    DeleteInputSchema,
    DeletedSchema,
  ),
  'cases.units': channel(
    'The distinct units of live cases, for the list filter.',
    EmptyInputSchema,
    z.object({ units: z.array(z.string()) }),
  ),
} as const;
