import yazl from 'yazl';
import { AppError } from '../ipc/app-error';
import { buildManifest } from './asic-manifest';
import { createDetachedCms, type ValidationMaterial } from './cms-sign';
import { sha256 } from './crypto';
import type { Signer } from './signer';
import { zipNameProblem } from './zip-read';

export const ASICE_MIMETYPE = 'application/vnd.etsi.asic-e+zip';
export const MANIFEST_NAME = 'META-INF/ASiCManifest.xml';
export const SIGNATURE_NAME = 'META-INF/signature.p7s';
export const MAX_DATA_FILES = 32;

export type AsiceDataFile = { name: string; bytes: Uint8Array; mimeType?: string };
export type AsiceBuildOptions = {
  signingTime: Date;
  /** The chain and CRLs to carry in the CMS (certificates, crls) for verification years later. */
  validation?: ValidationMaterial;
};

const MIME_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  json: 'application/json',
  xml: 'application/xml',
  txt: 'text/plain',
};

function mimeTypeOf(file: AsiceDataFile): string {
  // What follows the last dot, or the whole name without one.
  const extension = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
  return file.mimeType ?? MIME_TYPES[extension] ?? 'application/octet-stream';
}

/** Data file names: the same rules the reader enforces, and nothing in META-INF or named mimetype. */
function checkNames(files: AsiceDataFile[]): void {
  if (files.length === 0 || files.length > MAX_DATA_FILES)
    throw new AppError('invalid_input', 'signing.container.fileCount');
  const seen = new Set<string>();
  for (const { name } of files) {
    const key = name.normalize('NFC').toLowerCase();
    const reserved = key === 'mimetype' || key.startsWith('meta-inf/') || name.endsWith('/');
    if (reserved || zipNameProblem(name) !== null) throw new AppError('invalid_input', 'signing.container.badFileName');
    if (seen.has(key)) throw new AppError('invalid_input', 'signing.container.duplicateFileName');
    seen.add(key);
  }
}

/**
 * yazl writes DOS timestamps in local time; feeding it the UTC wall clock makes the bytes the same on
 * every machine for the same signing time.
 */
function dosTimestamp(time: Date): Date {
  return new Date(
    time.getUTCFullYear(),
    time.getUTCMonth(),
    time.getUTCDate(),
    time.getUTCHours(),
    time.getUTCMinutes(),
    time.getUTCSeconds(),
  );
}

async function collect(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Builds a signed ASiC-E container (ETSI EN 319 162-1, CAdES): mimetype first and stored, the data
 * files, META-INF/ASiCManifest.xml with each file's SHA-256, and META-INF/signature.p7s, a detached
 * CAdES signature over the manifest. Deterministic for the same inputs, identity and signing time
 * (ECDSA signatures themselves are randomised).
 */
export async function buildAsice(
  files: AsiceDataFile[],
  identity: Signer,
  options: AsiceBuildOptions,
): Promise<Uint8Array> {
  checkNames(files);
  const manifest = buildManifest(
    files.map((file) => ({ name: file.name, mimeType: mimeTypeOf(file), sha256: sha256(file.bytes) })),
    SIGNATURE_NAME,
  );
  const signature = await createDetachedCms([manifest], identity, {
    signingTime: options.signingTime,
    ...(options.validation ? { validation: options.validation } : {}),
  });
  const zip = new yazl.ZipFile();
  const common = { mtime: dosTimestamp(options.signingTime), forceDosTimestamp: true };
  // No extra field on mimetype either: readers sniff the media type at byte offset 38.
  // Stryker disable next-line StringLiteral: the media type is ASCII, the same bytes in Node's default UTF-8
  zip.addBuffer(Buffer.from(ASICE_MIMETYPE, 'ascii'), 'mimetype', { ...common, compress: false });
  for (const file of files) zip.addBuffer(Buffer.from(file.bytes), file.name, { ...common, compress: true });
  zip.addBuffer(Buffer.from(manifest), MANIFEST_NAME, { ...common, compress: true });
  zip.addBuffer(Buffer.from(signature), SIGNATURE_NAME, { ...common, compress: false });
  zip.end();
  return collect(zip.outputStream);
}
