import { z } from 'zod';
import { CitationSchema } from '../rules/finding';
import { isWorkloadLimit } from '../rules/dk-workload';
import { channel } from './channel';

/** DK § 15's weekly-hours limit: 1 to 37 hours, to the hundredth. */
export const WorkloadLimitHoursSchema = z.number().refine(isWorkloadLimit, { message: 'workload_limit' });

export const WorkloadLimitViewSchema = z.object({
  hours: z.number(),
  source: z.enum(['default', 'vault']),
  defaultHours: z.number(),
  /** Where the default comes from: DK § 15 read by Bro as half of a 37-hour week. */
  citation: CitationSchema,
  updatedAt: z.string().nullable(),
});
export type WorkloadLimitView = z.infer<typeof WorkloadLimitViewSchema>;

export const workloadSettingChannels = {
  'settings.workloadLimit': channel(
    'DK § 15: the weekly hours a mentor may be given over all courses, the vault setting or the default 18.5, with its basis.',
    z.object({}).strict(),
    WorkloadLimitViewSchema,
  ),
  'settings.setWorkloadLimit': channel(
    'Set the DK § 15 weekly-hours limit of this vault (1–37), or null for the default.',
    z.object({ hours: WorkloadLimitHoursSchema.nullable() }).strict(),
    WorkloadLimitViewSchema,
  ),
} as const;
