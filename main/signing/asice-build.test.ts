import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseManifest } from './asic-manifest';
import {
  ASICE_MIMETYPE,
  buildAsice,
  MANIFEST_NAME,
  MAX_DATA_FILES,
  SIGNATURE_NAME,
  type AsiceDataFile,
} from './asice-build';
import { verifyAsice } from './asice-verify';
import type { Signer } from './signer';
import { readZip, type ZipEntry } from './zip-read';
import { dosTimeAndDate } from '../../test/fixtures/signing/asice-fixtures';
import { run } from '../../test/fixtures/signing/signing-fixtures';
import { NOW, party, signerOf } from '../../test/fixtures/signing/webcrypto-pki';
import { splitZip } from '../../test/fixtures/signing/zip-surgery';

/**
 * The container Bro writes (ETSI EN 319 162-1 ASiC-E with CAdES), read back byte by byte: what each
 * entry is called, how it is stored, when it says it was written, and what the manifest names.
 */

const SIGNING_TIME = new Date('2026-03-02T10:15:31Z');
const encode = (text: string) => new TextEncoder().encode(text);
const files: AsiceDataFile[] = [
  { name: 'oppfolgingsplan.pdf', bytes: encode('%PDF-1.7 fiktiv plan for Ola Testmann') },
  { name: 'notater/samtale.txt', bytes: encode('Fiktiv samtale, fiktiv tekst. '.repeat(20)) },
];

let signer: Signer;
const dir = mkdtempSync(join(tmpdir(), 'bro-asice-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(async () => {
  signer = signerOf(await party('Fiktiv enhet', 7));
});

async function entriesOf(bytes: Uint8Array): Promise<ZipEntry[]> {
  const zip = await readZip(bytes);
  if (!zip.ok) throw new Error(zip.messageKey);
  return zip.entries;
}

const entry = (entries: ZipEntry[], name: string) => entries.find((item) => item.name === name) as ZipEntry;

describe('buildAsice writes', () => {
  it('the mimetype and the signature stored, the data files and the manifest deflated, none with an extra field', async () => {
    const entries = await entriesOf(await buildAsice(files, signer, { signingTime: SIGNING_TIME }));
    expect(entries.map((item) => [item.name, item.compressionMethod, item.localExtraFieldLength])).toEqual([
      ['mimetype', 0, 0],
      ['oppfolgingsplan.pdf', 8, 0],
      ['notater/samtale.txt', 8, 0],
      [MANIFEST_NAME, 8, 0],
      [SIGNATURE_NAME, 0, 0],
    ]);
    expect(Buffer.from(entry(entries, 'mimetype').bytes).toString('latin1')).toBe(ASICE_MIMETYPE);
  });

  it('the signing time as each entry’s UTC wall-clock time, in local and central headers alike', async () => {
    const parts = splitZip(await buildAsice(files, signer, { signingTime: SIGNING_TIME }));
    const { time, date } = dosTimeAndDate(SIGNING_TIME);
    expect(parts.records.map((record) => [record.header.readUInt16LE(10), record.header.readUInt16LE(12)])).toEqual(
      Array(5).fill([time, date]),
    );
    expect(parts.central.map((item) => [item.header.readUInt16LE(12), item.header.readUInt16LE(14)])).toEqual(
      Array(5).fill([time, date]),
    );
    // No extended-timestamp field (0x5455) in the central directory either.
    expect(parts.central.map((item) => item.extra.length)).toEqual([0, 0, 0, 0, 0]);
  });

  it('the same bytes for the same files and signing time, up to the signature', async () => {
    const first = await buildAsice(files, signer, { signingTime: SIGNING_TIME });
    const second = await buildAsice(files, signer, { signingTime: SIGNING_TIME });
    const signatureAt = Buffer.from(first).indexOf(Buffer.from(SIGNATURE_NAME)) - 30;
    expect(signatureAt).toBeGreaterThan(0);
    expect(Buffer.from(second.subarray(0, signatureAt)).equals(Buffer.from(first.subarray(0, signatureAt)))).toBe(true);
  });

  it('each file’s media type in the manifest: given, known by its extension in any case, or octet-stream', async () => {
    const typed: AsiceDataFile[] = [
      { name: 'plan.pdf', bytes: encode('a') },
      { name: 'Skjema.JSON', bytes: encode('b') },
      { name: 'kart.xml', bytes: encode('c') },
      { name: 'brev.txt', bytes: encode('d'), mimeType: 'text/x-fiktiv' },
      { name: 'skann.bin', bytes: encode('e') },
      { name: 'LESMEG', bytes: encode('f') },
    ];
    const entries = await entriesOf(await buildAsice(typed, signer, { signingTime: SIGNING_TIME }));
    const manifest = parseManifest(entry(entries, MANIFEST_NAME).bytes);
    expect(manifest.references.map((reference) => [reference.name, reference.mimeType])).toEqual([
      ['plan.pdf', 'application/pdf'],
      ['Skjema.JSON', 'application/json'],
      ['kart.xml', 'application/xml'],
      ['brev.txt', 'text/x-fiktiv'],
      ['skann.bin', 'application/octet-stream'],
      ['LESMEG', 'application/octet-stream'],
    ]);
  });

  it('a container Bro verifies with every file signed, and unzip tests without errors', async () => {
    const bytes = await buildAsice(files, signer, { signingTime: SIGNING_TIME });
    const report = await verifyAsice(bytes, { now: NOW });
    expect({ status: report.status, problems: report.problems }).toEqual({ status: 'valid_untrusted', problems: [] });
    expect(report.files.map((file) => [file.name, file.state])).toEqual([
      ['oppfolgingsplan.pdf', 'signed'],
      ['notater/samtale.txt', 'signed'],
    ]);
    writeFileSync(join(dir, 'plan.asice'), bytes);
    expect(run('unzip', ['-tq', 'plan.asice'], dir)).toMatchObject({ status: 0 });
  });

  it(`as many as ${MAX_DATA_FILES} data files`, async () => {
    const many = Array.from({ length: MAX_DATA_FILES }, (_, i) => ({ name: `fil-${i}.txt`, bytes: encode(`${i}`) }));
    const entries = await entriesOf(await buildAsice(many, signer, { signingTime: SIGNING_TIME }));
    expect(entries).toHaveLength(MAX_DATA_FILES + 3);
  });
});

describe('buildAsice refuses', () => {
  it('two files whose names differ only in case (duplicateFileName)', async () => {
    const twice = [
      { name: 'Plan.pdf', bytes: encode('1') },
      { name: 'plan.PDF', bytes: encode('2') },
    ];
    await expect(buildAsice(twice, signer, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
      code: 'invalid_input',
      messageKey: 'signing.container.duplicateFileName',
    });
  });
});
