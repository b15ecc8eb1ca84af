import { isAppUrl, tryParseUrl } from './app-origin';

export interface RequestFilterOptions {
  /** DevTools load their own front end from devtools://; allowed only where DevTools are enabled. */
  allowDevtools: boolean;
}

/** Chromium's built-in PDF viewer: its component extension's id, the same in Chromium and Electron. */
const PDF_VIEWER_EXTENSION = 'mhjfbmdgcfjbbpaeojofohoefgiehjai';

/**
 * Whether `url` is a file of Chromium's built-in PDF viewer, which shows the print preview: its
 * extension's pages and scripts, and the browser's shared resources they use. Both are inside the
 * browser binary; no request for them leaves the machine. Refused, the preview frame stays empty.
 */
export function isPdfViewerResource(url: string): boolean {
  const parsed = tryParseUrl(url);
  if (parsed === null) return false;
  if (parsed.protocol === 'chrome-extension:') return parsed.host === PDF_VIEWER_EXTENSION;
  return parsed.protocol === 'chrome:' && parsed.host === 'resources';
}

/**
 * Decides which requests a session lets through: the app's own origin, blobs and data URLs it made
 * itself, the PDF viewer's own files, and (in development) DevTools. Everything else (http, https,
 * ws, file, ftp, other extensions and browser pages, other custom schemes) is cancelled, so nothing
 * in the window can open a connection or read a local file.
 */
export function isAllowedRequest(url: string, options: RequestFilterOptions): boolean {
  if (isPdfViewerResource(url)) return true;
  const parsed = tryParseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case 'app:':
      return isAppUrl(url);
    case 'blob:':
      // A blob URL names the origin that created it: only blobs made by the app itself.
      return isAppUrl(url.slice('blob:'.length));
    case 'data:':
      return true;
    case 'devtools:':
      return options.allowDevtools;
    default:
      return false;
  }
}

/** The scheme of a refused request, for the crash log (never the rest of the URL). */
export function schemeOf(url: string): string {
  return tryParseUrl(url)?.protocol.replace(/:$/, '') ?? '(invalid)';
}
