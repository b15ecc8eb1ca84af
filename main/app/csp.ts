/**
 * The one Content Security Policy, sent as a header with every `app://` response. The renderer's
 * index.html carries the same policy in a <meta> tag (minus the header-only directives) so the
 * browser shell and a file opened outside Electron are held to it too; a test compares the two.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'self' blob:",
].join('; ');

/** Directives a <meta> policy ignores by specification; they only work as a response header. */
export const HEADER_ONLY_DIRECTIVES: ReadonlySet<string> = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

/** Directive name → its source list (whitespace normalised), for comparing two policies. */
export function parseCsp(policy: string): Map<string, string> {
  const directives = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values.join(' '));
  }
  return directives;
}
