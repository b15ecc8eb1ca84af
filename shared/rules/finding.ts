import { z } from 'zod';

/** A provision of the Norwegian guideline ("NO pkt 6", "NO pkt 13.4"). */
export const NoCitationSchema = z.object({
  source: z.literal('NO'),
  point: z.string().regex(/^\d+(\.\d+)?$/),
  text: z.string(),
});

/** A provision of the Danish circular ("DK § 5, stk. 1, nr. 1"); `toParagraph` spans §§ 2-4. */
export const DkCitationSchema = z.object({
  source: z.literal('DK'),
  paragraph: z.number().int().positive(),
  toParagraph: z.number().int().positive().optional(),
  stk: z.number().int().positive().optional(),
  nr: z.number().int().positive().optional(),
  text: z.string(),
});

/**
 * Bro's own practice: a figure or reading the texts do not give (a release meeting 30 days ahead, an
 * export graded at least as its contents). It carries the reason instead of a provision, and, where
 * it reads a provision, which one (`reading`, e.g. "NO pkt 12"), so nobody mistakes it for the text.
 */
export const LocalPracticeCitationSchema = z.object({
  source: z.literal('local'),
  id: z.string(),
  text: z.string(),
  localPractice: z.object({ reasonKey: z.string(), reading: z.string().optional() }),
});

/**
 * Where a rule comes from, as data: EITHER a provision of one of the two texts (`text` is its
 * language-neutral display form) OR Bro's local practice with its reason. The union makes a rule
 * without either impossible to write.
 */
export const CitationSchema = z.discriminatedUnion('source', [
  NoCitationSchema,
  DkCitationSchema,
  LocalPracticeCitationSchema,
]);
export type Citation = z.infer<typeof CitationSchema>;
export type LocalPracticeCitation = z.infer<typeof LocalPracticeCitationSchema>;

export function isLocalPractice(citation: Citation): citation is LocalPracticeCitation {
  return citation.source === 'local';
}

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
