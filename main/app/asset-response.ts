import fs from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CSP } from './csp';
import { contentTypeFor, resolveAssetPath } from './protocol-paths';

// Electron makes `fs` read inside app.asar by patching the module object, so the functions are
// looked up on it at call time rather than imported by name.
const lstat = promisify((path: string, done: (error: NodeJS.ErrnoException | null, stats: fs.Stats) => void) =>
  fs.lstat(path, done),
);
const readFile = promisify((path: string, done: (error: NodeJS.ErrnoException | null, data: Buffer) => void) =>
  fs.readFile(path, done),
);

/** Sent with every response, errors included: the CSP is a header, not only the page's <meta>. */
export const SECURITY_HEADERS = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'cache-control': 'no-store',
} as const;

function empty(status: number): Response {
  return new Response(null, { status, headers: SECURITY_HEADERS });
}

/** Every folder on the way must be a real folder and the file a real file: no symlink out. */
async function isPlainFile(root: string, segments: readonly string[]): Promise<boolean> {
  let current = root;
  for (const [index, segment] of segments.entries()) {
    current = join(current, segment);
    const stats = await lstat(current);
    const last = index === segments.length - 1;
    if (stats.isSymbolicLink() || (last ? !stats.isFile() : !stats.isDirectory())) return false;
  }
  return true;
}

/**
 * Answers one `app://bro/...` request from the files under `root`: 400 for a path that tries to
 * leave it, 404 for anything missing, not a plain file or behind a symlink, 405 for anything but
 * GET and HEAD.
 */
export async function assetResponse(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return empty(405);
  const asset = resolveAssetPath(root, request.url);
  if (asset.kind === 'refused') return empty(400);
  try {
    if (!(await isPlainFile(root, asset.segments))) return empty(404);
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(asset.path));
    return new Response(body, {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'content-type': contentTypeFor(asset.path) },
    });
  } catch {
    return empty(404);
  }
}
