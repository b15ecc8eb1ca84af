// Shared helpers for the signing tests only (not imported by app code). Fictional data throughout.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseFingerprint } from '../../shared/domain/verification';
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import yazl from 'yazl';
import { loadIdentity, type SigningIdentity } from './identity';
import { generateSelfSignedIdentity, type SelfSignedRequest } from './self-signed';
import { readZip } from './zip-read';

export async function makeIdentity(request: Partial<SelfSignedRequest> = {}): Promise<SigningIdentity> {
  return loadIdentity(
    await generateSelfSignedIdentity({
      commonName: 'Testfengsel avdeling A',
      organization: 'Kriminalomsorgen',
      algorithm: 'ecdsa-p256',
      ...request,
    }),
  );
}

/** A plain unsigned PDF with `pages` pages of fictional text. */
export async function makePdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage();
    page.drawText(`Oppfolgingsplan for Ola Testmann - side ${i} av ${pages}`, { x: 50, y: 760, font, size: 14 });
    for (let line = 0; line < 30; line++)
      page.drawText(`Tiltak ${line + 1}: fiktiv tekst for test.`, { x: 50, y: 720 - line * 20, font, size: 10 });
  }
  return doc.save();
}

export function run(command: string, args: string[], cwd?: string): { status: number; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

export function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  copy[index] = (copy[index] as number) ^ 0x01;
  return copy;
}

export type ZipSpec = { name: string; bytes: Uint8Array; compress?: boolean };

