import { isAppUrl, tryParseUrl } from './app-origin';

export interface RequestFilterOptions {
  /** DevTools load their own front end from devtools://; allowed only where DevTools are enabled. */
  allowDevtools: boolean;
}

/**
 * Decides which requests a session lets through: the app's own origin, blobs and data URLs it made
 * itself, and (in development) DevTools. Everything else (http, https, ws, file, ftp, other
 * custom schemes) is cancelled, so nothing in the window can open a connection or read a local file.
 */
export function isAllowedRequest(url: string, options: RequestFilterOptions): boolean {
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
