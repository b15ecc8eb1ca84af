import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DueListEntry } from './due-list';
import { isObject } from './due-list-packing';

/**
 * The kept due list as one value (due_list_store_state.entries), deflated: its texts and details,
 * each written once, as JSON, then every run of an entry as 14 whole numbers (32-bit, this machine's
 * byte order; a value read on a machine of the other order fails its checks and the list is worked out
 * afresh). Most texts repeat (a case's id and reference on each of its entries, the kinds, the days),
 * and numbers need no parsing, so reading the list back (issue 15: the first list after unlock) costs
 * a fraction of reading an array of whole entries.
 *
 *   u32 length of the JSON | JSON {texts, params} | zero to three bytes of padding | i32 × 14 per run
 */

/** An entry as due-list-packing.ts packs it (12 fields), listed on the days from firstDay to lastDay. */
export type Run = { firstDay: string; lastDay: string; entry: readonly unknown[] };

const FIELDS = 12;
/** Per run: firstDay, lastDay, then the entry's fields. */
const WIDTH = FIELDS + 2;
/** Entry fields that are not texts: the citation's index, the details (by dictionary), the period. */
const CITATION = 4;
const PARAMS = 6;
const PERIOD = 7;
/** Far above any vault's list (10 000 cases: under 4 MB); a value that inflates beyond it is not read. */
const MAX_KEPT_BYTES = 512 * 1024 * 1024;

class Dictionary<T> {
  readonly values: T[] = [];
  private readonly at = new Map<string, number>();
  indexOf(value: T, key: string): number {
    let index = this.at.get(key);
    if (index === undefined) {
      index = this.values.push(value) - 1;
      this.at.set(key, index);
    }
    return index;
  }
}

/** A text or a detail that is absent. */
const NONE = -1;
/** An absent period (a period is a whole number of the rules; any other is not kept). */
const NO_PERIOD = -(2 ** 31);

/** The runs as one value; throws when a run cannot be kept exactly (the list is then not kept). */
export function encodeRuns(runs: readonly Run[]): Uint8Array<ArrayBuffer> {
  const encoder = new RunsEncoder();
  encoder.add(runs);
  return encoder.finish();
}

/**
 * encodeRuns a part of the runs at a time, so keeping (due-list-keep.ts) spreads the work over its
 * steps: the parts added in order give the very value encodeRuns gives for all of them at once.
 */
export class RunsEncoder {
  private readonly texts = new Dictionary<string>();
  private readonly params = new Dictionary<unknown>();
  private readonly parts: Int32Array[] = [];

  /** The next runs, after those added before; throws as encodeRuns does. */
  add(runs: readonly Run[]): void {
    const text = (value: unknown) => (value === null ? NONE : this.texts.indexOf(String(value), String(value)));
    const columns = new Int32Array(runs.length * WIDTH);
    let at = 0;
    for (const { firstDay, lastDay, entry } of runs) {
      columns[at++] = text(firstDay);
      columns[at++] = text(lastDay);
      entry.forEach((value, field) => {
        if (field === CITATION) columns[at++] = wholeNumber(value);
        else if (field === PARAMS) columns[at++] = this.params.indexOf(value, JSON.stringify(value));
        else if (field === PERIOD) columns[at++] = value === null ? NO_PERIOD : wholeNumber(value);
        else columns[at++] = text(value);
      });
    }
    this.parts.push(columns);
  }

  /** The value of every run added. */
  finish(): Uint8Array<ArrayBuffer> {
    const header = Buffer.from(JSON.stringify({ texts: this.texts.values, params: this.params.values }));
    const start = align(4 + header.length);
    const length = this.parts.reduce((sum, part) => sum + part.byteLength, 0);
    const bytes = Buffer.alloc(start + length);
    bytes.writeUInt32LE(header.length, 0);
    header.copy(bytes, 4);
    let at = start;
    for (const part of this.parts) {
      Buffer.from(part.buffer, part.byteOffset, part.byteLength).copy(bytes, at);
      at += part.byteLength;
    }
    // Stryker disable next-line ObjectLiteral: the level is a speed choice; any level reads back the same
    return new Uint8Array(deflateRawSync(bytes, { level: 3 }));
  }
}

function wholeNumber(value: unknown): number {
  if (!Number.isInteger(value) || (value as number) <= NO_PERIOD || (value as number) >= 2 ** 31)
    throw new Error('a due-list entry with a number that cannot be kept');
  return value as number;
}

const align = (offset: number) => Math.ceil(offset / 4) * 4;

type Kept = { texts: string[]; params: Record<string, unknown>[]; runs: Int32Array };