/** A well-formed ZIP through yazl, for re-packing a container after tampering with one entry. */
export async function writeZip(entries: ZipSpec[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(Buffer.from(entry.bytes), entry.name, {
      compress: entry.compress ?? entry.name !== 'mimetype',
      forceDosTimestamp: true,
      mtime: new Date(2024, 0, 1),
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export type RawEntry = {
  name: string | Buffer;
  data: Uint8Array;
  method?: 0 | 8;
  extra?: Buffer;
  flags?: number;
  crc?: number;
  uncompressedSize?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
};

type SharedHeader = {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
  extraLength: number;
};

/**
 * The run of fields a local header (at 4) and a central directory header (at 6) share: version
 * needed, flags, method, DOS time and date, CRC, both sizes, name and extra field lengths.
 */
function writeSharedHeader(header: Buffer, at: number, fields: SharedHeader): void {
  header.writeUInt16LE(20, at);
  header.writeUInt16LE(fields.flags, at + 2);
  header.writeUInt16LE(fields.method, at + 4);
  header.writeUInt16LE(0, at + 6);
  header.writeUInt16LE(0x21, at + 8);
  header.writeUInt32LE(fields.crc, at + 10);
  header.writeUInt32LE(fields.compressedSize, at + 14);
  header.writeUInt32LE(fields.size, at + 18);
  header.writeUInt16LE(fields.nameLength, at + 22);
  header.writeUInt16LE(fields.extraLength, at + 24);
}

/** A hand-made ZIP whose every header field the test controls, for hostile inputs yazl would refuse to write. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
    const localName = entry.localName === undefined ? name : Buffer.from(entry.localName, 'utf8');
    const method = entry.method ?? 0;
    const payload = method === 8 ? deflateRawSync(entry.data) : Buffer.from(entry.data);
    const extra = entry.extra ?? Buffer.alloc(0);
    const crc = entry.crc ?? crc32(entry.data);
    const size = entry.uncompressedSize ?? entry.data.length;
    const flags = entry.flags ?? 0x800;
    const fields = { flags, method, crc, compressedSize: payload.length, size, extraLength: extra.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeSharedHeader(local, 4, { ...fields, nameLength: localName.length });
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    writeSharedHeader(central, 6, { ...fields, nameLength: name.length });
    central.writeUInt32LE(offset, 42);
    const localRecord = Buffer.concat([local, localName, extra, payload]);
    locals.push(localRecord);
    centrals.push(Buffer.concat([central, name, extra]));
    offset += localRecord.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

/** Runs `openssl` in `dir` and returns stdout; throws with stderr when it fails. */
export function opensslIn(dir: string): (...args: string[]) => string {
  return (...args) => {
    const result = run('openssl', args, dir);
    if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  };
}

/** The SHA-256 fingerprint of a PEM certificate as openssl computes it, normalised. */
export function opensslFingerprint(openssl: (...args: string[]) => string, pemFile: string): string {
  return normaliseFingerprint(
    /=([0-9A-F:]+)/.exec(openssl('x509', '-in', pemFile, '-noout', '-fingerprint', '-sha256'))?.[1] ?? '',
  );
}

/** OpenSSL's arguments for a new P-256 key. */
export const EC_P256_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'];

const TEST_CA_SUBJECT = '/O=Kriminalomsorgen/CN=Fiktiv test-CA';

/**
 * A fictional P-256 CA in `<name>.key` / `<name>.pem` and the extensions file `leaf.cnf` for the unit
 * certificates it issues, made with openssl in the folder `openssl` runs in. Every CA made here has
 * the same subject, so a second one is a look-alike of the first.
 */
export function createTestCa(openssl: (...args: string[]) => string, dir: string, name = 'ca'): void {
  writeFileSync(
    join(dir, 'leaf.cnf'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  openssl(
    'req',
    '-x509',
    ...EC_P256_KEY,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '60',
    '-subj',
    TEST_CA_SUBJECT,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
}

export type TestP12Request = {
  /** File stem of the key, certificate and .p12; also the certificate's CN unless `commonName` is given. */
  name: string;
  password: string;
  commonName?: string;
  /** OpenSSL's key arguments; a P-256 key unless given. */
  keyArgs?: string[];
  /** File stem of the issuing CA made by createTestCa. */
  ca?: string;
  /** More `openssl pkcs12 -export` arguments; OpenSSL 3 defaults without them. */
  pkcs12Args?: string[];
};

/**
 * A unit certificate `<name>.pem` issued by a CA from createTestCa, exported with its key and the CA
 * as PKCS#12 in `<name>.p12`, made with openssl in `dir`. Returns the .p12 bytes.
 */
export function issueTestP12(openssl: (...args: string[]) => string, dir: string, request: TestP12Request): Uint8Array {
  const { name, ca = 'ca', keyArgs = EC_P256_KEY } = request;
  const subject = `/O=Kriminalomsorgen/CN=${request.commonName ?? name}`;
  openssl('req', '-new', ...keyArgs, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject);
  openssl(
    'x509',
    '-req',
    '-in',
    `${name}.csr`,
    '-CA',
    `${ca}.pem`,
    '-CAkey',
    `${ca}.key`,
    '-CAcreateserial',
    '-out',
    `${name}.pem`,
    '-days',
    '30',
    '-extfile',
    'leaf.cnf',
  );
  openssl(
    'pkcs12',
    '-export',
    '-inkey',
    `${name}.key`,
    '-in',
    `${name}.pem`,
    '-certfile',
    `${ca}.pem`,
    '-out',
    `${name}.p12`,
    '-passout',
    `pass:${request.password}`,
    ...(request.pkcs12Args ?? []),
  );
  return new Uint8Array(readFileSync(join(dir, `${name}.p12`)));
}

/**
 * `openssl cms -verify` of the detached CAdES signature `signature` over `content`, against the
 * certificate or CA in `caFile` (paths relative to `dir`). Verification success is on stderr.
 */
export function opensslCmsVerify(
  dir: string,
  files: { signature: string; content: string; caFile: string },
): { status: number; stdout: string; stderr: string } {
  const args = ['-binary', '-inform', 'DER', '-content', files.content, '-in', files.signature];
  return run('openssl', ['cms', '-verify', ...args, '-CAfile', files.caFile, '-out', '/dev/null'], dir);
}

/** Writes the META-INF entries of an ASiC-E container (manifest, signature) flat into `dir`. */
export async function writeMetaInf(container: Uint8Array, dir: string): Promise<void> {
  const zip = await readZip(container);
  if (!zip.ok) throw new Error(zip.messageKey);
  for (const entry of zip.entries)
    if (entry.name.startsWith('META-INF/')) writeFileSync(join(dir, entry.name.slice('META-INF/'.length)), entry.bytes);
}
