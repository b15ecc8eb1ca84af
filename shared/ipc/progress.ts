import { z } from 'zod';
import { channel } from './channel';

/**
 * Long operations (over a second on a large vault) whose progress a screen can show. One of each
 * runs at a time in the one main process, so the operation's name is its handle: a screen that
 * starts one polls `progress.get` with the same name until the call it started returns.
 */
export const ProgressOperationSchema = z.enum(['rotateKey', 'restore', 'import', 'backup', 'demoFill']);
export type ProgressOperation = z.infer<typeof ProgressOperationSchema>;

/** Each operation's label, as literal catalog keys (for the command line and the progress bar). */
export const PROGRESS_LABEL_KEY = {
  rotateKey: 'progress.operation.rotateKey',
  restore: 'progress.operation.restore',
  import: 'progress.operation.import',
  backup: 'progress.operation.backup',
  demoFill: 'progress.operation.demoFill',
} as const satisfies Record<ProgressOperation, string>;

/**
 * Where an operation stands: `done` of `total` units (cases, bytes, steps; total 0 while not yet
 * known, shown as an indeterminate bar). Counts only, never names or content.
 */
export const ProgressSnapshotSchema = z.object({
  operation: ProgressOperationSchema,
  state: z.enum(['running', 'done', 'failed']),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ProgressSnapshot = z.infer<typeof ProgressSnapshotSchema>;

export const progressChannels = {
  'progress.get': channel(
    'Where the running (or last finished) long operation of this name stands, or null if none ran since start. Passive: polling it does not count as user activity.',
    z.object({ operation: ProgressOperationSchema }).strict(),
    z.object({ progress: ProgressSnapshotSchema.nullable() }),
  ),
};
