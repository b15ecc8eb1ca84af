import type { FieldChange, Scalar } from '../../shared/ipc/record-views';

/** Every leaf of a JSON value by dotted path, in document order; arrays by index. */
function leaves(value: unknown, prefix: string, out: Map<string, Scalar>): Map<string, Scalar> {
  if (Array.isArray(value)) value.forEach((item, index) => leaves(item, join(prefix, String(index)), out));
  else if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) if (item !== undefined) leaves(item, join(prefix, key), out);
  } else if (prefix !== '') out.set(prefix, toScalar(value));
  return out;
}

function join(prefix: string, key: string): string {
  return prefix === '' ? key : `${prefix}.${key}`;
}

function toScalar(value: unknown): Scalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value's JSON with its keys sorted: equal content gives equal text whatever the key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (isRecord(value))
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stable(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

type Step = { old?: number; now?: number };

/** How many fields two rows share with equal values: rows edited in place still share most. */
function shared(old: ReadonlyMap<string, Scalar>, now: ReadonlyMap<string, Scalar>): number {
  let same = 0;
  for (const [path, value] of now) if (old.has(path) && old.get(path) === value) same++;
  return same;
}

/**
 * The rows between two equal ones: each new row is paired with the old row it shares most fields with
 * (an edited row), then the rest in order; what is left over was removed or added.
 */
function pairGap(before: readonly unknown[], after: readonly unknown[], olds: number[], news: number[]): Step[] {
  const partner = new Map<number, number>();
  const taken = new Set<number>();
  const fieldsOf = new Map(olds.map((old) => [old, leaves(before[old], '', new Map())]));
  for (const now of news) {
    const fields = leaves(after[now], '', new Map());
    let best: { old: number; same: number } | null = null;
    for (const old of olds) {
      if (taken.has(old)) continue;
      const same = shared(fieldsOf.get(old)!, fields);
      if (same > 0 && (best === null || same > best.same)) best = { old, same };
    }
    if (best) {
      partner.set(now, best.old);
      taken.add(best.old);
    }
  }
  const freeOld = olds.filter((old) => !taken.has(old));
  const steps: Step[] = [];
  for (const now of news) {
    const old = partner.get(now) ?? freeOld.shift();
    steps.push(old === undefined ? { now } : { old, now });
  }
  for (const old of freeOld) steps.push({ old });
  return steps;
}

/**
 * How a list's rows line up: rows equal in both (the longest common run, in order) are the same row;
 * between them, rows are paired (pairGap: an edited row with its old self) and the rest were removed
 * or added. So taking one person out of a list of three says that person was removed, not that every
 * later row changed into the next.
 */
function align(before: readonly unknown[], after: readonly unknown[]): Step[] {
  const a = before.map(stable);
  const b = after.map(stable);
  // lcs[i][j]: the longest common run of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const steps: Step[] = [];
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const flush = () => {
    steps.push(...pairGap(before, after, gapOld, gapNew));
    gapOld = [];
    gapNew = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) gapOld.push(i++);
    else gapNew.push(j++);
  }
  flush();
  return steps;
}

interface Found {
  changes: FieldChange[];
  removals: FieldChange[];
}

function removed(value: unknown, path: string, found: Found): void {
  for (const [leaf, before] of leaves(value, path, new Map()))
    found.removals.push({ path: leaf, change: 'removed', before });
}

function added(value: unknown, path: string, found: Found): void {
  for (const [leaf, after] of leaves(value, path, new Map()))
    found.changes.push({ path: leaf, change: 'added', after });
}

/** The changes from `before` at `oldPath` to `after` at `newPath`, into `found`. */
function compare(before: unknown, after: unknown, oldPath: string, newPath: string, found: Found): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (const step of align(before, after)) {
      if (step.old !== undefined && step.now !== undefined)
        compare(
          before[step.old],
          after[step.now],
          join(oldPath, String(step.old)),
          join(newPath, String(step.now)),
          found,
        );
      else if (step.old !== undefined) removed(before[step.old], join(oldPath, String(step.old)), found);
      else if (step.now !== undefined) added(after[step.now], join(newPath, String(step.now)), found);
    }
  } else if (isRecord(before) && isRecord(after)) {
    for (const [key, value] of Object.entries(after)) {
      if (value === undefined) continue;
      if (before[key] === undefined) added(value, join(newPath, key), found);
      else compare(before[key], value, join(oldPath, key), join(newPath, key), found);
    }
    for (const [key, value] of Object.entries(before))
      if (value !== undefined && after[key] === undefined) removed(value, join(oldPath, key), found);
  } else if (!Array.isArray(before) && !isRecord(before) && !Array.isArray(after) && !isRecord(after)) {
    const old = toScalar(before);
    const now = toScalar(after);
    if (old !== now && newPath !== '')
      found.changes.push({ path: newPath, change: 'changed', before: old, after: now });
  } else {
    removed(before, oldPath, found);
    added(after, newPath, found);
  }
}

/**
 * Field-by-field changes from one version's content to another's: exactly the leaves whose value
 * differs, was added or was removed, in the order they appear in the newer version, removals last.
 * Rows of a list are lined up by content (align), so a row taken out is reported as removed.
 */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const found: Found = { changes: [], removals: [] };
  compare(before, after, '', '', found);
  return [...found.changes, ...found.removals];
}
