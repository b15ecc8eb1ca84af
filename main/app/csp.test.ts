import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP, HEADER_ONLY_DIRECTIVES, parseCsp } from './csp';

const INDEX_HTML = fileURLToPath(new URL('../../renderer/index.html', import.meta.url));

function metaPolicy(html: string): string | null {
  const tag = /<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/i.exec(html)?.[0];
  const content = tag ? /content=(?:"([^"]*)"|'([^']*)')/i.exec(tag) : null;
  return content ? (content[1] ?? content[2] ?? null) : null;
}

describe('CSP', () => {
  it('forbids every connection, plugin, base change, form post and framing by others', () => {
    const directives = parseCsp(CSP);
    expect(directives.get('connect-src')).toBe("'none'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(CSP).not.toMatch(/unsafe-|https?:|\*/);
  });

  it("matches the renderer index.html's <meta> policy, header-only directives aside", () => {
    const meta = metaPolicy(readFileSync(INDEX_HTML, 'utf8'));
    expect(meta, 'renderer/index.html has no Content-Security-Policy <meta>').not.toBeNull();
    const expected = [...parseCsp(CSP)].filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name));
    const actual = [...parseCsp(meta ?? '')].filter(([name]) => !HEADER_ONLY_DIRECTIVES.has(name));
    expect(new Map(actual)).toEqual(new Map(expected));
  });
});
