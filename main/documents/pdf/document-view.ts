import { z } from 'zod';
import { GradingSchema } from '../../../shared/domain/grading';
import { LocaleSchema } from '../../../shared/domain/profile';

/**
 * The document view model: everything the PDF renderer needs, already in display form. Each document
 * kind (plan, minutes, visit routine, …) is mapped to this shape by its own mapper; the renderer knows
 * nothing about the domain. Texts are final (translated by the mapper); only the fixed words of the
 * page frame (page numbers, date labels, severity names) come from the `documents` catalog via `locale`.
 */

/** A date ("2025-03-12") or a date-time with offset ("2025-03-12T14:05:00+01:00"). The wall-clock time
 * written in the string is what is printed, so the output never depends on the machine's time zone. */
export const DocumentDateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
export type DocumentDate = z.infer<typeof DocumentDateSchema>;

const LineSchema = z.string().max(2_000);
const TextSchema = z.string().max(50_000);
/** The longest heading or label a page takes. */
export const LABEL_MAX = 300;
/** The most findings one findings block takes. */
export const FINDINGS_MAX = 500;

const LabelSchema = z.string().trim().min(1).max(LABEL_MAX);

export const HeadingBlockSchema = z.object({
  type: z.literal('heading'),
  level: z.union([z.literal(1), z.literal(2)]),
  text: LabelSchema,
});

/** Wrapped to the page width; explicit newlines are kept, an empty line gives an empty line. */
export const ParagraphBlockSchema = z.object({
  type: z.literal('paragraph'),
  text: TextSchema,
});

export const KeyValueBlockSchema = z.object({
  type: z.literal('keyValue'),
  rows: z
    .array(z.object({ key: LabelSchema, value: TextSchema }))
    .min(1)
    .max(2_000),
});

export const BulletListBlockSchema = z.object({
  type: z.literal('bulletList'),
  items: z.array(TextSchema).min(1).max(2_000),
});

export const TableColumnSchema = z.object({
  header: LabelSchema,
  /** Relative width: columns share the text width in proportion to their weights. */
  width: z.number().positive().max(100),
});

export const TableBlockSchema = z
  .object({
    type: z.literal('table'),
    columns: z.array(TableColumnSchema).min(1).max(10),
    rows: z.array(z.array(TextSchema)).max(10_000),
  })
  .refine((table) => table.rows.every((row) => row.length === table.columns.length), {
    message: 'every row has one cell per column',
    path: ['rows'],
  });

/** Rule findings as the rules module reports them; the citation is printed as given ("DK § 5, stk. 3"). */
export const FindingSeveritySchema = z.enum(['blocking', 'warning', 'info']);
export type FindingSeverity = z.infer<typeof FindingSeveritySchema>;

export const FindingsBlockSchema = z.object({
  type: z.literal('findings'),
  findings: z
    .array(z.object({ severity: FindingSeveritySchema, text: TextSchema.min(1), citation: LineSchema.min(1) }))
    .min(1)
    .max(FINDINGS_MAX),
});

/** A framed note, e.g. "Utarbeidet uten domfeltes medvirkning (NO pkt 11)". */
export const NoticeBlockSchema = z.object({
  type: z.literal('notice'),
  text: TextSchema.min(1),
});

/** Lines to sign on paper: "place and date" and a signature line captioned with name and role. */
export const SignatureBlockSchema = z.object({
  type: z.literal('signature'),
  signers: z
    .array(z.object({ caption: LabelSchema }))
    .min(1)
    .max(20),
});

export const DocumentBlockSchema = z.discriminatedUnion('type', [
  HeadingBlockSchema,
  ParagraphBlockSchema,
  KeyValueBlockSchema,
  BulletListBlockSchema,
  TableBlockSchema,
  FindingsBlockSchema,
  NoticeBlockSchema,
  SignatureBlockSchema,
]);
export type DocumentBlock = z.infer<typeof DocumentBlockSchema>;
export type TableBlock = z.infer<typeof TableBlockSchema>;
export type FindingsBlock = z.infer<typeof FindingsBlockSchema>;

export const DocumentViewSchema = z.object({
  /** Language of the fixed words (page numbers, date labels). Independent of the content's language. */
  locale: LocaleSchema,
  /** BCP 47 tag of the content, written as the PDF's /Lang. Defaults to the locale's language. */
  contentLanguage: z
    .string()
    .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/)
    .optional(),
  title: LabelSchema,
  /** The document kind as shown above the title, e.g. "Oppfølgingsplan". */
  kindLabel: LabelSchema,
  caseReference: LabelSchema,
  version: z.number().int().min(1).max(1_000_000),
  /**
   * The facts under the title in place of a case document's (reference, version, created, finalised),
   * for a sheet that is no case document: the fingerprint sheet names its unit, not a case or a draft.
   */
  titleFacts: z
    .array(z.object({ label: LabelSchema, value: LabelSchema }))
    .min(1)
    .max(4)
    .optional(),
  /** A version not yet finalised: the page frame marks every page, so a loose page is never taken for final. */
  draft: z.boolean().optional(),
  dates: z.object({
    created: DocumentDateSchema,
    finalised: DocumentDateSchema.optional(),
    /** When this copy was produced; also the PDF's creation and modification date. */
    printed: DocumentDateSchema,
  }),
  grading: GradingSchema,
  blocks: z.array(DocumentBlockSchema).max(20_000),
});
export type DocumentView = z.infer<typeof DocumentViewSchema>;
/** What callers write: optional fields may be left out. */
export type DocumentViewInput = z.input<typeof DocumentViewSchema>;
