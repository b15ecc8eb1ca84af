// The kept due list is one value in the vault that an insider who knows the passphrase can rewrite.
// Whatever it holds, reading it back gives the entries exactly as they were kept, or null (the list
// is then worked out afresh): never an entry with a field missing, never a throw, never a read
// without bounds. The corpus below rewrites one part of a genuine value at a time.
import { createDeflateRaw, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeRuns, encodeRuns, keptEntriesOn, RunsEncoder, type Run } from './due-list-kept-codec';

const citations = [
  { source: 'NO', point: '12', text: 'NO pkt 12' },
  { source: 'NO', point: '11', text: 'NO pkt 11' },
];

// caseId, kind, dueDate, status, citation, messageKey, params, period, caseReference, documentId,
// documentKind, actionId (due-list-packing.ts)
const meetingAction = [
  'case-a',
  'no_meeting_action',
  '2026-03-10',
  'due',
  0,
  'rules.no.due.action',
  { meetingDate: '2026-03-01' },
  null,
  'KOMPIS-1',
  'doc-1',
  'meeting',
  'action-1',
];
const planCopy = [
  'case-b',
  'no_plan_copy_kdi',
  '2026-03-12',
  'upcoming',
  1,
  'rules.no.due.planCopy',
  { version: 2 },
  3,
  'KOMPIS-2',
  'doc-2',
  'follow_up_plan',
  null,
];
const caseEvent = [
  'case-a',
  'no_arrival_meeting',
  '2026-03-09',
  'overdue',
  0,
  'rules.no.due.arrival',
  { meetingDate: '2026-03-01' },
  null,
  'KOMPIS-1',
  null,
  null,
  null,
];

const RUNS: Run[] = [
  { firstDay: '2026-03-09', lastDay: '2026-03-10', entry: caseEvent },
  { firstDay: '2026-03-09', lastDay: '2026-03-09', entry: meetingAction },
  { firstDay: '2026-03-10', lastDay: '2026-03-12', entry: planCopy },
];

/** Per run: firstDay, lastDay, then the entry's 12 fields (due-list-kept-codec.ts). */
const WIDTH = 14;
const COLUMN = {
  firstDay: 0,
  lastDay: 1,
  caseId: 2,
  kind: 3,
  dueDate: 4,
  status: 5,
  citation: 6,
  messageKey: 7,
  params: 8,
  period: 9,
  caseReference: 10,
  documentId: 11,
  documentKind: 12,
  actionId: 13,
} as const;

type Parts = { header: unknown; columns: Int32Array; length?: number };

/** The value's parts as written: header length, header JSON, padding, the columns. */
function partsOf(value: Uint8Array): { length: number; headerText: string; columns: Int32Array; bytes: Buffer } {
  const bytes = inflateRawSync(value);
  const length = bytes.readUInt32LE(0);
  const start = Math.ceil((4 + length) / 4) * 4;
  const columns = new Int32Array(bytes.buffer.slice(bytes.byteOffset + start, bytes.byteOffset + bytes.length));
  return { length, headerText: bytes.toString('utf8', 4, 4 + length), columns, bytes };
}

/** A genuine value with one part rewritten: the header, the columns, or the raw bytes around them. */
function crafted(edit: (parts: Parts) => void, tail: Buffer = Buffer.alloc(0)): Uint8Array {
  const { headerText, columns } = partsOf(encodeRuns(RUNS));
  const parts: Parts = { header: JSON.parse(headerText), columns };
  edit(parts);
  const header = Buffer.from(JSON.stringify(parts.header), 'utf8');
  const start = Math.ceil((4 + header.length) / 4) * 4;
  const bytes = Buffer.alloc(start + parts.columns.byteLength);
  bytes.writeUInt32LE(parts.length ?? header.length, 0);
  header.copy(bytes, 4);
  Buffer.from(parts.columns.buffer, parts.columns.byteOffset, parts.columns.byteLength).copy(bytes, start);
  return new Uint8Array(deflateRawSync(Buffer.concat([bytes, tail])));
}

const textsOf = (parts: Parts) => (parts.header as { texts: string[] }).texts;
const paramsOf = (parts: Parts) => (parts.header as { params: unknown[] }).params;
const setColumn = (parts: Parts, run: number, column: number, value: number) => {
  parts.columns[run * WIDTH + column] = value;
};

const refused = (value: Uint8Array, day = '2026-03-09') => {
  expect(keptEntriesOn(value, day, citations, new Set())).toBeNull();
  expect(decodeRuns(value)).toBeNull();
};

