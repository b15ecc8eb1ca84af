import { z } from 'zod';
import { ConcernContentSchema } from './concern';
import { ConcernReportContentSchema } from './concern-report';
import { FollowUpPlanContentSchema } from './follow-up-plan';
import { FuturePlanContentSchema } from './future-plan';
import { MeetingContentSchema } from './meeting';
import { MentorCourseContentSchema } from './mentor-course';
import { ObservationContentSchema } from './observation';
import { VisitRoutineContentSchema } from './visit-routine';

/** The versioned documents a case holds (DOMAIN.md "The records", items 1-8). */
export const DocumentKindSchema = z.enum([
  'observation',
  'concern',
  'concern_report',
  'follow_up_plan',
  'future_plan',
  'meeting',
  'visit_routine',
  'mentor_course',
]);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
export const DOCUMENT_KINDS = DocumentKindSchema.options;

/** kind → schema of a version's content. Every content carries its own `grading`. */
export const documentContentSchemas = {
  observation: ObservationContentSchema,
  concern: ConcernContentSchema,
  concern_report: ConcernReportContentSchema,
  follow_up_plan: FollowUpPlanContentSchema,
  future_plan: FuturePlanContentSchema,
  meeting: MeetingContentSchema,
  visit_routine: VisitRoutineContentSchema,
  mentor_course: MentorCourseContentSchema,
} as const satisfies Record<DocumentKind, z.ZodType>;

export type DocumentContentSchemas = typeof documentContentSchemas;
export type DocumentContent<K extends DocumentKind = DocumentKind> = z.infer<DocumentContentSchemas[K]>;

/** Any kind with its content, discriminated by `kind` (handy for IPC payloads and export bundles). */
export const KindedContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('observation'), content: ObservationContentSchema }),
  z.object({ kind: z.literal('concern'), content: ConcernContentSchema }),
  z.object({ kind: z.literal('concern_report'), content: ConcernReportContentSchema }),
  z.object({ kind: z.literal('follow_up_plan'), content: FollowUpPlanContentSchema }),
  z.object({ kind: z.literal('future_plan'), content: FuturePlanContentSchema }),
  z.object({ kind: z.literal('meeting'), content: MeetingContentSchema }),
  z.object({ kind: z.literal('visit_routine'), content: VisitRoutineContentSchema }),
  z.object({ kind: z.literal('mentor_course'), content: MentorCourseContentSchema }),
]);
export type KindedContent = z.infer<typeof KindedContentSchema>;

// TypeScript cannot narrow `documentContentSchemas[kind]` by a generic K, so the two functions below
// state the result type; it is exactly what the looked-up schema returns.

/** Validates content against its kind's schema. */
export function parseDocumentContent<K extends DocumentKind>(kind: K, value: unknown): DocumentContent<K> {
  return documentContentSchemas[kind].parse(value) as DocumentContent<K>;
}

export function safeParseDocumentContent<K extends DocumentKind>(
  kind: K,
  value: unknown,
): { success: true; data: DocumentContent<K> } | { success: false; error: z.ZodError } {
  const result = documentContentSchemas[kind].safeParse(value);
  return result.success
    ? { success: true, data: result.data as DocumentContent<K> }
    : { success: false, error: result.error };
}
