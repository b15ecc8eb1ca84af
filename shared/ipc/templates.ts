import { z } from 'zod';
import { channel } from './channel';
import { LocaleSchema } from '../domain/profile';
import { MeetingTypeSchema } from '../domain/meeting';
import { TemplateKindSchema, TemplateSchema } from '../templates/template';
import { TimestampSchema } from './record-views';

export const TemplateSourceSchema = z.enum(['builtin', 'vault']);

/** Ids of a vault's own template copies; built-in ids never start with this. */
export const VAULT_TEMPLATE_PREFIX = 'vault-';

const TemplateIdSchema = z.string().min(1).max(100);

/**
 * Whether a title or heading shows anything: a letter, digit, punctuation mark or symbol. Spaces,
 * zero-width and other format characters alone would print as an empty heading.
 */
export function hasVisibleText(text: string): boolean {
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);
}

const VisibleTextSchema = z.string().trim().min(1).max(300).refine(hasVisibleText);

export const TemplateSummarySchema = z.object({
  id: TemplateIdSchema,
  kind: TemplateKindSchema,
  meetingType: MeetingTypeSchema.optional(),
  version: z.number().int().positive(),
  locale: LocaleSchema,
  title: z.string(),
  source: TemplateSourceSchema,
  /** For a vault copy: the template it was first copied from. */
  basedOn: z.string().nullable(),
  /** For a vault copy: when this version was saved. */
  savedAt: TimestampSchema.nullable(),
});
export type TemplateSummary = z.infer<typeof TemplateSummarySchema>;

export const TemplateViewSchema = TemplateSchema.extend({
  source: TemplateSourceSchema,
  basedOn: z.string().nullable(),
  savedAt: TimestampSchema.nullable(),
});
export type TemplateView = z.infer<typeof TemplateViewSchema>;

export const TemplateSaveInputSchema = z
  .object({
    /** A vault copy to add a version to. */
    id: TemplateIdSchema.optional(),
    /** For a new copy: the built-in (or vault) template it starts from; gives the kind. */
    basedOn: TemplateIdSchema.optional(),
    /** For an existing copy: the version the edit was based on; a later one saved meanwhile refuses it. */
    expectedVersion: z.number().int().positive().optional(),
    locale: LocaleSchema,
    title: VisibleTextSchema,
    intro: z.string().max(5000),
    sections: z
      .array(
        z
          .object({
            field: z.string().min(1).max(100),
            heading: VisibleTextSchema,
            guidance: z.string().max(5000),
          })
          .strict(),
      )
      .min(1)
      .max(50),
  })
  .strict();

export const templatesChannels = {
  'templates.list': channel(
    "Built-in templates in a language, and the vault's own edited copies (latest version of each).",
    z.object({ locale: LocaleSchema.optional(), kind: TemplateKindSchema.optional() }).strict(),
    z.object({ templates: z.array(TemplateSummarySchema) }),
  ),
  'templates.get': channel(
    'One template: built-in in a language, or a vault copy in a given (default latest) version.',
    z
      .object({
        id: TemplateIdSchema,
        version: z.number().int().positive().optional(),
        locale: LocaleSchema.optional(),
      })
      .strict(),
    TemplateViewSchema,
  ),
  'templates.save': channel(
    "Save a vault's edited copy of a template as a new version; earlier versions stay.",
    TemplateSaveInputSchema,
    TemplateViewSchema,
  ),
} as const;
