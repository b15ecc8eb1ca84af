import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, formatBytes, readFileAsBase64 } from './file-bytes';

describe('file bytes', () => {
  it('round-trips every byte value through base64', () => {
    const bytes = new Uint8Array(256 * 3).map((_, i) => i % 256);
    const base64 = bytesToBase64(bytes);
    expect(base64).toBe(Buffer.from(bytes).toString('base64'));
    expect([...base64ToBytes(base64)]).toEqual([...bytes]);
  });

  it('encodes a file larger than one chunk the same way Node does', () => {
    const bytes = new Uint8Array(200_001).map((_, i) => (i * 31) % 251);
    expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('refuses a picked file larger than the channel accepts, and an empty one', async () => {
    expect(await readFileAsBase64(new Blob([new Uint8Array(11)]), 10)).toEqual({ ok: false, reason: 'tooLarge' });
    expect(await readFileAsBase64(new Blob([]), 10)).toEqual({ ok: false, reason: 'empty' });
    expect(await readFileAsBase64(new Blob([new Uint8Array([1, 2, 3])]), 10)).toEqual({ ok: true, base64: 'AQID' });
  });

  it('shows sizes in the locale’s number format', () => {
    expect(formatBytes(512, 'nb-NO')).toBe('512 B');
    expect(formatBytes(1_234_567, 'nb-NO')).toBe('1,2 MB');
    expect(formatBytes(1_234_567, 'en-GB')).toBe('1.2 MB');
  });
});
