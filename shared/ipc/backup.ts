import { z } from 'zod';
import { channel } from './channel';

/** What the renderer learns of a backup: its file name and fingerprint, never a path it did not choose. */
export const BackupMadeSchema = z.object({
  made: z.boolean(),
  fileName: z.string().optional(),
  bytes: z.number().int().nonnegative().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  createdAt: z.string().optional(),
});
export type BackupMade = z.infer<typeof BackupMadeSchema>;

export const backupChannels = {
  'backup.create': channel(
    'Write an encrypted, self-checking backup of the open vault where the user chooses (made = false if they cancel).',
    z.object({}).strict(),
    BackupMadeSchema,
  ),
} as const;
