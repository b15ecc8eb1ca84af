import { z } from 'zod';
import { LocaleSchema } from '../../shared/domain/profile';
import { AUTO_LOCK_MINUTES } from '../../shared/ipc/settings';

/**
 * Non-secret preferences only (electron-store in the app, conf in tests): window bounds, UI language,
 * auto-lock minutes, last vault path. Never a name, a key or anything from inside the vault.
 */
export const PrefsSchema = z.object({
  uiLanguage: LocaleSchema.default('nb'),
  autoLockMinutes: z
    .number()
    .int()
    .min(AUTO_LOCK_MINUTES.min)
    .max(AUTO_LOCK_MINUTES.max)
    .default(AUTO_LOCK_MINUTES.default),
  lastVaultPath: z.string().min(1).max(4096).optional(),
  windowBounds: z
    .object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().min(400),
      height: z.number().int().min(300),
    })
    .optional(),
});
export type Prefs = z.infer<typeof PrefsSchema>;

/** Reads stored preferences; anything malformed falls back to its default instead of failing start-up. */
export function parsePrefs(raw: unknown): Prefs {
  const whole = PrefsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const source = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(PrefsSchema.shape) as (keyof Prefs)[]) {
    const field = PrefsSchema.shape[key].safeParse(source[key]);
    if (field.success && field.data !== undefined) result[key] = field.data;
  }
  return PrefsSchema.parse(result);
}

/**
 * Whether a stored preferences object holds keys the schema no longer has: a preferences file written
 * by an older Bro kept the last folder used (lastFileFolder), a path that can name the person. The
 * stores then write the file again without them at start.
 */
export function holdsRetiredKeys(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && Object.keys(raw).some((key) => !(key in PrefsSchema.shape));
}

export interface PrefsStore {
  read(): Prefs;
  update(patch: Partial<Prefs>): Prefs;
}
