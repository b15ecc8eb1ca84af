import { z } from 'zod';
import { AUDIT_ID_PATTERN } from '../../shared/domain/audit-id';
import { MAX_NAMED_DOCUMENTS } from './integrity-check';

/** What the vault session hands the integrity worker. The key is shared memory, never a copy in a message. */
export const IntegrityJobSchema = z.object({
  path: z.string().min(1),
  key: z.instanceof(SharedArrayBuffer).refine((buffer) => buffer.byteLength === 32),
  vaultId: z.string().uuid(),
  anchor: z.object({ seq: z.number().int(), mac: z.string(), legacySeq: z.number().int() }).optional(),
});
export type IntegrityJob = z.infer<typeof IntegrityJobSchema>;

const AuditReportSchema = z.union([
  z.object({ ok: z.literal(true), entries: z.number() }),
  z.object({
    ok: z.literal(false),
    entries: z.number(),
    firstBrokenSeq: z.number(),
    finding: z.enum(['rewritten', 'tailCut', 'behindKeyFile', 'divergesFromKeyFile', 'anchorMissing']),
  }),
]);

const DueFactsReportSchema = z.object({
  mismatches: z.number().int().nonnegative(),
  documents: z.array(z.string().regex(AUDIT_ID_PATTERN)).max(MAX_NAMED_DOCUMENTS),
});

/** What the worker answers: the report of the full check, or the class of what stopped it. */
export const IntegrityMessageSchema = z.union([
  z.object({
    report: z.object({
      integrity: z.enum(['ok', 'cipher_integrity_check', 'quick_check']),
      audit: AuditReportSchema.optional(),
      dueFacts: DueFactsReportSchema.optional(),
    }),
  }),
  z.object({ failure: z.string().regex(/^[A-Za-z]{1,40}$/) }),
]);
export type IntegrityMessage = z.infer<typeof IntegrityMessageSchema>;
