import { z } from 'zod';
import { LocaleSchema, MeetingTypeSchema, type Locale, type MeetingType } from '../domain';
import { translate } from '../i18n/translate';

/** Document kinds that start from a template. */
export const TemplateKindSchema = z.enum(['follow_up_plan', 'meeting', 'visit_routine']);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const TemplateSectionSchema = z.object({
  /** The content field the section fills, e.g. "riskAndVulnerabilityFactors". */
  field: z.string(),
  heading: z.string(),
  guidance: z.string(),
});

/** A template in one language, ready to show or print. */
export const TemplateSchema = z.object({
  id: z.string(),
  kind: TemplateKindSchema,
  version: z.number().int().positive(),
  locale: LocaleSchema,
  title: z.string(),
  /** Short guidance for the document as a whole. */
  intro: z.string(),
  meetingType: MeetingTypeSchema.optional(),
  sections: z.array(TemplateSectionSchema),
});
export type Template = z.infer<typeof TemplateSchema>;

/**
 * A template as data, its words in the `domain` message catalogs so each language is kept in one
 * place. Bump `version` when the sections change: a document records the template id and version
 * it was started from.
 */
export interface TemplateDefinition<F extends string = string> {
  readonly id: string;
  readonly kind: TemplateKind;
  readonly version: number;
  readonly titleKey: string;
  readonly introKey: string;
  readonly meetingType?: MeetingType;
  readonly sections: readonly { readonly field: F; readonly headingKey: string; readonly guidanceKey: string }[];
}

/** The template's text in one language. */
export function resolveTemplate(definition: TemplateDefinition, locale: Locale): Template {
  const template: Template = {
    id: definition.id,
    kind: definition.kind,
    version: definition.version,
    locale,
    title: translate(locale, definition.titleKey),
    intro: translate(locale, definition.introKey),
    sections: definition.sections.map((s) => ({
      field: s.field,
      heading: translate(locale, s.headingKey),
      guidance: translate(locale, s.guidanceKey),
    })),
  };
  if (definition.meetingType) template.meetingType = definition.meetingType;
  return template;
}
