import { createDecipheriv } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Decrypts every page of a SQLCipher 4 file (default settings: 4096-byte pages, 80 reserved bytes per
 * page = 16-byte IV + 64-byte HMAC, AES-256-CBC, raw 256-bit key) and of its WAL, page by page, free
 * pages and freeblocks included. Written from the SQLCipher 4 file format, independently of both
 * SQLCipher builds, so a scan sees every byte left on disk, not only the rows a reader returns.
 */
const PAGE = 4096;
const RESERVE = 80;
const SALT = 16;
const WAL_HEADER = 32;
const FRAME_HEADER = 24;

function decryptPage(page: Buffer, pageNumber: number, key: Buffer): Buffer {
  const start = pageNumber === 1 ? SALT : 0;
  const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
  const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
  return Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]);
}

export function decryptedPages(database: string, key: Buffer): Buffer {
  const parts: Buffer[] = [];
  const file = readFileSync(database);
  for (let offset = 0, n = 1; offset + PAGE <= file.length; offset += PAGE, n++) {
    parts.push(decryptPage(file.subarray(offset, offset + PAGE), n, key));
  }
  const walPath = `${database}-wal`;
  if (existsSync(walPath)) {
    const wal = readFileSync(walPath);
    for (let offset = WAL_HEADER; offset + FRAME_HEADER + PAGE <= wal.length; offset += FRAME_HEADER + PAGE) {
      const pageNumber = wal.readUInt32BE(offset);
      const page = wal.subarray(offset + FRAME_HEADER, offset + FRAME_HEADER + PAGE);
      parts.push(decryptPage(page, pageNumber, key));
    }
  }
  return Buffer.concat(parts);
}
