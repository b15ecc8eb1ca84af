import { z } from 'zod';
import type { IsoDate } from '../domain';
import { compareDates } from '../domain';
import { CitationSchema, defineRule, emit, FindingParamsSchema, type Finding } from './finding';

export const DueStatusSchema = z.enum(['due', 'overdue', 'upcoming']);
export type DueStatus = z.infer<typeof DueStatusSchema>;

export const DueKindSchema = z.enum([
  'dk_monthly_report',
  'dk_quarterly_report',
  'dk_quarterly_meeting',
  'no_plan_copy_region',
  'no_plan_copy_kdi',
  'no_concern_report',
  'no_startup_meeting',
  'no_infoflyt_request',
  'no_arrival_meeting',
  'no_visit_routine',
  'no_future_plan',
  'no_agency_problem_report',
  'no_cooperation_meeting',
  'no_municipality_contact',
]);
export type DueKind = z.infer<typeof DueKindSchema>;

/**
 * Something that has to happen by a date: a report, a meeting, a copy to send. Only what is still
 * outstanding is listed; `period` numbers the recurring ones (1 = first month or quarter).
 */
export const DueItemSchema = z.object({
  kind: DueKindSchema,
  dueDate: z.iso.date(),
  status: DueStatusSchema,
  citation: CitationSchema,
  messageKey: z.string(),
  params: FindingParamsSchema,
  period: z.number().int().positive().optional(),
});
export type DueItem = z.infer<typeof DueItemSchema>;

/** due on the day itself, overdue from the day after, upcoming before. */
export function dueStatus(dueDate: IsoDate, today: IsoDate): DueStatus {
  const order = compareDates(dueDate, today);
  return order < 0 ? 'overdue' : order === 0 ? 'due' : 'upcoming';
}

/** Overdue items as warnings (and due-today as info), so they show with a document's findings. */
export function dueItemFindings(items: readonly DueItem[]): Finding[] {
  return items
    .filter((item) => item.status !== 'upcoming')
    .map((item) => {
      const rule = defineRule(
        `due.${item.kind}`,
        item.messageKey,
        item.citation,
        item.status === 'overdue' ? 'warning' : 'info',
      );
      return emit(rule, { params: { ...item.params, dueDate: item.dueDate, status: item.status } });
    });
}
