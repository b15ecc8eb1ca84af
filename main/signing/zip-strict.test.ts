import { deflateRawSync, crc32 } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { joinZip, LOCAL, splitZip, withLocalField, type ZipParts } from '../../test/fixtures/signing/zip-surgery';
import { buildAsice } from './asice-build';
import { verifyAsice } from './asice-verify';
import { makeIdentity } from '../../test/fixtures/signing/signing-fixtures';
import { readZip } from './zip-read';

let container: Uint8Array;
let parts: ZipParts;
const PLAN = 1; // the record after mimetype

beforeAll(async () => {
  const identity = await makeIdentity();
  container = await buildAsice(
    [{ name: 'plan.json', bytes: new TextEncoder().encode('{"plan":"fiktiv"}') }],
    identity,
    {
      signingTime: new Date(),
    },
  );
  parts = splitZip(container);
});

async function verdict(bytes: Uint8Array) {
  const report = await verifyAsice(bytes);
  return { status: report.status, problems: report.problems.map((p) => p.messageKey) };
}

describe('strict ASiC-E ZIP (issue 10 defect 5)', () => {
  it('rebuilds the untouched container to the same bytes, which verify (so each lie below is the only change)', async () => {
    expect(Buffer.from(joinZip(parts)).equals(Buffer.from(container))).toBe(true);
    expect((await verdict(container)).status).toBe('valid_untrusted');
  });

  it('refuses a hidden local record of the same name that streaming unzippers would show first', async () => {
    const fake = new TextEncoder().encode('{"plan":"endret"}');
    const data = deflateRawSync(fake);
    const hidden = withLocalField(
      withLocalField(
        withLocalField(parts, PLAN, LOCAL.crc, crc32(fake), 4),
        PLAN,
        LOCAL.compressedSize,
        data.length,
        4,
      ),
      PLAN,
      LOCAL.size,
      fake.length,
      4,
    ).records[PLAN];
    const bytes = joinZip(parts, { hiddenBefore: { index: PLAN, record: { ...hidden!, data } } });
    expect(await verdict(bytes)).toEqual({ status: 'unreadable', problems: ['trust.zip.strayBytes'] });
  });

  it.each([
    ['uncompressed size', LOCAL.size, 4],
    ['compressed size', LOCAL.compressedSize, 4],
    ['CRC', LOCAL.crc, 4],
    ['compression method', LOCAL.method, 2],
  ] as const)('refuses a local header whose %s disagrees with the central directory', async (_label, offset, width) => {
    const original =
      width === 4 ? parts.records[PLAN]!.header.readUInt32LE(offset) : parts.records[PLAN]!.header.readUInt16LE(offset);
    const lied = joinZip(withLocalField(parts, PLAN, offset, (original ^ 0x10) >>> 0, width));
    const expected = offset === LOCAL.method ? 'signing.problem.zipCorrupt' : 'trust.zip.localHeaderMismatch';
    expect(await verdict(lied)).toEqual({ status: 'unreadable', problems: [expected] });
  });

  it('refuses bytes before the first record, so mimetype is at offset 0', async () => {
    const bytes = joinZip(parts, { prefix: Buffer.from('PK fiktiv forspann') });
    expect(await verdict(bytes)).toEqual({ status: 'unreadable', problems: ['trust.zip.strayBytes'] });
  });

  it('refuses bytes between records', async () => {
    const bytes = joinZip(parts, { gapBefore: { index: PLAN + 1, bytes: Buffer.alloc(7, 0x41) } });
    expect(await verdict(bytes)).toEqual({ status: 'unreadable', problems: ['trust.zip.strayBytes'] });
  });

  it('reports each entry at its local header offset, mimetype at 0', async () => {
    const zip = await readZip(container);
    expect(zip.ok && zip.entries[0]).toMatchObject({ name: 'mimetype', localOffset: 0 });
  });
});
