import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASICE_MIMETYPE, buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { makeIdentity, rawZip, type RawEntry } from '../../test/fixtures/signing/signing-fixtures';
import { DEFAULT_ZIP_LIMITS, readZip, type ZipLimits } from './zip-read';

const mimetype: RawEntry = { name: 'mimetype', data: new TextEncoder().encode(ASICE_MIMETYPE) };
const small = (name: string | Buffer): RawEntry => ({ name, data: new TextEncoder().encode('fiktiv') });

let container: Uint8Array;
let signedEntries: RawEntry[];

beforeAll(async () => {
  const identity = await makeIdentity();
  container = await buildAsice([{ name: 'plan.json', bytes: new TextEncoder().encode('{"plan":1}') }], identity, {
    signingTime: new Date(),
  });
  const zip = await readZip(container);
  if (!zip.ok) throw new Error(zip.messageKey);
  signedEntries = zip.entries
    .filter((entry) => entry.name !== 'mimetype')
    .map((entry) => ({ name: entry.name, data: entry.bytes }));
});

async function refusal(entries: RawEntry[]) {
  const result = await readZip(rawZip(entries));
  return result.ok ? { ok: true } : result;
}

describe('reading a received ZIP', () => {
  it('reads a well-formed archive', async () => {
    const result = await readZip(rawZip([mimetype, small('a/b.txt'), { ...small('c.txt'), method: 8 }]));
    expect(result.ok && result.entries.map((entry) => entry.name)).toEqual(['mimetype', 'a/b.txt', 'c.txt']);
  });

  it.each([
    ['../escape.txt', 'signing.problem.zipParentPath'],
    ['data/../../escape.txt', 'signing.problem.zipParentPath'],
    ['/etc/passwd', 'signing.problem.zipAbsolutePath'],
    ['C:/Windows/evil.dll', 'signing.problem.zipAbsolutePath'],
    ['data\\evil.txt', 'signing.problem.zipBackslash'],
    ['data//double.txt', 'signing.problem.zipBadName'],
    ['./dot.txt', 'signing.problem.zipBadName'],
    ['ctrl\u0001.txt', 'signing.problem.zipBadName'],
  ])('refuses the entry name %j', async (name, messageKey) => {
    expect(await refusal([mimetype, small(name)])).toEqual({ ok: false, messageKey, file: name });
  });

  it('refuses names that are not UTF-8 or that carry a second, Unicode name', async () => {
    expect(await refusal([mimetype, { ...small(Buffer.from([0x66, 0xff, 0x2e])), flags: 0x800 }])).toMatchObject({
      messageKey: 'signing.problem.zipBadName',
    });
    expect(await refusal([mimetype, { ...small(Buffer.from([0x66, 0xe6])), flags: 0 }])).toMatchObject({
      messageKey: 'signing.problem.zipBadName',
    });
    const unicodePath = Buffer.from([0x75, 0x70, 0x05, 0x00, 0x01, 0, 0, 0, 0]);
    expect(await refusal([mimetype, { ...small('x.txt'), extra: unicodePath }])).toMatchObject({
      messageKey: 'signing.problem.zipBadName',
    });
  });

  it('refuses duplicate names, also when they differ only in case', async () => {
    expect(await refusal([mimetype, small('plan.json'), small('plan.json')])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipDuplicateName',
      file: 'plan.json',
    });
    expect(await refusal([mimetype, small('plan.json'), small('PLAN.json')])).toMatchObject({
      messageKey: 'signing.problem.zipDuplicateName',
    });
  });

  it('refuses more than 64 entries', async () => {
    const many = Array.from({ length: 65 }, (_, i) => small(`f${i}.txt`));
    expect(await refusal(many)).toEqual({ ok: false, messageKey: 'signing.problem.zipTooManyEntries' });
  });

  it('refuses an archive that declares more than 100 MB uncompressed', async () => {
    const huge: RawEntry = {
      name: 'huge.bin',
      data: new Uint8Array(16),
      method: 8,
      uncompressedSize: 101 * 1024 * 1024,
    };
    expect(await refusal([mimetype, huge])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipTooLarge',
      file: 'huge.bin',
    });
  });

  it('refuses a compression ratio that looks like a bomb', async () => {
    const bomb: RawEntry = { name: 'bomb.bin', data: new Uint8Array(20 * 1024 * 1024), method: 8 };
    expect(await refusal([mimetype, bomb])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipBomb',
      file: 'bomb.bin',
    });
  });

  it('refuses an entry whose data is bigger than its header says', async () => {
    const liar: RawEntry = { name: 'liar.bin', data: new Uint8Array(4096).fill(7), method: 8, uncompressedSize: 10 };
    expect(await refusal([mimetype, liar])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipCorrupt',
      file: 'liar.bin',
    });
  });

  it('refuses encrypted entries, unknown compression, CRC errors and disagreeing headers', async () => {
    // Traditional encryption: a 12-byte header before the data, and the encrypted flag.
    const encrypted: RawEntry = { name: 'secret.txt', data: new Uint8Array(20), flags: 0x801, uncompressedSize: 8 };
    expect(await refusal([mimetype, encrypted])).toMatchObject({ messageKey: 'signing.problem.zipEncrypted' });
    expect(await refusal([mimetype, { ...small('lzma.bin'), method: 14 as 0 }])).toMatchObject({
      messageKey: 'signing.problem.zipUnsupportedCompression',
    });
    expect(await refusal([mimetype, { ...small('crc.txt'), crc: 1234 }])).toMatchObject({
      messageKey: 'signing.problem.zipCorrupt',
    });
    expect(await refusal([mimetype, { ...small('shown.txt'), localName: 'other.txt' }])).toMatchObject({
      messageKey: 'signing.problem.zipCorrupt',
    });
  });

  it('calls a truncated container unreadable', async () => {
    const report = await verifyAsice(container.subarray(0, container.length - 30));
    expect(report).toMatchObject({
      status: 'unreadable',
      problems: [{ check: 'container', messageKey: 'signing.problem.zipUnreadable' }],
    });
  });

  it('never throws, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 512 }), async (bytes) => {
        expect((await verifyAsice(bytes)).status).toBe('unreadable');
      }),
      { numRuns: 100 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: container.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (index, mask) => {
          const damaged = new Uint8Array(container);
          damaged[index] = (damaged[index] as number) ^ mask;
          expect(['valid_untrusted', 'invalid', 'unreadable']).toContain((await verifyAsice(damaged)).status);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the ASiC mimetype entry', () => {
  it('is invalid when missing, compressed, wrong, not first, or carrying an extra field', async () => {
    const cases: [RawEntry[], string][] = [
      [signedEntries, 'signing.problem.mimetypeMissing'],
      [[{ ...mimetype, method: 8 }, ...signedEntries], 'signing.problem.mimetypeCompressed'],
      [
        [{ ...mimetype, data: new TextEncoder().encode('application/zip') }, ...signedEntries],
        'signing.problem.mimetypeWrong',
      ],
      [[...signedEntries, mimetype], 'signing.problem.mimetypeNotFirst'],
      [
        [{ ...mimetype, extra: Buffer.from([0x55, 0x54, 0x01, 0x00, 0x00]) }, ...signedEntries],
        'signing.problem.mimetypeExtraField',
      ],
    ];
    for (const [entries, messageKey] of cases) {
      const report = await verifyAsice(rawZip(entries));
      expect({ messageKey, status: report.status, problems: report.problems }).toEqual({
        messageKey,
        status: 'invalid',
        problems: [{ check: 'mimetype', file: 'mimetype', messageKey }],
      });
    }
  });

  it('leaves a correctly rebuilt container valid, so the cases above fail only on the mimetype', async () => {
    expect((await verifyAsice(rawZip([mimetype, ...signedEntries]))).status).toBe('valid_untrusted');
  });
});

