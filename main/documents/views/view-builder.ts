import type { Locale } from '../../../shared/domain';
import { translate, type MessageParams } from '../../../shared/i18n/translate';
import { LABEL_MAX, type DocumentBlock } from '../pdf/document-view';
import { formatDocumentDate } from '../pdf/format-date';
import { formatDocumentNumber, type NumberStyle } from '../pdf/format-number';
import type { ViewTemplate } from './view-source';

/** Printed for a field left empty: language-neutral, and visibly not forgotten by the printer. */
export const EMPTY = '—';

/** A label the view accepts: trimmed, at most LABEL_MAX characters, never empty. */
export function label(text: string, fallback: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return fallback;
  return trimmed.length > LABEL_MAX ? `${trimmed.slice(0, LABEL_MAX - 1)}…` : trimmed;
}

/**
 * Collects the blocks of one document in order, with the small vocabulary every mapper needs:
 * translated labels, enum labels from the `domain` catalog, dates, numbers, yes/no, and template headings.
 */
export class ViewBuilder {
  readonly blocks: DocumentBlock[] = [];

  private readonly headings: ReadonlyMap<string, string>;

  constructor(
    readonly locale: Locale,
    template?: ViewTemplate,
  ) {
    this.headings = new Map((template?.sections ?? []).map((section) => [section.field, section.heading]));
  }

  t(key: string, params?: MessageParams): string {
    return translate(this.locale, key, params);
  }

  /** The label of an enum value, e.g. enumLabel('meetingType', 'startup'); empty when unset. */
  enumLabel(group: string, value: string | undefined): string {
    return value === undefined ? EMPTY : this.t(`domain.${group}.${value}`);
  }

  date(value: string | undefined): string {
    return value ? formatDocumentDate(this.locale, value) : EMPTY;
  }

  /** Hours and amounts the locale's way ("7,5", "2.500,50" in Danish); empty when unset. */
  number(value: number | undefined, style: NumberStyle): string {
    return value === undefined ? EMPTY : formatDocumentNumber(this.locale, value, style);
  }

  yesNo(value: boolean | undefined): string {
    return this.t(`domain.yesNo.${value === undefined ? 'unknown' : value ? 'yes' : 'no'}`);
  }

  text(value: string | undefined): string {
    return value === undefined || value.trim() === '' ? EMPTY : value;
  }

  /** The template's heading for a field when the document came from one, else the field's label. */
  headingFor(field: string, labelKey: string): string {
    const fallback = this.t(labelKey);
    return label(this.headings.get(field) ?? fallback, fallback);
  }

  heading(text: string, level: 1 | 2 = 1): this {
    this.blocks.push({ type: 'heading', level, text: label(text, EMPTY) });
    return this;
  }

  paragraph(text: string): this {
    this.blocks.push({ type: 'paragraph', text: this.text(text) });
    return this;
  }

  /** A heading (the template's, or the field's label) and the text under it. */
  section(field: string, labelKey: string, value: string, level: 1 | 2 = 1): this {
    return this.heading(this.headingFor(field, labelKey), level).paragraph(value);
  }

  /** Label/value rows, labels already translated; a row per fact, printed as a form. */
  keyValues(rows: readonly (readonly [string, string])[]): this {
    if (rows.length > 0)
      this.blocks.push({ type: 'keyValue', rows: rows.map(([key, value]) => ({ key: label(key, EMPTY), value })) });
    return this;
  }

  /** A table, or a dash when there are no rows (an empty table head would look like a layout fault). */
  table(columns: readonly (readonly [string, number])[], rows: readonly string[][]): this {
    if (rows.length === 0) return this.paragraph('');
    this.blocks.push({
      type: 'table',
      columns: columns.map(([header, width]) => ({ header: label(header, EMPTY), width })),
      rows: rows.map((row) => [...row]),
    });
    return this;
  }

  bullets(items: readonly string[]): this {
    if (items.length === 0) return this.paragraph('');
    this.blocks.push({ type: 'bulletList', items: [...items] });
    return this;
  }

  notice(text: string): this {
    this.blocks.push({ type: 'notice', text });
    return this;
  }
}
