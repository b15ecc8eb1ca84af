import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { BrowserContext, Request, Route } from 'playwright-core';
import { contentTypeFor } from '../app/protocol-paths';
import { isPdfViewerResource } from '../app/request-filter';

/** The renderer's fixed origin. No socket is opened: every request to it is answered by a route. */
export const BRO_ORIGIN = 'http://bro.test';
export const INDEX_URL = `${BRO_ORIGIN}/index.html`;

// The same content types the Electron app:// protocol serves, so the page sees what it will in Electron.
export { contentTypeFor };

export type ResolvedPath = { kind: 'file'; path: string } | { kind: 'refused' } | { kind: 'outside' };

/**
 * Maps a URL path to a file under `root`. Any `..` segment (also percent-encoded or with a
 * backslash) is refused outright; whatever still lands outside the root is treated as missing.
 */
export function resolveRendererPath(root: string, urlPath: string): ResolvedPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'refused' };
  }
  const segments = decoded.split(/[/\\]+/).filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '..' || segment.includes('\0'))) return { kind: 'refused' };
  const path = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  return isInside(root, path) ? { kind: 'file', path } : { kind: 'outside' };
}

function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}

/** A request the bridge refused because it was not for the renderer's own origin. */
export interface BlockedRequest {
  url: string;
  method: string;
  resourceType: string;
}

async function fulfilFromDisk(route: Route, request: Request, root: string): Promise<void> {
  if (request.method() !== 'GET' && request.method() !== 'HEAD') {
    await route.fulfill({ status: 405, contentType: 'text/plain', body: 'Method not allowed' });
    return;
  }
  const resolved = resolveRendererPath(root, new URL(request.url()).pathname);
  if (resolved.kind === 'refused') {
    await route.fulfill({ status: 400, contentType: 'text/plain', body: 'Refused' });
    return;
  }
  const file = resolved.kind === 'file' ? await readableFile(root, resolved.path) : null;
  if (!file) {
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
    return;
  }
  await route.fulfill({
    status: 200,
    contentType: contentTypeFor(file),
    headers: { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
    body: await readFile(file),
  });
}

/** The real path of a regular file under root, or null; a symlink that leads out counts as missing. */
async function readableFile(root: string, path: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    if (!isInside(await realpath(root), real)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

/**
 * Serves `rootDir` under BRO_ORIGIN, lets Chromium's PDF viewer load its own files (the desktop
 * app's request filter does the same) and aborts every other request (and every WebSocket),
 * reporting each to `onBlocked` so a test can assert the renderer reached for nothing outside.
 */
export async function routeRenderer(
  context: BrowserContext,
  rootDir: string,
  onBlocked: (request: BlockedRequest) => void,
): Promise<void> {
  const root = resolve(rootDir);
  await context.route('**/*', async (route, request) => {
    const url = new URL(request.url());
    if (url.origin === BRO_ORIGIN) {
      await fulfilFromDisk(route, request, root);
      return;
    }
    // The print preview's PDF viewer is the browser's own, from inside its binary: as in the app.
    if (isPdfViewerResource(request.url())) {
      await route.continue();
      return;
    }
    onBlocked({ url: request.url(), method: request.method(), resourceType: request.resourceType() });
    await route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    onBlocked({ url: ws.url(), method: 'GET', resourceType: 'websocket' });
    void ws.close({ code: 1008, reason: 'blocked' });
  });
}

export const rendererIndex = (rootDir: string): string => join(rootDir, 'index.html');
