// Shared helpers for the signing tests only (not imported by app code). Fictional data throughout.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { normaliseFingerprint } from '../../shared/domain/verification';
import { crc32, deflateRawSync } from 'node:zlib';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import yazl from 'yazl';
import { loadIdentity, type SigningIdentity } from './identity';
import { generateSelfSignedIdentity, type SelfSignedRequest } from './self-signed';

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
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(payload.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    local.writeUInt16LE(extra.length, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(payload.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
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

/**
 * A fictional P-256 CA in `ca.key` / `ca.pem` and the extensions file `leaf.cnf` for the unit
 * certificates it issues, made with openssl in the folder `openssl` runs in.
 */
export function createTestCa(openssl: (...args: string[]) => string, dir: string): void {
  writeFileSync(
    join(dir, 'leaf.cnf'),
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  openssl(
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
    '-days',
    '60',
    '-subj',
    '/O=Kriminalomsorgen/CN=Fiktiv test-CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  );
}
