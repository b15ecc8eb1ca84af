import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { zipLayoutProblem, type CentralFacts } from './zip-layout';

/**
 * The strict ZIP layout check on its own, over ZIPs written byte by byte here: each field the local
 * record must repeat from the central directory, the data descriptor's two forms, and every place a
 * stray byte can sit. A crafted container reaches this check before any signature is trusted.
 */

type Entry = { name: string; data: string; descriptor?: 'signed' | 'unsigned'; method?: number };

/** Lies to tell while writing; each changes one thing. */
type Lies = {
  prefix?: number;
  gapBefore?: number;
  beforeDirectory?: number;
  trailing?: number;
  comment?: string;
  local?: { index: number; offset: number; value: number; width: 2 | 4 };
  descriptorField?: { index: number; field: 0 | 1 | 2 };
  cutDescriptor?: boolean;
  centralSignature?: number;
  directorySizeDelta?: number;
  /** Extra field bytes for an entry's local record or directory entry, and a comment on a directory entry. */
  localExtra?: { index: number; bytes: Buffer };
  centralExtra?: { index: number; bytes: Buffer };
  entryComment?: { index: number; text: string };
};

/** One extra field: its id, its stated size and that many bytes (or `actual`, to lie about the size). */
function extraField(id: number, size: number, actual = size): Buffer {
  const field = Buffer.alloc(4 + actual, 0x41);
  field.writeUInt16LE(id, 0);
  field.writeUInt16LE(size, 2);
  return field;
}

function zip(entries: Entry[], lies: Lies = {}): { bytes: Uint8Array; central: CentralFacts[] } {
  const out: Buffer[] = [];
  let position = 0;
  const write = (chunk: Buffer) => {
    out.push(chunk);
    position += chunk.length;
  };
  if (lies.prefix) write(Buffer.alloc(lies.prefix, 0x20));
  const central: CentralFacts[] = [];
  entries.forEach((entry, index) => {
    if (lies.gapBefore === index) write(Buffer.from([0]));
    const name = Buffer.from(entry.name);
    const data = Buffer.from(entry.data);
    const crc = crc32(data);
    const flags = entry.descriptor ? 0x8 : 0;
    const method = entry.method ?? 0;
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(method, 8);
    // With a data descriptor the local sizes are deferred (zero), as streaming writers do.
    header.writeUInt32LE(entry.descriptor ? 0 : crc, 14);
    header.writeUInt32LE(entry.descriptor ? 0 : data.length, 18);
    header.writeUInt32LE(entry.descriptor ? 0 : data.length, 22);
    header.writeUInt16LE(name.length, 26);
    const extra = lies.localExtra?.index === index ? lies.localExtra.bytes : Buffer.alloc(0);
    header.writeUInt16LE(extra.length, 28);
    if (lies.local?.index === index) {
      const { offset, value, width } = lies.local;
      if (width === 2) header.writeUInt16LE(value, offset);
      else header.writeUInt32LE(value, offset);
    }
    central.push({
      fileNameRaw: new Uint8Array(name),
      compressionMethod: method,
      generalPurposeBitFlag: flags,
      crc32: crc,
      compressedSize: data.length,
      uncompressedSize: data.length,
      relativeOffsetOfLocalHeader: position,
    });
    write(Buffer.concat([header, name, extra, data]));
    if (entry.descriptor) {
      const fields = Buffer.alloc(12);
      fields.writeUInt32LE(crc, 0);
      fields.writeUInt32LE(data.length, 4);
      fields.writeUInt32LE(data.length, 8);
      if (lies.descriptorField?.index === index) {
        const at = lies.descriptorField.field * 4;
        fields.writeUInt32LE(fields.readUInt32LE(at) + 1, at);
      }
      const signature = Buffer.alloc(entry.descriptor === 'signed' ? 4 : 0);
      if (entry.descriptor === 'signed') signature.writeUInt32LE(0x08074b50, 0);
      write(Buffer.concat([signature, lies.cutDescriptor ? fields.subarray(0, 8) : fields]));
    }
  });
  if (lies.beforeDirectory) write(Buffer.alloc(lies.beforeDirectory));
  const directoryStart = position;
  central.forEach((facts, index) => {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(index === 0 && lies.centralSignature ? lies.centralSignature : 0x02014b50, 0);
    header.writeUInt16LE(facts.generalPurposeBitFlag, 8);
    header.writeUInt16LE(facts.compressionMethod, 10);
    header.writeUInt32LE(facts.crc32, 16);
    header.writeUInt32LE(facts.compressedSize, 20);
    header.writeUInt32LE(facts.uncompressedSize, 24);
    header.writeUInt16LE(facts.fileNameRaw.length, 28);
    const extra = lies.centralExtra?.index === index ? lies.centralExtra.bytes : Buffer.alloc(0);
    const comment = Buffer.from(lies.entryComment?.index === index ? lies.entryComment.text : '');
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt16LE(comment.length, 32);
    header.writeUInt32LE(facts.relativeOffsetOfLocalHeader, 42);
    write(Buffer.concat([header, Buffer.from(facts.fileNameRaw), extra, comment]));
  });
  const comment = Buffer.from(lies.comment ?? '');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(central.length, 8);
  eocd.writeUInt16LE(central.length, 10);
  eocd.writeUInt32LE(position - directoryStart + (lies.directorySizeDelta ?? 0), 12);
  eocd.writeUInt32LE(directoryStart, 16);
  eocd.writeUInt16LE(comment.length, 20);
  write(Buffer.concat([eocd, comment]));
  if (lies.trailing) write(Buffer.alloc(lies.trailing));
  return { bytes: new Uint8Array(Buffer.concat(out)), central };
}

