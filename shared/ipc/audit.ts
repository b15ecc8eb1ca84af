import { z } from 'zod';
import { AUDIT_ID_PATTERN } from '../domain/audit-id';
import { channel } from './channel';
import { EmptyInputSchema, TimestampSchema } from './record-views';

/** Audit ids are ids, never free text. */
const AuditIdSchema = z.string().regex(AUDIT_ID_PATTERN);

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: TimestampSchema,
  actor: z.string(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntrySchema>;

export const AuditChainReportSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), entries: z.number().int().nonnegative() }),
  z.object({
    ok: z.literal(false),
    entries: z.number().int().nonnegative(),
    firstBrokenSeq: z.number().int().positive(),
    /** What was found: rewritten, tailCut, behindKeyFile, divergesFromKeyFile or anchorMissing (catalog security.audit.*). */
    finding: z.enum(['rewritten', 'tailCut', 'behindKeyFile', 'divergesFromKeyFile', 'anchorMissing']),
  }),
]);

export const auditChannels = {
  'audit.list': channel(
    'Audit entries, newest first, for the whole vault or one object.',
    z.object({ objectId: AuditIdSchema.optional(), limit: z.number().int().min(1).max(1000).optional() }).strict(),
    z.object({ entries: z.array(AuditEntrySchema) }),
  ),
  'audit.verify': channel(
    'Recompute the audit hash chain and report the first broken entry.',
    EmptyInputSchema,
    AuditChainReportSchema,
  ),
} as const;