describe('names in a received ZIP', () => {
  const accepted = async (entries: RawEntry[]) => {
    const result = await readZip(rawZip(entries));
    return result.ok ? result.entries.map((entry) => entry.name) : result;
  };

  it('reads plain ASCII names without the UTF-8 flag, up to the tilde', async () => {
    expect(await accepted([{ ...small('vedlegg/a~b.txt'), flags: 0 }])).toEqual(['vedlegg/a~b.txt']);
  });

  it('reads Norwegian letters under the UTF-8 flag, and refuses the same bytes without it', async () => {
    const name = 'Oppfølging Æsøy.txt';
    expect(await accepted([{ ...small(name), flags: 0x800 }])).toEqual([name]);
    // Valid UTF-8, but unflagged it is CP437 to other tools: they would show another name.
    expect(await refusal([{ ...small(name), flags: 0 }])).toStrictEqual({
      ok: false,
      messageKey: 'signing.problem.zipBadName',
    });
  });

  it('reads a drive-letter look-alike that is not at the start of the name', async () => {
    expect(await accepted([small('vedlegg/C:notat.txt')])).toEqual(['vedlegg/C:notat.txt']);
  });

  it('reads a name of 255 characters and refuses one of 256', async () => {
    const long = `${'a'.repeat(251)}.txt`;
    expect(await accepted([small(long)])).toEqual([long]);
    expect(await refusal([small(`a${long}`)])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipBadName',
      file: `a${long}`,
    });
  });

  it.each([
    ['./', 'signing.problem.zipBadName'],
    ['mappe//', 'signing.problem.zipBadName'],
    ['mappe/../', 'signing.problem.zipParentPath'],
  ])('refuses the folder name %j', async (name, messageKey) => {
    expect(await refusal([mimetype, { name, data: new Uint8Array() }])).toEqual({ ok: false, messageKey, file: name });
  });

  it('marks folder entries, and only them, as folders', async () => {
    const result = await readZip(
      rawZip([mimetype, { name: 'mappe/', data: new Uint8Array() }, small('mappe/plan.txt')]),
    );
    expect(result.ok && result.entries.map((entry) => [entry.name, entry.isDirectory])).toEqual([
      ['mimetype', false],
      ['mappe/', true],
      ['mappe/plan.txt', false],
    ]);
  });

  it('refuses two names a lower-casing file system would store as one (ϴ and Θ)', async () => {
    expect(await refusal([small('ϴ.txt'), small('Θ.txt')])).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipDuplicateName',
      file: 'Θ.txt',
    });
  });
});