const TWO: Entry[] = [
  { name: 'mimetype', data: 'application/vnd.etsi.asic-e+zip' },
  { name: 'plan.json', data: '{"plan":"fiktiv"}' },
];

const problemOf = (entries: Entry[], lies: Lies = {}) => {
  const { bytes, central } = zip(entries, lies);
  return zipLayoutProblem(bytes, central);
};

describe('zipLayoutProblem accepts', () => {
  it('records from offset 0 without gaps, the directory right after them, the end record last', () => {
    expect(problemOf(TWO)).toBeNull();
  });

  it('central entries in any order (records are held in file order)', () => {
    const { bytes, central } = zip(TWO);
    expect(zipLayoutProblem(bytes, [...central].reverse())).toBeNull();
  });

  it('the small extra fields ZIP writers add (timestamps, Unix owner, ZIP64 sizes), in records and directory alike', () => {
    const fields = Buffer.concat([
      extraField(0x5455, 13),
      extraField(0x7875, 11),
      extraField(0x000a, 32),
      extraField(0x0001, 28),
    ]);
    expect(
      problemOf(TWO, { localExtra: { index: 1, bytes: fields }, centralExtra: { index: 1, bytes: fields } }),
    ).toBeNull();
  });

  it('an empty archive', () => {
    expect(problemOf([])).toBeNull();
  });

  it.each(['signed', 'unsigned'] as const)('a %s data descriptor that repeats the directory', (descriptor) => {
    expect(problemOf([TWO[0] as Entry, { ...(TWO[1] as Entry), descriptor }])).toBeNull();
  });
});

