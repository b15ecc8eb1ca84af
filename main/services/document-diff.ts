import type { FieldChange, Scalar } from '../../shared/ipc/record-views';

/** Every leaf of a JSON value by dotted path, in document order; arrays by index. */
function leaves(value: unknown, prefix: string, out: Map<string, Scalar>): Map<string, Scalar> {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, join(prefix, String(index)), out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      if (item !== undefined) leaves(item, join(prefix, key), out);
  } else if (prefix !== '') out.set(prefix, toScalar(value));
  return out;
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function toScalar(value: unknown): Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

/**
 * Field-by-field changes from one version's content to another's: exactly the leaves whose value
 * differs, was added or was removed, in the order they appear in the newer version.
 */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const old = leaves(before, '', new Map());
  const now = leaves(after, '', new Map());
  const changes: FieldChange[] = [];
  for (const [path, value] of now) {
    if (!old.has(path)) changes.push({ path, change: 'added', after: value });
    else if (old.get(path) !== value) changes.push({ path, change: 'changed', before: old.get(path), after: value });
  }
  for (const [path, value] of old) if (!now.has(path)) changes.push({ path, change: 'removed', before: value });
  return changes;
}