/** The kept value's dictionaries and columns, or null when it does not read back as them. */
function parseKept(value: Uint8Array): Kept | null {
  let header: unknown;
  let runs: Int32Array;
  // Stryker disable BlockStatement: an empty catch leaves the header unset, which is refused below (the try's own block is proven by every test that reads a list back)
  try {
    // One output buffer, not a chunk per 16 KiB: inflating the list then costs half as much.
    const bytes = inflateRawSync(value, { maxOutputLength: MAX_KEPT_BYTES, chunkSize: 4 * 1024 * 1024 });
    const length = bytes.readUInt32LE(0);
    const start = align(4 + length);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: also refused later (a cut header does not parse, a part-run's missing fields read as absent); said here as the layout
    if (start > bytes.length || (bytes.length - start) % (4 * WIDTH) !== 0) return null;
    header = JSON.parse(bytes.toString('utf8', 4, 4 + length));
    // A copy where the buffer's place does not allow 32-bit reads in place.
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: inflate's buffer starts at offset 0 here, so the copy is for a runtime that pools it
    const columns = (bytes.byteOffset + start) % 4 === 0 ? bytes : Buffer.from(bytes);
    runs = new Int32Array(columns.buffer, columns.byteOffset + start, (bytes.length - start) / 4);
  } catch {
    return null;
  }
  // Stryker restore BlockStatement
  if (!isObject(header)) return null;
  const { texts, params } = header;
  if (!Array.isArray(texts) || !texts.every((t) => typeof t === 'string')) return null;
  if (!Array.isArray(params) || !params.every(isObject)) return null;
  for (const details of params) Object.freeze(details);
  return { texts, params, runs };
}

/**
 * The runs kept in `value`, their entries as packed, or null when it does not read back as runs (the
 * caller then works the whole list out afresh). For keeping changed cases afresh beside the others.
 */
export function decodeRuns(value: Uint8Array): Run[] | null {
  const kept = parseKept(value);
  if (!kept) return null;
  const { texts, params, runs } = kept;
  // Out of range, an index reads undefined: refused below.
  const text = (index: number) => (index === NONE ? null : texts[index]);
  const out: Run[] = [];
  for (let at = 0; at < runs.length; at += WIDTH) {
    const firstDay = text(runs[at]!);
    const lastDay = text(runs[at + 1]!);
    if (typeof firstDay !== 'string' || typeof lastDay !== 'string') return null;
    const entry: unknown[] = [];
    for (let field = 0; field < FIELDS; field += 1) {
      const column = runs[at + 2 + field]!;
      let read: unknown;
      if (field === CITATION) read = column;
      else if (field === PERIOD) read = column === NO_PERIOD ? null : column;
      else if (field === PARAMS) read = params[column];
      else read = text(column);
      if (read === undefined) return null;
      entry.push(read);
    }
    out.push({ firstDay, lastDay, entry });
  }
  return out;
}

const STATUSES = new Set(['overdue', 'due', 'upcoming']);

/**
 * The entries kept in `value` that the list holds on `day`, but those of the cases in `skip`; null
 * when any of them does not read back as an entry (every field checked, as packed: see
 * due-list-packing.ts). The loop the first list after unlock waits for: written out field by field,
 * so it is fast before the JIT has warmed up too.
 */
export function keptEntriesOn(
  value: Uint8Array,
  day: string,
  citations: readonly Record<string, unknown>[],
  skip: ReadonlySet<string>,
): DueListEntry[] | null {
  const kept = parseKept(value);
  if (!kept) return null;
  const { texts, params, runs } = kept;
  // Out of range (or NONE), an index reads undefined: every field is checked for that below.
  const text = (column: number): string | undefined => texts[column];
  const textOrNull = (column: number): string | null | undefined => (column === NONE ? null : text(column));
  const out: DueListEntry[] = [];
  for (let at = 0; at < runs.length; at += WIDTH) {
    const firstDay = text(runs[at]!);
    const lastDay = text(runs[at + 1]!);
    const caseId = text(runs[at + 2]!);
    if (firstDay === undefined || lastDay === undefined || caseId === undefined) return null;
    if (firstDay > day || lastDay < day || skip.has(caseId)) continue;
    const kind = text(runs[at + 3]!);
    const dueDate = text(runs[at + 4]!);
    const status = text(runs[at + 5]!);
    const citationIndex = runs[at + 6]!;
    const citation = citations[citationIndex];
    const messageKey = text(runs[at + 7]!);
    const paramsIndex = runs[at + 8]!;
    const details = params[paramsIndex];
    const periodColumn = runs[at + 9]!;
    const caseReference = text(runs[at + 10]!);
    const documentId = textOrNull(runs[at + 11]!);
    const documentKind = textOrNull(runs[at + 12]!);
    const actionId = textOrNull(runs[at + 13]!);
    if (
      kind === undefined ||
      dueDate === undefined ||
      // Stryker disable next-line ConditionalExpression: STATUSES.has refuses it too; the type needs it said
      status === undefined ||
      !STATUSES.has(status) ||
      citation === undefined ||
      messageKey === undefined ||
      details === undefined ||
      caseReference === undefined ||
      documentId === undefined ||
      documentKind === undefined ||
      actionId === undefined
    )
      return null;
    out.push({
      kind,
      dueDate,
      status,
      citation,
      messageKey,
      // Frozen (parseKept), not copied: shared by every entry that names the same details.
      params: details,
      period: periodColumn === NO_PERIOD ? undefined : periodColumn,
      caseId,
      caseReference,
      documentId: documentId ?? undefined,
      documentKind: documentKind ?? undefined,
      actionId: actionId ?? undefined,
    } as DueListEntry);
  }
  return out;
}
