/**
 * The renderer's one origin. Everything the window loads comes from `app://bro/`, served from the
 * built renderer folder; IPC is answered only for a main frame on this origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'bro';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** Parses a URL without throwing; `null` for anything that is not a URL. */
export function tryParseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for `app://bro/...` only: the scheme and host are compared exactly, not by prefix. */
export function isAppUrl(url: string): boolean {
  const parsed = tryParseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST;
}
