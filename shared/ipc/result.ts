import { z } from 'zod';

/** Error codes that cross the IPC boundary. The renderer maps each to a message via messageKey. */
export const ErrorCodeSchema = z.enum([
  'invalid_input',
  'unknown_channel',
  'locked',
  'not_found',
  'already_exists',
  'wrong_passphrase',
  'throttled',
  'weak_passphrase',
  'vault_newer',
  'vault_corrupt',
  'vault_missing',
  'rule_blocked',
  'conflict',
  'forbidden',
  'unreadable',
  'invalid_signature',
  'internal',
  /** The database is held by another process or connection (SQLITE_BUSY): try again. */
  'busy',
  /** The file system refused: permission, disk full, read-only, an I/O error (main/db/storage-errors.ts). */
  'storage',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type ErrorParams = z.infer<typeof ErrorParamsSchema>;

export const IpcErrorSchema = z.object({
  code: ErrorCodeSchema,
  messageKey: z.string(),
  params: ErrorParamsSchema.optional(),
  /** For invalid_input: which fields failed, as dotted paths (never their values). */
  fields: z.array(z.string()).optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };
