import { z } from 'zod';
import { GradingLevelSchema } from '../domain/grading';
import { ProfileSchema } from '../domain/profile';
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
  /** The highest grading of what the backup holds: the medium it goes on is marked so. */
  grading: GradingLevelSchema.optional(),
});
export type BackupMade = z.infer<typeof BackupMadeSchema>;

/** A choice made in a main-process dialog for a restore: what the user picked, shown back to them. */
export const RestoreChoiceSchema = z.object({
  chosen: z.boolean(),
  /** The backup file's name, or the whole path of the chosen folder (the user picked it). */
  name: z.string().max(4096).optional(),
});
export type RestoreChoice = z.infer<typeof RestoreChoiceSchema>;

/** The restored vault: where it is and what it holds (from the backup's verified description). */
export const RestoredSchema = z.object({
  folder: z.string().max(4096),
  profile: ProfileSchema,
  createdAt: z.string().max(64),
  documentVersions: z.number().int().nonnegative(),
  /** True when the restore went into this installation's own (empty) vault folder: unlock it now. */
  openHere: z.boolean(),
});
export type Restored = z.infer<typeof RestoredSchema>;

export const backupChannels = {
  'backup.create': channel(
    'Write an encrypted, self-checking backup of the open vault where the user chooses (made = false if they cancel).',
    z.object({}).strict(),
    BackupMadeSchema,
  ),
  'backup.chooseRestoreFile': channel(
    'Choose the backup file to restore in the open dialog of the main process (chosen = false if cancelled).',
    z.object({}).strict(),
    RestoreChoiceSchema,
  ),
  'backup.chooseRestoreFolder': channel(
    'Choose the empty folder to restore into in the folder dialog of the main process; a non-empty folder is refused.',
    z.object({}).strict(),
    RestoreChoiceSchema,
  ),
  'backup.restore': channel(
    "Restore the chosen backup with the backup's passphrase into the chosen empty folder, or into this installation's vault folder while it holds no vault (progress: progress.get 'restore').",
    z.object({ passphrase: z.string().min(1).max(1024), into: z.enum(['chosenFolder', 'thisInstallation']) }).strict(),
    RestoredSchema,
  ),
} as const;
