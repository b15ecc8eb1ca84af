import { z } from 'zod';
import { channel } from './channel';
import { LocaleSchema } from '../domain/profile';

export const AUTO_LOCK_MINUTES = { min: 1, max: 120, default: 10 } as const;

/** The settings the renderer may see and change. Stored as non-secret preferences. */
export const SettingsSchema = z.object({
  uiLanguage: LocaleSchema,
  autoLockMinutes: z.number().int().min(AUTO_LOCK_MINUTES.min).max(AUTO_LOCK_MINUTES.max),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const settingsChannels = {
  'settings.get': channel('Read the UI preferences.', z.object({}).strict(), SettingsSchema),
  'settings.update': channel('Change one or more UI preferences.', SettingsSchema.partial().strict(), SettingsSchema),
} as const;
