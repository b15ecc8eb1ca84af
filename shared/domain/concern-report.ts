import { z } from 'zod';
import { GradingSchema } from './grading';
import { IdSchema, IsoDateSchema, LongTextSchema, ShortTextSchema } from './common';

/** Who a concern report goes to: police and PST receive it, region and KDI get a copy (NO pkt 6). */
export const ReportPartySchema = z.enum(['politi', 'pst', 'region', 'kdi', 'other']);
export type ReportParty = z.infer<typeof ReportPartySchema>;

export const AddresseeSchema = z.object({
  role: z.enum(['recipient', 'copy']),
  party: ReportPartySchema,
  /** The office or district, e.g. the police district. */
  name: ShortTextSchema,
});
export type Addressee = z.infer<typeof AddresseeSchema>;

/** Concern report (bekymringsmelding, NO pkt 6). */
export const ConcernReportContentSchema = z.object({
  /** The concern this report is about, if it is recorded in the app. */
  concernId: IdSchema.optional(),
  reportDate: IsoDateSchema.optional(),
  /** Årsak til bekymring. */
  cause: LongTextSchema,
  /** Hvilke tiltak som er eller vurderes iverksatt. */
  measures: LongTextSchema,
  /** Hvem som er varslet om bekymringen. */
  whoHasBeenNotified: LongTextSchema,
  addressees: z.array(AddresseeSchema).max(50),
  grading: GradingSchema,
});
export type ConcernReportContent = z.infer<typeof ConcernReportContentSchema>;

/** The addressees NO pkt 6 names, for a new report. */
export function defaultAddressees(): Addressee[] {
  return [
    { role: 'recipient', party: 'politi', name: '' },
    { role: 'recipient', party: 'pst', name: '' },
    { role: 'copy', party: 'region', name: '' },
    { role: 'copy', party: 'kdi', name: '' },
  ];
}