describe('zipLayoutProblem refuses a local record that does not repeat its directory entry', () => {
  it.each([
    ['flags', 6, 0x800, 2],
    ['compression method', 8, 8, 2],
    ['CRC', 14, 1, 4],
    ['compressed size', 18, 99, 4],
    ['size', 22, 99, 4],
    ['signature', 0, 0x04034b51, 4],
  ] as const)('%s', (_field, offset, value, width) => {
    expect(problemOf(TWO, { local: { index: 1, offset, value, width } })).toBe('trust.zip.localHeaderMismatch');
  });

  it('a name of the same length that differs', () => {
    const { bytes, central } = zip(TWO);
    const renamed = central.map((facts, i) =>
      i === 1 ? { ...facts, fileNameRaw: new Uint8Array(Buffer.from('plan.jsoN')) } : facts,
    );
    expect(zipLayoutProblem(bytes, renamed)).toBe('trust.zip.localHeaderMismatch');
  });

  it('a name that is a prefix of the local one', () => {
    const { bytes, central } = zip(TWO);
    const shorter = central.map((facts, i) =>
      i === 1 ? { ...facts, fileNameRaw: new Uint8Array(Buffer.from('plan.jso')) } : facts,
    );
    expect(zipLayoutProblem(bytes, shorter)).toBe('trust.zip.localHeaderMismatch');
  });

  it('a record that starts too near the end of the file for its header', () => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc' }]);
    expect(zipLayoutProblem(bytes.subarray(0, 29), central)).toBe('trust.zip.localHeaderMismatch');
  });

  it('local sizes half deferred under the data descriptor flag', () => {
    const entry: Entry = { name: 'a.txt', data: 'abc', descriptor: 'signed' };
    const { bytes, central } = zip([entry], {
      local: { index: 0, offset: 14, value: crc32(Buffer.from('abc')), width: 4 },
    });
    // Only the CRC is filled in: neither all deferred nor all agreeing.
    expect(zipLayoutProblem(bytes, central)).toBe('trust.zip.localHeaderMismatch');
  });

  it('deferred local sizes without the data descriptor flag', () => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc', descriptor: 'signed' }]);
    const noFlag = central.map((facts) => ({ ...facts, generalPurposeBitFlag: 0 }));
    expect(zipLayoutProblem(bytes, noFlag)).toBe('trust.zip.localHeaderMismatch');
  });

  it.each([0, 1, 2] as const)('a data descriptor field %i that differs from the directory', (field) => {
    for (const descriptor of ['signed', 'unsigned'] as const) {
      expect(problemOf([{ name: 'a.txt', data: 'abc', descriptor }], { descriptorField: { index: 0, field } })).toBe(
        'trust.zip.localHeaderMismatch',
      );
    }
  });

  it('a data descriptor cut short by the end of the file', () => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc', descriptor: 'signed' }]);
    const end = central[0] as CentralFacts;
    const recordEnd = 30 + 5 + 3;
    expect(zipLayoutProblem(bytes.subarray(0, recordEnd + 4 + 8), [end])).toBe('trust.zip.localHeaderMismatch');
    expect(zipLayoutProblem(bytes.subarray(0, recordEnd + 11), [end])).toBe('trust.zip.localHeaderMismatch');
  });
});

describe('zipLayoutProblem refuses room for bytes no signature covers', () => {
  // A genuine container with a whole PDF in such room verified as "valid, signed by unit X" while a PDF
  // reader showed the PDF (audit 4).
  it.each([
    ['an archive comment', { comment: '%PDF-1.7 fiktiv' }],
    ['a one-byte archive comment', { comment: ' ' }],
    ['a comment on a directory entry', { entryComment: { index: 1, text: '%PDF-1.7' } }],
    ['an unknown extra field in a local record', { localExtra: { index: 1, bytes: extraField(0xcafe, 4) } }],
    ['an unknown extra field in the directory', { centralExtra: { index: 0, bytes: extraField(0xcafe, 4) } }],
    ['a timestamp field bigger than a timestamp', { localExtra: { index: 1, bytes: extraField(0x5455, 14) } }],
    ['a ZIP64 field bigger than its sizes', { centralExtra: { index: 1, bytes: extraField(0x0001, 29) } }],
    [
      'an extra field that claims more than its block holds',
      { localExtra: { index: 1, bytes: extraField(0x5455, 13, 9) } },
    ],
    [
      'an extra field block too short for a field header',
      { centralExtra: { index: 1, bytes: Buffer.from([0x55, 0x54]) } },
    ],
  ] as const)('%s', (_where, lies) => {
    expect(problemOf(TWO, lies)).toBe('trust.zip.strayBytes');
  });
});

