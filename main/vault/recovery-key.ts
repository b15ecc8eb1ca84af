import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The recovery key: 256 random bits shown once as Crockford base32 in groups of four, so it can be
 * printed and typed back. It has full entropy, so HKDF (not a slow KDF) turns it into a wrapping key.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_BYTES = 32;
const KEY_CHARS = Math.ceil((KEY_BYTES * 8) / 5);

export function newRecoveryKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function formatRecoveryKey(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    // Stryker disable next-line EqualityOperator: with '>' a full group waits for the next byte (at most 13 bits held) or the final flush, and is written the same
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out.match(/.{1,4}/g)?.join('-') ?? out;
}

/** Parses what a person typed: case, spaces and dashes do not matter; O/I/L read as 0/1/1. */
export function parseRecoveryKey(text: string): Buffer | null {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  // Stryker disable next-line ConditionalExpression: 52 characters are the only length that parses to 32 bytes, which the last line checks too
  if (cleaned.length !== KEY_CHARS) return null;
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of cleaned) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) return null;
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    // Stryker disable next-line EqualityOperator: with '>' a full byte waits one more character (at most 13 of the 16 bits kept) and is read the same
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  // Stryker disable next-line ConditionalExpression: after the length check above, 52 characters always make exactly 32 bytes
  return out.length === KEY_BYTES ? Buffer.from(out) : null;
}

export function recoveryWrappingKey(recoveryKey: Buffer, vaultId: string): Buffer {
  // Stryker disable next-line StringLiteral: Buffer.from reads an empty encoding as utf8
  return Buffer.from(hkdfSync('sha256', recoveryKey, Buffer.from(vaultId, 'utf8'), 'bro recovery wrap v1', 32));
}
