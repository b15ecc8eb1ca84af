// Issue 17: ASiC-E refusals never asserted — a container without its signature or manifest, with two
// of either, or whose manifest names another signature — and the builder's refusals of bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAsice, MANIFEST_NAME, MAX_DATA_FILES, SIGNATURE_NAME, type AsiceDataFile } from './asice-build';
import { openAsiceForImport, verifyAsice } from './asice-verify';
import { createDetachedCms } from './cms-sign';
import { sha256, toHex } from './crypto';
import type { SigningIdentity } from './identity';
import { reorderZip } from '../../test/fixtures/signing/asice-fixtures';
import {
  makeIdentity,
  rawZip,
  writeZip,
  type RawEntry,
  type ZipSpec,
} from '../../test/fixtures/signing/signing-fixtures';
import { at, CRL_SIGN, crlBy, DAY, KEY_CERT_SIGN, party, signerOf } from '../../test/fixtures/signing/webcrypto-pki';
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

describe('ASiC-E verification reports', () => {
  const [data] = files as [AsiceDataFile];
  const described = (bytes: Uint8Array) => ({ size: bytes.length, sha256: toHex(sha256(bytes)) });

  it('a manifest naming another signature as a manifest problem of that file', async () => {
    const bytes = await repacked((list) =>
      list.map((entry) => (entry.name === SIGNATURE_NAME ? { ...entry, name: 'META-INF/signature-b.p7s' } : entry)),
    );
    expect((await verifyAsice(bytes, { now: NOW })).problems).toEqual([
      { check: 'manifest', file: MANIFEST_NAME, messageKey: 'signing.problem.manifestSignatureMismatch' },
    ]);
  });

  it('a genuinely signed but malformed manifest, leaving every file unsigned', async () => {
    const manifest = new TextEncoder().encode('<ASiCManifest>ikke et manifest</ASiCManifest>');
    const signature = await createDetachedCms([manifest], signer, { signingTime: SIGNING_TIME });
    const bytes = await repacked((list) =>
      list.map((entry) =>
        entry.name === MANIFEST_NAME
          ? { ...entry, bytes: manifest }
          : entry.name === SIGNATURE_NAME
            ? { ...entry, bytes: signature }
            : entry,
      ),
    );
    const report = await verifyAsice(bytes, { now: NOW });
    expect({ status: report.status, problems: report.problems, files: report.files }).toEqual({
      status: 'invalid',
      problems: [{ check: 'manifest', file: MANIFEST_NAME, messageKey: 'signing.problem.manifestMalformed' }],
      files: [{ name: data.name, ...described(data.bytes), state: 'unsigned' }],
    });
  });

  it('a signed file that is missing as missing, with no size or digest', async () => {
    const bytes = await repacked((list) => list.filter((entry) => entry.name !== data.name));
    const report = await verifyAsice(bytes, { now: NOW });
    expect({ problems: report.problems, files: report.files }).toEqual({
      problems: [{ check: 'coverage', file: data.name, messageKey: 'signing.problem.fileMissing' }],
      files: [{ name: data.name, size: null, sha256: null, state: 'missing' }],
    });
  });

  it('an unreadable container as such, naming the entry at fault', async () => {
    const bytes = rawZip([{ name: '../utenfor.txt', data: new TextEncoder().encode('fiktiv') }]);
    const report = await verifyAsice(bytes, { now: NOW });
    expect({ format: report.format, status: report.status, problems: report.problems }).toStrictEqual({
      format: 'asice',
      status: 'unreadable',
      problems: [{ check: 'container', messageKey: 'signing.problem.zipParentPath', file: '../utenfor.txt' }],
    });
  });

  it('an unreadable container without a file when no entry is at fault', async () => {
    const report = await verifyAsice(new TextEncoder().encode('ikke en zip-fil'), { now: NOW });
    expect({ format: report.format, problems: report.problems }).toStrictEqual({
      format: 'asice',
      problems: [{ check: 'container', messageKey: 'signing.problem.zipUnreadable' }],
    });
  });
});

describe('ASiC-E verification of folder entries', () => {
  const [data] = files as [AsiceDataFile];

  async function withExtra(extra: RawEntry): Promise<Uint8Array> {
    const zip = await readZip(container);
    if (!zip.ok) throw new Error(zip.messageKey);
    const [mimetype, ...rest] = zip.entries.map((entry): RawEntry => ({ name: entry.name, data: entry.bytes }));
    return rawZip([mimetype as RawEntry, extra, ...rest]);
  }

  it('passes over an empty folder entry', async () => {
    const report = await verifyAsice(await withExtra({ name: 'vedlegg/', data: new Uint8Array() }), { now: NOW });
    expect({ status: report.status, files: report.files.map((file) => file.name) }).toEqual({
      status: 'valid_untrusted',
      files: [data.name],
    });
  });

  it.each([
    ['a folder entry that carries bytes', 'vedlegg/', 'skjult innhold'],
    ['an empty file', 'tom.txt', ''],
  ])('reports %s as not signed', async (_, name, text) => {
    const report = await verifyAsice(await withExtra({ name, data: new TextEncoder().encode(text) }), { now: NOW });
    expect(report.problems).toEqual([{ check: 'coverage', file: name, messageKey: 'signing.problem.fileNotSigned' }]);
  });
});

describe('ASiC-E verification of the mimetype position', () => {
  const notFirst = [{ check: 'mimetype', file: 'mimetype', messageKey: 'signing.problem.mimetypeNotFirst' }];

  it('refuses a mimetype stored first but listed second in the central directory', async () => {
    const report = await verifyAsice(reorderZip(container, [0, 1, 2, 3], [1, 0, 2, 3]), { now: NOW });
    expect(report.problems).toEqual(notFirst);
  });

  it('refuses a mimetype listed first but stored second', async () => {
    const report = await verifyAsice(reorderZip(container, [1, 0, 2, 3], [0, 1, 2, 3]), { now: NOW });
    expect(report.problems).toEqual(notFirst);
  });

  it('keeps a container valid when only offsets are recomputed, so the cases above fail on the order alone', async () => {
    const report = await verifyAsice(reorderZip(container, [0, 1, 2, 3], [0, 1, 2, 3]), { now: NOW });
    expect({ status: report.status, problems: report.problems }).toEqual({ status: 'valid_untrusted', problems: [] });
  });
});

describe('importing a received ASiC-E container', () => {
  it('never hands over files signed through a revoked CA, even when untrusted signers are accepted', async () => {
    const usage = KEY_CERT_SIGN | CRL_SIGN;
    const root = await party('Fiktiv rot-CA', 1, undefined, usage);
    const intermediate = await party('Fiktiv mellom-CA', 2, root, usage);
    const leaf = await party('Fiktiv enhet', 3, intermediate);
    const revoked = await crlBy(root, { revoked: [{ serial: 2, at: at(-2 * DAY) }] });
    const bytes = await buildAsice(files, signerOf(leaf, [intermediate]), { signingTime: at(-DAY) });
    const result = await openAsiceForImport(bytes, {
      now: NOW,
      trust: { certificates: [root.cert.der], crls: [revoked.der] },
      acceptUntrusted: true,
    });
    expect({ accepted: result.accepted, status: result.report.status, sub: result.report.subIndication }).toEqual({
      accepted: false,
      status: 'valid_untrusted',
      sub: 'REVOKED_CA_NO_POE',
    });
  });
});