describe('zipLayoutProblem refuses stray bytes', () => {
  it.each([
    ['before the first record', { prefix: 1 }],
    ['between two records', { gapBefore: 1 }],
    ['between the last record and the directory', { beforeDirectory: 1 }],
    ['after the end record', { trailing: 1 }],
    ['in a directory size that does not reach the end record', { directorySizeDelta: -1 }],
    ['in a directory size beyond the end record', { directorySizeDelta: 1 }],
    ['where the directory should start', { centralSignature: 0x02014b51 }],
  ] as const)('%s', (_where, lies) => {
    expect(problemOf(TWO, lies)).toBe('trust.zip.strayBytes');
  });

  it('a file with no end record', () => {
    const { bytes, central } = zip(TWO);
    expect(zipLayoutProblem(bytes.subarray(0, bytes.length - 22), central)).toBe('trust.zip.strayBytes');
  });

  it('an empty archive with bytes before its end record', () => {
    expect(problemOf([], { prefix: 4 })).toBe('trust.zip.strayBytes');
  });

  it('a comment longer than the end record says', () => {
    const { bytes, central } = zip(TWO, { comment: 'abc' });
    expect(zipLayoutProblem(bytes.subarray(0, bytes.length - 1), central)).toBe('trust.zip.strayBytes');
  });
});

describe('zipLayoutProblem at the edges', () => {
  it('refuses a directory name that the local name is only the start of', () => {
    const { bytes, central } = zip(TWO);
    const longer = central.map((facts, i) =>
      i === 1 ? { ...facts, fileNameRaw: new Uint8Array(Buffer.from('plan.json.exe')) } : facts,
    );
    expect(zipLayoutProblem(bytes, longer)).toBe('trust.zip.localHeaderMismatch');
  });

  it('reads a record whose header ends at the last byte, then finds no end record', () => {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    const empty: CentralFacts = {
      fileNameRaw: new Uint8Array(),
      compressionMethod: 0,
      generalPurposeBitFlag: 0,
      crc32: 0,
      compressedSize: 0,
      uncompressedSize: 0,
      relativeOffsetOfLocalHeader: 0,
    };
    expect(zipLayoutProblem(new Uint8Array(header), [empty])).toBe('trust.zip.strayBytes');
  });

  it.each([
    ['compressed size', 18],
    ['size', 22],
  ] as const)('refuses local sizes deferred but for the %s', (_field, offset) => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc', descriptor: 'signed' }], {
      local: { index: 0, offset, value: 3, width: 4 },
    });
    expect(zipLayoutProblem(bytes, central)).toBe('trust.zip.localHeaderMismatch');
  });

  it('refuses, without reading past the end, a file cut less than four bytes after the data', () => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc', descriptor: 'signed' }]);
    const recordEnd = 30 + 5 + 3;
    for (const cut of [recordEnd, recordEnd + 1, recordEnd + 3])
      expect(zipLayoutProblem(bytes.subarray(0, cut), central)).toBe('trust.zip.localHeaderMismatch');
  });

  it('reads a data descriptor that ends at the last byte, then finds no end record', () => {
    const { bytes, central } = zip([{ name: 'a.txt', data: 'abc', descriptor: 'signed' }]);
    const recordEnd = 30 + 5 + 3;
    expect(zipLayoutProblem(bytes.subarray(0, recordEnd + 4 + 12), central)).toBe('trust.zip.strayBytes');
  });

  it.each([0, 10, 21])('refuses %i bytes without an end record, holding no entries', (length) => {
    expect(zipLayoutProblem(new Uint8Array(length), [])).toBe('trust.zip.strayBytes');
  });
});
