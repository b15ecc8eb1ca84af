import type { DocumentKind } from '../../../../shared/domain';
import type { Template } from '../../../../shared/templates';
import { useT } from '../../../app/i18n';
import { FIELD_LABELS } from '../field-labels';

export interface OrderedSection<F extends string> {
  field: F;
  heading?: string;
  guidance?: string;
}

/** The template's sections among `fields`, in its order; any of `fields` a vault's own template leaves out comes last. */
export function sectionsInTemplateOrder<F extends string>(
  template: Template | null,
  fields: readonly F[],
): OrderedSection<F>[] {
  const known: ReadonlySet<string> = new Set(fields);
  const isField = (field: string): field is F => known.has(field);
  const fromTemplate = (template?.sections ?? []).flatMap((s) =>
    isField(s.field) ? [{ field: s.field, heading: s.heading, guidance: s.guidance }] : [],
  );
  const listed: ReadonlySet<string> = new Set(fromTemplate.map((s) => s.field));
  return [...fromTemplate, ...fields.filter((field) => !listed.has(field)).map((field) => ({ field }))];
}

/** A field's own label, for a section whose template gives it no heading; the path if it has none. */
export function useFieldLabel(kind: DocumentKind): (field: string) => string {
  const t = useT();
  return (field) => {
    const spec = FIELD_LABELS[kind][field];
    return typeof spec === 'string' ? t(spec) : field;
  };
}