describe('limits on a received ZIP', () => {
  const limits = (change: Partial<ZipLimits>): ZipLimits => ({ ...DEFAULT_ZIP_LIMITS, ...change });
  /** Bytes deflate cannot shrink (xorshift), so their ratio stays near 1. */
  const noise = (length: number) => {
    let state = 0x2545f491;
    return Uint8Array.from({ length }, () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return state & 0xff;
    });
  };

  it('reads exactly as many entries as allowed, and refuses one more before looking at any of them', async () => {
    const three = [mimetype, small('a.txt'), small('b.txt')];
    expect((await readZip(rawZip(three), limits({ maxEntries: 3 }))).ok).toBe(true);
    // The first entry has a bad name, but the count is refused before any entry is read.
    const four = [small('../a.txt'), ...three];
    expect(await readZip(rawZip(four), limits({ maxEntries: 3 }))).toStrictEqual({
      ok: false,
      messageKey: 'signing.problem.zipTooManyEntries',
    });
  });

  it('reads exactly as many bytes as allowed in total', async () => {
    const entries = [mimetype, small('a.txt')];
    const total = ASICE_MIMETYPE.length + 'fiktiv'.length;
    expect((await readZip(rawZip(entries), limits({ maxTotalBytes: total }))).ok).toBe(true);
    expect(await readZip(rawZip(entries), limits({ maxTotalBytes: total - 1 }))).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipTooLarge',
      file: 'a.txt',
    });
  });

  it('reads a large entry that compresses little', async () => {
    const entry: RawEntry = { name: 'skann.bin', data: noise(4096), method: 8 };
    const result = await readZip(rawZip([entry]), limits({ ratioFloorBytes: 1024, maxRatio: 2 }));
    expect(result.ok && Buffer.from(result.entries[0]?.bytes ?? []).equals(Buffer.from(entry.data))).toBe(true);
  });

  it('reads a highly compressible entry up to the size where the ratio starts to count', async () => {
    const zeros: RawEntry = { name: 'tom.bin', data: new Uint8Array(4096), method: 8 };
    expect((await readZip(rawZip([zeros]), limits({ ratioFloorBytes: 4096, maxRatio: 2 }))).ok).toBe(true);
    expect(await readZip(rawZip([zeros]), limits({ ratioFloorBytes: 4095, maxRatio: 2 }))).toEqual({
      ok: false,
      messageKey: 'signing.problem.zipBomb',
      file: 'tom.bin',
    });
  });

  it('reads an entry whose ratio is exactly the limit, and refuses one just above it', async () => {
    const zeros: RawEntry = { name: 'tom.bin', data: new Uint8Array(4096), method: 8 };
    const ratio = 4096 / deflateRawSync(zeros.data).length;
    expect((await readZip(rawZip([zeros]), limits({ ratioFloorBytes: 0, maxRatio: ratio }))).ok).toBe(true);
    expect((await readZip(rawZip([zeros]), limits({ ratioFloorBytes: 0, maxRatio: ratio - 0.01 }))).ok).toBe(false);
  });
});

describe('damage found while reading a received ZIP', () => {
  it('refuses a stored entry whose two sizes differ, naming no file', async () => {
    // The data is 6 bytes, stored, but the directory says 11 uncompressed: a reader trusting either
    // size would read something else than another reader.
    const liar: RawEntry = { ...small('plan.txt'), uncompressedSize: 11 };
    expect(await readZip(rawZip([mimetype, liar]))).toStrictEqual({
      ok: false,
      messageKey: 'signing.problem.zipCorrupt',
    });
  });

  it('refuses a local record without its signature, naming no file', async () => {
    const bytes = Buffer.from(rawZip([mimetype, small('plan.txt')]));
    const second = 30 + 'mimetype'.length + ASICE_MIMETYPE.length;
    bytes.writeUInt32LE(0x04034b51, second);
    expect(await readZip(new Uint8Array(bytes))).toStrictEqual({ ok: false, messageKey: 'signing.problem.zipCorrupt' });
  });
});
