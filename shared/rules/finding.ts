import { z } from 'zod';

/**
 * A citation of the provision a rule comes from, as data. `text` is the language-neutral display form
 * ("NO pkt 6", "DK § 5, stk. 1, nr. 1"). Policy citations are Bro's own rules from the product spec
 * (e.g. export grading) and carry a message key for their display name.
 */
export const CitationSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('NO'), point: z.string().regex(/^\d+(\.\d+)?$/), text: z.string() }),
  z.object({
    source: z.literal('DK'),
    paragraph: z.number().int().positive(),
    stk: z.number().int().positive().optional(),
    nr: z.number().int().positive().optional(),
    text: z.string(),
  }),
  z.object({ source: z.literal('policy'), id: z.string(), labelKey: z.string(), text: z.string() }),
]);
export type Citation = z.infer<typeof CitationSchema>;

export const SeveritySchema = z.enum(['blocking', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export type FindingParams = z.infer<typeof FindingParamsSchema>;

/**
 * One result of a rule. `params` fill the message's `{placeholders}` and never hold personal data
 * (ids and field names only). `field` is the dotted path of the field the finding is about, if any.
 */
export const FindingSchema = z.object({
  ruleId: z.string(),
  severity: SeveritySchema,
  messageKey: z.string(),
  params: FindingParamsSchema,
  citation: CitationSchema,
  field: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

/** A document may be finalised only when no rule blocks it. */
export function canFinalise(findings: readonly Finding[]): boolean {
  return !findings.some((f) => f.severity === 'blocking');
}

export function blockingFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === 'blocking');
}

/** A rule's identity and citation, declared once; `emit` makes its findings. */
export interface RuleDef {
  readonly id: string;
  readonly messageKey: string;
  readonly citation: Citation;
  readonly severity: Severity;
}

export function defineRule(id: string, messageKey: string, citation: Citation, severity: Severity): RuleDef {
  return { id, messageKey, citation, severity };
}

export function emit(
  rule: RuleDef,
  options: { params?: FindingParams; field?: string; severity?: Severity } = {},
): Finding {
  const finding: Finding = {
    ruleId: rule.id,
    severity: options.severity ?? rule.severity,
    messageKey: rule.messageKey,
    params: options.params ?? {},
    citation: rule.citation,
  };
  if (options.field !== undefined) finding.field = options.field;
  return finding;
}
