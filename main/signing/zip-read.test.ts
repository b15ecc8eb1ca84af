import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ASICE_MIMETYPE, buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { makeIdentity, rawZip, type RawEntry } from '../../test/fixtures/signing/signing-fixtures';
import { readZip } from './zip-read';

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
