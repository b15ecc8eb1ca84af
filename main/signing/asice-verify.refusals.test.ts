// Issue 17: ASiC-E refusals never asserted — a container without its signature or manifest, with two
// of either, or whose manifest names another signature — and the builder's refusals of bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAsice, MANIFEST_NAME, MAX_DATA_FILES, SIGNATURE_NAME, type AsiceDataFile } from './asice-build';
import { verifyAsice } from './asice-verify';
import type { SigningIdentity } from './identity';
import { makeIdentity, writeZip, type ZipSpec } from '../../test/fixtures/signing/signing-fixtures';
import { readZip } from './zip-read';

const SIGNING_TIME = new Date('2026-03-02T10:15:00Z');
const NOW = new Date('2026-03-03T08:00:00Z');

let signer: SigningIdentity;
let container: Uint8Array;
const files: AsiceDataFile[] = [
  { name: 'oppfolgingsplan.json', bytes: new TextEncoder().encode('{"person":"Ola Testmann"}') },
];

beforeAll(async () => {
  signer = await makeIdentity({ notBefore: new Date('2026-01-01T00:00:00Z') });
  container = await buildAsice(files, signer, { signingTime: SIGNING_TIME });
});

async function repacked(change: (list: ZipSpec[]) => ZipSpec[]): Promise<Uint8Array> {
  const zip = await readZip(container);
  if (!zip.ok) throw new Error(zip.messageKey);
  return writeZip(change(zip.entries.map((entry) => ({ name: entry.name, bytes: entry.bytes }))));
}

const copyOf = (list: ZipSpec[], name: string, as: string) => [
  ...list,
  { name: as, bytes: list.find((entry) => entry.name === name)?.bytes ?? new Uint8Array() },
];

async function problemKeys(bytes: Uint8Array): Promise<string[]> {
  const report = await verifyAsice(bytes, { now: NOW });
  expect(report.status).toBe('invalid');
  return report.problems.map((problem) => problem.messageKey);
}

describe('ASiC-E verification refuses', () => {
  it('a container without its signature (signatureMissing)', async () => {
    const bytes = await repacked((list) => list.filter((entry) => entry.name !== SIGNATURE_NAME));
    expect(await problemKeys(bytes)).toEqual(['signing.problem.signatureMissing']);
  });

  it('a container with two signatures (multipleSignatures)', async () => {
    const bytes = await repacked((list) => copyOf(list, SIGNATURE_NAME, 'META-INF/signature2.p7s'));
    const keys = await problemKeys(bytes);
    expect(keys).toContain('signing.problem.multipleSignatures');
    expect(keys).not.toContain('signing.problem.signatureMissing');
  });

  it('a container without its manifest (manifestMissing)', async () => {
    const bytes = await repacked((list) => list.filter((entry) => entry.name !== MANIFEST_NAME));
    expect(await problemKeys(bytes)).toContain('signing.problem.manifestMissing');
    expect(await problemKeys(bytes)).not.toContain('signing.problem.multipleManifests');
  });

  it('a container with two manifests (multipleManifests)', async () => {
    const bytes = await repacked((list) => copyOf(list, MANIFEST_NAME, 'META-INF/ASiCManifest2.xml'));
    expect(await problemKeys(bytes)).toContain('signing.problem.multipleManifests');
    expect(await problemKeys(bytes)).not.toContain('signing.problem.manifestMissing');
  });

  it('a manifest that names another signature than the one present (manifestSignatureMismatch)', async () => {
    const bytes = await repacked((list) =>
      list.map((entry) => (entry.name === SIGNATURE_NAME ? { ...entry, name: 'META-INF/signature-b.p7s' } : entry)),
    );
    expect(await problemKeys(bytes)).toEqual(['signing.problem.manifestSignatureMismatch']);
  });
});

describe('ASiC-E building refuses', () => {
  it('no files, and more files than a container may hold (fileCount)', async () => {
    const many = Array.from({ length: MAX_DATA_FILES + 1 }, (_, i) => ({
      name: `fil-${i}.txt`,
      bytes: new Uint8Array([i]),
    }));
    for (const list of [[], many])
      await expect(buildAsice(list, signer, { signingTime: SIGNING_TIME })).rejects.toMatchObject({
        code: 'invalid_input',
        messageKey: 'signing.container.fileCount',
      });
  });

  it.each(['mimetype', 'META-INF/extra.xml', '../utenfor.txt', 'mappe/'])(
    'a data file named %s (badFileName)',
    async (name) => {
      await expect(
        buildAsice([{ name, bytes: new Uint8Array([1]) }], signer, { signingTime: SIGNING_TIME }),
      ).rejects.toMatchObject({ code: 'invalid_input', messageKey: 'signing.container.badFileName' });
    },
  );
});
