import type { DocumentKind } from '../../../shared/domain';
import type { FieldChange, Scalar } from '../../../shared/ipc/record-views';
import { FIELD_LABELS, HIDDEN_PATTERNS, MENTOR_ID_PATTERNS, VALUE_LABELS, type LabelSpec } from './field-labels';
import { YES_NO_KEY } from '../../lib/document-labels';

/** One piece of a field's label: a message key (with the row number for a list row) or raw text. */
export type LabelPart = { key: string; row?: number } | { raw: string };

/** How a before/after value is shown; the component turns each into text in the user's language. */
export type DisplayValue =
  | { type: 'empty' }
  | { type: 'key'; key: string }
  | { type: 'date'; iso: string }
  | { type: 'dateTime'; iso: string }
  | { type: 'number'; value: number }
  | { type: 'mentor'; id: string }
  | { type: 'text'; text: string };

export interface ChangeRow {
  path: string;
  change: FieldChange['change'];
  label: LabelPart[];
  before: DisplayValue;
  after: DisplayValue;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** "participants.2.name" → "participants.#.name". */
export function pathPattern(path: string): string {
  return path
    .split('.')
    .map((segment) => (/^\d+$/.test(segment) ? '#' : segment))
    .join('.');
}

function specParts(spec: LabelSpec | undefined, fallback: string): LabelPart[] {
  if (spec === undefined) return [{ raw: fallback }];
  return (typeof spec === 'string' ? [spec] : spec).map((key) => ({ key }));
}

/**
 * The readable label of a field path: each list on the way contributes "group, row n", then the
 * field's own label. Unknown paths fall back to the path itself rather than hiding a change.
 */
export function fieldLabel(kind: DocumentKind, path: string): LabelPart[] {
  const labels = FIELD_LABELS[kind];
  const segments = path.split('.');
  const parts: LabelPart[] = [];
  const seen: string[] = [];
  segments.forEach((segment, index) => {
    if (/^\d+$/.test(segment)) {
      const group = seen.join('.');
      const spec = labels[group];
      parts.push(
        typeof spec === 'string' ? { key: spec, row: Number(segment) + 1 } : { raw: `${group} ${Number(segment) + 1}` },
      );
      seen.push('#');
      return;
    }
    seen.push(segment);
    if (index === segments.length - 1) parts.push(...specParts(labels[seen.join('.')], path));
  });
  return parts;
}

export function displayValue(pattern: string, value: Scalar | undefined): DisplayValue {
  if (value === undefined || value === null || value === '') return { type: 'empty' };
  if (typeof value === 'boolean') return { type: 'key', key: value ? YES_NO_KEY.yes : YES_NO_KEY.no };
  if (typeof value === 'number') return { type: 'number', value };
  const labels = VALUE_LABELS[pattern];
  const key = labels?.[value];
  if (key) return { type: 'key', key };
  if (MENTOR_ID_PATTERNS.has(pattern)) return { type: 'mentor', id: value };
  if (DATE.test(value)) return { type: 'date', iso: value };
  if (DATE_TIME.test(value)) return { type: 'dateTime', iso: value };
  return { type: 'text', text: value };
}

/** The diff as rows a person can read: labelled, values by their labels, bookkeeping and empty-to-empty left out. */
export function changeRows(kind: DocumentKind, changes: readonly FieldChange[]): ChangeRow[] {
  return changes.flatMap((change) => {
    const pattern = pathPattern(change.path);
    if (HIDDEN_PATTERNS.has(pattern)) return [];
    const before = displayValue(pattern, change.before);
    const after = displayValue(pattern, change.after);
    // A new empty field (e.g. a blank row just added) changes nothing a reader can see.
    if (before.type === 'empty' && after.type === 'empty') return [];
    return [{ path: change.path, change: change.change, label: fieldLabel(kind, change.path), before, after }];
  });
}
