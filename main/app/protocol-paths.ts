import { extname, isAbsolute, join, relative } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * `file`: a path strictly inside the root, with the segments that lead to it (so the caller can
 * refuse symlinks on the way). `refused`: the URL tried to leave the root or is malformed.
 */
export type AssetPath = { kind: 'file'; path: string; segments: readonly string[] } | { kind: 'refused' };

const REFUSED: AssetPath = { kind: 'refused' };

/**
 * A segment that is safe to join onto the root on every platform: no dot files (so no `.` or `..`),
 * no drive letters or alternate data streams (`:`), no separators, no control characters.
 */
const SAFE_SEGMENT = /^[^./\\:\p{Cc}][^/\\:\p{Cc}]*$/u;

/** Windows device names open a device, not a file, whatever folder they are asked for in. */
const DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

function isSafeSegment(segment: string): boolean {
  return SAFE_SEGMENT.test(segment) && !DEVICE_NAME.test(segment);
}

/** `app://bro` then the path exactly as written, up to the query or fragment. */
const APP_URL_PATH = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#].*)?$`, 'i');

/**
 * Maps an `app://bro/...` URL to a file under `root`. The path is taken as written (a URL parser
 * would quietly fold `%2e%2e` into `..` and drop it), percent-decoded once and checked segment by
 * segment, so `..`, `%2e%2e`, `..%2f`, backslashes and absolute paths (`//etc`, `C:`) are refused
 * outright rather than normalised into something that happens to exist.
 */
export function resolveAssetPath(root: string, requestUrl: string): AssetPath {
  const rawPath = APP_URL_PATH.exec(requestUrl)?.[1] ?? (APP_URL_PATH.test(requestUrl) ? '/' : null);
  if (rawPath === null) return REFUSED;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return REFUSED;
  }
  const rest = decoded.slice(1);
  const segments = rest === '' ? ['index.html'] : rest.split('/');
  // An empty segment means `//` in the path: an absolute path smuggled in, or junk.
  if (!segments.every(isSafeSegment)) return REFUSED;
  const path = join(root, ...segments);
  const inside = relative(root, path);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return REFUSED;
  return { kind: 'file', path, segments };
}
