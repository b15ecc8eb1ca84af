/**
 * Bytes in the renderer. A file the user dropped crosses the IPC boundary as base64, and the print
 * preview's PDF comes back the same way to be shown. The renderer never saves a file: the main process
 * writes every file Bro produces where the user chose (no browser download, no path in the renderer).
 */

/** Base64 of bytes, in chunks so a 32 MB file does not overflow the argument list of fromCharCode. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file the user picked, as base64 for a channel; refuses a file larger than the channel accepts. */
export async function readFileAsBase64(
  file: Blob,
  maxBytes: number,
): Promise<{ ok: true; base64: string } | { ok: false; reason: 'tooLarge' | 'empty' }> {
  if (file.size > maxBytes) return { ok: false, reason: 'tooLarge' };
  if (file.size === 0) return { ok: false, reason: 'empty' };
  return { ok: true, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
}

export function blobFromBase64(base64: string, mimeType: string): Blob {
  return new Blob([base64ToBytes(base64)], { type: mimeType });
}

/** "1,2 MB" in the locale's number format. */
export function formatBytes(size: number, intlTag: string): string {
  const units = ['B', 'kB', 'MB', 'GB'] as const;
  let value = size;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(intlTag, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value)} ${units[unit]}`;
}
