import { z } from 'zod';
import { GradingSchema } from './grading';
import { AgencySchema, ServiceUnitKindSchema, type Agency } from './agency';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema, TemplateRefSchema } from './common';

/**
 * The four coordination meetings of NO pkt 12: start-up (on arrival, or as soon as a concern arises),
 * follow-up run by the prison, release (before release or transfer to a community sentence), and
 * follow-up run by the probation office (friomsorgskontoret).
 */
export const MeetingTypeSchema = z.enum(['startup', 'follow_up_prison', 'release', 'follow_up_probation']);
export type MeetingType = z.infer<typeof MeetingTypeSchema>;

/**
 * NO pkt 12: agencies every meeting type expects — service staff working with the person, police
 * and PST in all four. The release meeting also expects the probation office (friomsorgskontoret).
 */
export const EXPECTED_AGENCIES: Readonly<Record<MeetingType, readonly Agency[]>> = {
  startup: ['kriminalomsorgen', 'politi', 'pst'],
  follow_up_prison: ['kriminalomsorgen', 'politi', 'pst'],
  release: ['kriminalomsorgen', 'politi', 'pst'],
  follow_up_probation: ['kriminalomsorgen', 'politi', 'pst'],
};

export function expectsProbationOffice(type: MeetingType): boolean {
  return type === 'release';
}

export const ParticipantSchema = z.object({
  name: ShortTextSchema,
  agency: AgencySchema,
  /** For kriminalomsorgen: prison, probation office, region or KDI. */
  unitKind: ServiceUnitKindSchema.optional(),
  /** Role or office, e.g. "radikaliseringskontakt", "politidistrikt Øst". */
  role: ShortTextSchema,
});
export type Participant = z.infer<typeof ParticipantSchema>;

export const ActionStatusSchema = z.enum(['open', 'in_progress', 'done', 'cancelled']);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;

/** A decided action; open actions roll into the follow-up plan. */
export const MeetingActionSchema = z.object({
  id: IdSchema,
  description: LongTextSchema,
  owner: ShortTextSchema,
  ownerAgency: AgencySchema.optional(),
  deadline: IsoDateSchema.optional(),
  status: ActionStatusSchema,
});
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

/** Coordination meeting and its minutes (koordineringsmøte, NO pkt 12). */
export const MeetingContentSchema = z.object({
  template: TemplateRefSchema.optional(),
  meetingType: MeetingTypeSchema,
  date: IsoDateSchema.optional(),
  /**
   * A release meeting's release or transfer date (NO pkt 12: "løslatelse eller overføring til
   * straffegjennomføring i samfunnet"): only minutes for the current date clear the due item.
   */
  releaseDate: IsoDateSchema.optional(),
  place: ShortTextSchema,
  participants: z.array(ParticipantSchema).max(100),
  agenda: LongTextSchema,
  informationShared: LongTextSchema,
  decisions: LongTextSchema,
  actions: z.array(MeetingActionSchema).max(200),
  nextMeeting: z.object({
    date: IsoDateSchema.optional(),
    place: ShortTextSchema,
    notes: ShortTextSchema,
  }),
  grading: GradingSchema,
});
export type MeetingContent = z.infer<typeof MeetingContentSchema>;

/** Actions still to be done across meetings, oldest deadline first (undated last). */
export function openActions(meetings: readonly MeetingContent[]): MeetingAction[] {
  const open = meetings.flatMap((m) => m.actions.filter((a) => a.status === 'open' || a.status === 'in_progress'));
  return open.sort((a, b) => (a.deadline ?? '9999-12-31').localeCompare(b.deadline ?? '9999-12-31'));
}