describe('the kept due list value', () => {
  it('reads back every run as kept, and the entries of a day in the order kept', () => {
    const value = encodeRuns(RUNS);
    expect(decodeRuns(value)).toEqual(RUNS);
    const on9 = keptEntriesOn(value, '2026-03-09', citations, new Set());
    expect(on9?.map((entry) => entry.kind)).toEqual(['no_arrival_meeting', 'no_meeting_action']);
    expect(on9?.[1]).toEqual({
      caseId: 'case-a',
      kind: 'no_meeting_action',
      dueDate: '2026-03-10',
      status: 'due',
      citation: citations[0],
      messageKey: 'rules.no.due.action',
      params: { meetingDate: '2026-03-01' },
      period: undefined,
      caseReference: 'KOMPIS-1',
      documentId: 'doc-1',
      documentKind: 'meeting',
      actionId: 'action-1',
    });
    const on12 = keptEntriesOn(value, '2026-03-12', citations, new Set());
    expect(on12).toEqual([
      expect.objectContaining({ kind: 'no_plan_copy_kdi', period: 3, citation: citations[1], actionId: undefined }),
    ]);
  });

  it("holds a run on its first and last day, not a day outside, and leaves out the cases it's told to", () => {
    const value = encodeRuns(RUNS);
    const kinds = (day: string, skip: string[] = []) =>
      keptEntriesOn(value, day, citations, new Set(skip))?.map((entry) => entry.kind);
    expect(kinds('2026-03-10')).toEqual(['no_arrival_meeting', 'no_plan_copy_kdi']);
    expect(kinds('2026-03-08')).toEqual([]);
    expect(kinds('2026-03-13')).toEqual([]);
    expect(kinds('2026-03-10', ['case-a'])).toEqual(['no_plan_copy_kdi']);
  });

  it('writes each text and each set of details once, and its parts end to end with at most three bytes of padding', () => {
    const runs = [...RUNS, { firstDay: '2026-03-11', lastDay: '2026-03-11', entry: [...caseEvent] }];
    const { length, headerText, columns, bytes } = partsOf(encodeRuns(runs));
    const header = JSON.parse(headerText) as { texts: string[]; params: unknown[] };
    expect(new Set(header.texts).size).toBe(header.texts.length);
    expect(header.texts.filter((text) => text === 'case-a')).toHaveLength(1);
    expect(new Set(header.params.map((details) => JSON.stringify(details))).size).toBe(header.params.length);
    expect(header.params).toHaveLength(2);
    expect(columns.length).toBe(runs.length * WIDTH);
    const padding = bytes.length - 4 - length - columns.byteLength;
    expect(padding).toBeGreaterThanOrEqual(0);
    expect(padding).toBeLessThan(4);
  });

  it('is the same value encoded a part at a time as all at once, so keeping can spread it over steps', () => {
    const runs = [...RUNS, { firstDay: '2026-03-11', lastDay: '2026-03-11', entry: [...caseEvent] }, ...RUNS];
    for (const size of [1, 2, 3]) {
      const encoder = new RunsEncoder();
      for (let from = 0; from < runs.length; from += size) encoder.add(runs.slice(from, from + size));
      expect(Buffer.from(encoder.finish()).equals(Buffer.from(encodeRuns(runs)))).toBe(true);
    }
    expect(decodeRuns(new RunsEncoder().finish())).toEqual([]);
  });

  it('hands out details frozen, one object for every entry that names the same details', () => {
    const entries = keptEntriesOn(encodeRuns(RUNS), '2026-03-09', citations, new Set()) ?? [];
    expect(entries).toHaveLength(2);
    expect(Object.isFrozen(entries[0]?.params)).toBe(true);
    expect(entries[0]?.params).toBe(entries[1]?.params);
  });

  it('refuses to keep a number it could not read back as it was', () => {
    const withPeriod = (period: unknown) => [
      { firstDay: '2026-03-09', lastDay: '2026-03-09', entry: planCopy.map((v, i) => (i === 7 ? period : v)) },
    ];
    const withCitation = (citation: unknown) => [
      { firstDay: '2026-03-09', lastDay: '2026-03-09', entry: planCopy.map((v, i) => (i === 4 ? citation : v)) },
    ];
    for (const runs of [withPeriod(1.5), withPeriod(-(2 ** 31)), withPeriod(2 ** 31), withCitation(2 ** 31)])
      expect(() => encodeRuns(runs)).toThrow('a due-list entry with a number that cannot be kept');
    for (const period of [-(2 ** 31) + 1, 2 ** 31 - 1, 0])
      expect(decodeRuns(encodeRuns(withPeriod(period)))?.[0]?.entry[7]).toBe(period);
  });
});

