import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { zipLayoutProblem } from './zip-layout';

/** Limits for containers received from outside. A Bro export is two data files and two META-INF files. */
export type ZipLimits = {
  maxEntries: number;
  maxTotalBytes: number;
  /** Uncompressed/compressed above this, for entries bigger than ratioFloorBytes, looks like a bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 64,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

export type ZipEntry = {
  name: string;
  bytes: Uint8Array;
  compressionMethod: number;
  /** From the local header, which is what readers at offset 38 see for the ASiC mimetype. */
  localExtraFieldLength: number;
  /** Where its local record starts; an ASiC mimetype must be at 0. */
  localOffset: number;
  isDirectory: boolean;
};

export type ZipReadResult = { ok: true; entries: ZipEntry[] } | { ok: false; messageKey: string; file?: string };

class ZipRefusal extends Error {
  constructor(
    readonly messageKey: string,
    readonly file?: string,
  ) {
    super(messageKey);
  }
}

const UTF8_FLAG = 0x800;
const UNICODE_PATH_EXTRA_FIELD = 0x7075;

/** Names are UTF-8 (flagged) or plain ASCII; a CP437 guess could show one name and mean another. */
function decodeName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  const utf8 = (entry.generalPurposeBitFlag & UTF8_FLAG) !== 0;
  if (!utf8 && raw.some((byte) => byte > 0x7e)) throw new ZipRefusal('signing.problem.zipBadName');
  if (entry.extraFields.some((field) => field.id === UNICODE_PATH_EXTRA_FIELD))
    throw new ZipRefusal('signing.problem.zipBadName');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new ZipRefusal('signing.problem.zipBadName');
  }
}

/** Only relative, forward-slash paths without . or .. segments; nothing that could escape a folder. */
export function zipNameProblem(name: string): string | null {
  if (name.includes('\\')) return 'signing.problem.zipBackslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'signing.problem.zipAbsolutePath';
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.includes('..')) return 'signing.problem.zipParentPath';
  // An empty name is one empty segment.
  if (name.length > 255 || segments.some((s) => s === '' || s === '.')) return 'signing.problem.zipBadName';
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'signing.problem.zipBadName';
  return null;
}

function readAll(stream: Readable, limit: number, name: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      // Stryker disable AssignmentOperator,ConditionalExpression,BlockStatement,StringLiteral: a second guard; yauzl (validateEntrySizes) already fails a stream before a byte beyond the entry's size arrives, and stored entries are read for exactly their size
      size += chunk.length;
      if (size > limit) {
        stream.destroy();
        reject(new ZipRefusal('signing.problem.zipCorrupt', name));
      } else chunks.push(chunk);
    });
    // Stryker restore AssignmentOperator,ConditionalExpression,BlockStatement,StringLiteral
    stream.on('error', () => reject(new ZipRefusal('signing.problem.zipCorrupt', name)));
    stream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

type Budget = { seen: Set<string>; total: number };

function checkEntry(entry: yauzl.Entry, name: string, budget: Budget, limits: ZipLimits): void {
  const problem = zipNameProblem(name);
  if (problem) throw new ZipRefusal(problem, name);
  // Case- and normalisation-insensitive, so two names cannot land on one file on any system.
  const key = name.normalize('NFC').toLowerCase();
  if (budget.seen.has(key)) throw new ZipRefusal('signing.problem.zipDuplicateName', name);
  budget.seen.add(key);
  if (entry.isEncrypted()) throw new ZipRefusal('signing.problem.zipEncrypted', name);
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new ZipRefusal('signing.problem.zipUnsupportedCompression', name);
  budget.total += entry.uncompressedSize;
  if (budget.total > limits.maxTotalBytes) throw new ZipRefusal('signing.problem.zipTooLarge', name);
  const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
  if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxRatio)
    throw new ZipRefusal('signing.problem.zipBomb', name);
}

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, limits: ZipLimits): Promise<ZipEntry> {
  const header = await zip.readLocalFileHeaderPromise(entry);
  // The local header must agree with the central directory, or two tools could read two different files.
  if (!header.fileName.equals(entry.fileNameRaw) || header.compressionMethod !== entry.compressionMethod) {
    throw new ZipRefusal('signing.problem.zipCorrupt', name);
  }
  const bytes = await readAll(
    await zip.openReadStreamPromise(entry),
    // Stryker disable next-line MethodExpression: the total check above keeps the entry's size within maxTotalBytes, and the limit is a second guard (see readAll)
    Math.min(entry.uncompressedSize, limits.maxTotalBytes),
    name,
  );
  if (crc32(bytes) !== entry.crc32) throw new ZipRefusal('signing.problem.zipCorrupt', name);
  return {
    name,
    bytes,
    compressionMethod: entry.compressionMethod,
    localExtraFieldLength: header.extraFieldLength,
    localOffset: entry.relativeOffsetOfLocalHeader,
    isDirectory: name.endsWith('/'),
  };
}

/**
 * Reads a ZIP held in memory, refusing anything hostile or ambiguous with a reason: bad or duplicate
 * names, too many entries, too much data, bomb-like ratios, encryption, truncation, CRC errors.
 * Never writes to disk and never throws.
 */
export async function readZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipReadResult> {
  let zip: yauzl.ZipFile;
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    zip = await yauzl.fromBufferPromise(buffer, {
      // Stryker disable next-line BooleanLiteral: fromBufferPromise sets lazyEntries itself
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      // Stryker disable next-line BooleanLiteral: each entry is read in full before the next is asked for, so closing after the last one changes nothing
      autoClose: false,
    });
  } catch {
    return { ok: false, messageKey: 'signing.problem.zipUnreadable' };
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw new ZipRefusal('signing.problem.zipTooManyEntries');
    const entries: ZipEntry[] = [];
    const central: yauzl.Entry[] = [];
    const budget: Budget = { seen: new Set(), total: 0 };
    for await (const entry of zip.eachEntry()) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a second guard; yauzl yields exactly entryCount entries, held to the limit above
      if (entries.length >= limits.maxEntries) throw new ZipRefusal('signing.problem.zipTooManyEntries');
      const name = decodeName(entry);
      checkEntry(entry, name, budget, limits);
      central.push(entry);
      entries.push(await readEntry(zip, entry, name, limits));
    }
    const layout = zipLayoutProblem(bytes, central);
    if (layout) throw new ZipRefusal(layout);
    return { ok: true, entries };
  } catch (error) {
    if (error instanceof ZipRefusal)
      return { ok: false, messageKey: error.messageKey, ...(error.file === undefined ? {} : { file: error.file }) };
    return { ok: false, messageKey: 'signing.problem.zipCorrupt' };
  } finally /* Stryker disable next-line BlockStatement: the archive is a buffer in memory; closing only releases yauzl's reference count */ {
    zip.close();
  }
}
