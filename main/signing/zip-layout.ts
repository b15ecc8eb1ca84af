/**
 * What the central directory says about one entry, to hold its local record against.
 * (Fields as yauzl reads them from the central directory.)
 */
export type CentralFacts = {
  fileNameRaw: Uint8Array;
  compressionMethod: number;
  generalPurposeBitFlag: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  relativeOffsetOfLocalHeader: number;
};

const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const DATA_DESCRIPTOR_FLAG = 0x8;

export type LayoutProblem = 'trust.zip.localHeaderMismatch' | 'trust.zip.strayBytes';

/**
 * Extra fields a ZIP writer may add to a record, with the most bytes each may hold: timestamps, Unix
 * owner and the ZIP64 sizes. Anything else, or more, is room for bytes no signature covers (a whole
 * PDF fits in 64 KiB), so it is refused. Bro's own containers carry none.
 */
const EXTRA_FIELD_MAX: ReadonlyMap<number, number> = new Map([
  [0x0001, 28],
  [0x000a, 32],
  [0x5455, 13],
  [0x7875, 11],
]);

/** Whether the extra field block at `start` holds only known, small fields and ends exactly at its length. */
function plainExtraFields(view: Buffer, start: number, length: number): boolean {
  let at = start;
  const end = start + length;
  while (at < end) {
    if (at + 4 > end) return false;
    const max = EXTRA_FIELD_MAX.get(view.readUInt16LE(at));
    const size = view.readUInt16LE(at + 2);
    if (max === undefined || size > max) return false;
    at += 4 + size;
  }
  return at === end;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/** Where the record ends, or a problem: the local header must repeat the central directory exactly. */
function checkRecord(view: Buffer, entry: CentralFacts): number | LayoutProblem {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > view.length || view.readUInt32LE(at) !== LOCAL_SIGNATURE) return 'trust.zip.localHeaderMismatch';
  const flags = view.readUInt16LE(at + 6);
  const nameLength = view.readUInt16LE(at + 26);
  const extraLength = view.readUInt16LE(at + 28);
  const name = view.subarray(at + 30, at + 30 + nameLength);
  const descriptor = (entry.generalPurposeBitFlag & DATA_DESCRIPTOR_FLAG) !== 0;
  const local = {
    crc: view.readUInt32LE(at + 14),
    compressed: view.readUInt32LE(at + 18),
    size: view.readUInt32LE(at + 22),
  };
  const sizesAgree =
    local.crc === entry.crc32 && local.compressed === entry.compressedSize && local.size === entry.uncompressedSize;
  const sizesDeferred = descriptor && local.crc === 0 && local.compressed === 0 && local.size === 0;
  if (
    flags !== entry.generalPurposeBitFlag ||
    view.readUInt16LE(at + 8) !== entry.compressionMethod ||
    !sameBytes(name, entry.fileNameRaw) ||
    !(sizesAgree || sizesDeferred)
  )
    return 'trust.zip.localHeaderMismatch';
  if (at + 30 + nameLength + extraLength > view.length || !plainExtraFields(view, at + 30 + nameLength, extraLength))
    return 'trust.zip.strayBytes';
  let end = at + 30 + nameLength + extraLength + entry.compressedSize;
  if (descriptor) {
    // Optional signature, then CRC and both sizes, which must repeat the central directory.
    // Stryker disable next-line EqualityOperator: with exactly four bytes left, neither reading leaves room for the twelve of the fields
    const signed = end + 4 <= view.length && view.readUInt32LE(end) === DESCRIPTOR_SIGNATURE;
    const fields = signed ? end + 4 : end;
    if (fields + 12 > view.length) return 'trust.zip.localHeaderMismatch';
    const agrees =
      view.readUInt32LE(fields) === entry.crc32 &&
      view.readUInt32LE(fields + 4) === entry.compressedSize &&
      view.readUInt32LE(fields + 8) === entry.uncompressedSize;
    if (!agrees) return 'trust.zip.localHeaderMismatch';
    end = fields + 12;
  }
  return end;
}

/**
 * Strict layout (ETSI EN 319 162-1 containers read by every tool alike): the local records, in file
 * order, start at offset 0 and follow each other without a gap; each repeats its central directory
 * entry (name, flags, method, CRC, sizes); the central directory follows the last record directly and
 * the end record closes the file. So no local record can hide outside the central directory, and a
 * streaming unzipper sees exactly what Bro verified.
 */
export function zipLayoutProblem(bytes: Uint8Array, entries: readonly CentralFacts[]): LayoutProblem | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let expected = 0;
  for (const entry of ordered) {
    if (entry.relativeOffsetOfLocalHeader !== expected) return 'trust.zip.strayBytes';
    const end = checkRecord(view, entry);
    if (typeof end !== 'number') return end;
    expected = end;
  }
  // The end record's signature, PK\5\6.
  const eocd = view.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return 'trust.zip.strayBytes';
  const directoryStart = view.readUInt32LE(eocd + 16);
  const directorySize = view.readUInt32LE(eocd + 12);
  const commentLength = view.readUInt16LE(eocd + 20);
  if (directoryStart !== expected || directoryStart + directorySize !== eocd) return 'trust.zip.strayBytes';
  // No archive comment: the signature covers none of it.
  if (commentLength !== 0 || eocd + 22 !== view.length) return 'trust.zip.strayBytes';
  return plainDirectory(view, directoryStart, eocd, entries.length);
}

/**
 * The central directory holds exactly `count` records, back to back up to the end record, each without
 * a comment and with only plain extra fields: nothing in it is room for unsigned bytes.
 */
function plainDirectory(view: Buffer, start: number, end: number, count: number): LayoutProblem | null {
  let at = start;
  for (let record = 0; record < count; record += 1) {
    if (at + 46 > end || view.readUInt32LE(at) !== CENTRAL_SIGNATURE) return 'trust.zip.strayBytes';
    const nameLength = view.readUInt16LE(at + 28);
    const extraLength = view.readUInt16LE(at + 30);
    const commentLength = view.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (commentLength !== 0 || next > end || !plainExtraFields(view, at + 46 + nameLength, extraLength))
      return 'trust.zip.strayBytes';
    at = next;
  }
  return at === end ? null : 'trust.zip.strayBytes';
}