describe('a kept value rewritten by someone else is not read', () => {
  it('bytes that are not deflated, or not the layout', () => {
    refused(new Uint8Array([1, 2, 3, 4, 5]));
    refused(new Uint8Array(deflateRawSync(Buffer.from('not the layout'))));
    refused(new Uint8Array(0));
  });

  it('a header length beyond the value, or columns that are not whole runs', () => {
    refused(crafted((parts) => (parts.length = 1_000_000)));
    refused(crafted(() => undefined, Buffer.alloc(4)));
    refused(crafted((parts) => (parts.columns = parts.columns.slice(0, WIDTH * 2 - 1))));
  });

  it('a header that is not texts and details', () => {
    refused(crafted((parts) => (parts.header = null)));
    refused(crafted((parts) => (parts.header = [textsOf(parts), paramsOf(parts)])));
    refused(crafted((parts) => (parts.header = { params: paramsOf(parts) })));
    refused(crafted((parts) => (parts.header = { texts: [...textsOf(parts), 7], params: paramsOf(parts) })));
    refused(crafted((parts) => (parts.header = { texts: textsOf(parts), params: [...paramsOf(parts), null] })));
    refused(crafted((parts) => (parts.header = { texts: textsOf(parts), params: [...paramsOf(parts), ['x']] })));
    refused(crafted((parts) => (parts.header = { texts: textsOf(parts), params: [...paramsOf(parts), 'x'] })));
  });

  it('a text of any field that is not in the texts', () => {
    for (const [field, column] of Object.entries(COLUMN)) {
      if (field === 'citation' || field === 'params' || field === 'period') continue;
      for (const index of [-2, 1_000_000]) {
        const value = crafted((parts) => setColumn(parts, 1, column, index === -2 ? -2 : textsOf(parts).length));
        expect(keptEntriesOn(value, '2026-03-09', citations, new Set()), `${field} ${index}`).toBeNull();
        expect(decodeRuns(value), `${field} ${index}`).toBeNull();
      }
    }
  });

  it('an absent text where an entry must have one', () => {
    for (const field of ['caseId', 'kind', 'dueDate', 'status', 'messageKey', 'caseReference'] as const) {
      const value = crafted((parts) => setColumn(parts, 1, COLUMN[field], -1));
      expect(keptEntriesOn(value, '2026-03-09', citations, new Set()), field).toBeNull();
    }
    // The days are read before anything else, by both readers.
    refused(crafted((parts) => setColumn(parts, 0, COLUMN.firstDay, -1)));
    refused(crafted((parts) => setColumn(parts, 0, COLUMN.lastDay, -1)));
  });

  it('a provision or details that are not in the list, or a status that is not one', () => {
    for (const index of [-1, 2]) {
      const value = crafted((parts) => setColumn(parts, 1, COLUMN.citation, index));
      expect(keptEntriesOn(value, '2026-03-09', citations, new Set()), `citation ${index}`).toBeNull();
    }
    for (const index of [-1, 1_000]) refused(crafted((parts) => setColumn(parts, 1, COLUMN.params, index)));
    const status = crafted((parts) => {
      textsOf(parts).push('finished');
      setColumn(parts, 1, COLUMN.status, textsOf(parts).length - 1);
    });
    expect(keptEntriesOn(status, '2026-03-09', citations, new Set())).toBeNull();
  });

  it('a value that inflates beyond any list (a compression bomb) stops at the limit', async () => {
    // Well-formed throughout: a header and whole runs that all read as entries, 545 MB of them.
    const header = Buffer.from(JSON.stringify({ texts: ['2026-03-09', 'x', 'due'], params: [{}] }));
    const start = Buffer.alloc(Math.ceil((4 + header.length) / 4) * 4);
    start.writeUInt32LE(header.length, 0);
    header.copy(start, 4);
    const run = Int32Array.of(0, 0, 1, 1, 0, 2, 0, 1, 0, -(2 ** 31), 1, -1, -1, -1);
    const runs = Buffer.alloc(run.byteLength * 18_724);
    for (let at = 0; at < runs.length; at += run.byteLength) Buffer.from(run.buffer).copy(runs, at);
    const deflate = createDeflateRaw({ level: 1 });
    const chunks: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise((resolve) => deflate.on('end', resolve));
    deflate.write(start);
    for (let i = 0; i < 520; i += 1) deflate.write(runs);
    deflate.end();
    await done;
    refused(new Uint8Array(Buffer.concat(chunks)));
    // The same value cut to one megabyte of runs is read: the limit, not the layout, refused it.
    const small = new Uint8Array(deflateRawSync(Buffer.concat([start, runs])));
    expect(keptEntriesOn(small, '2026-03-09', citations, new Set())).toHaveLength(18_724);
  });
});
