import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const INDEX_HTML = readFileSync(fileURLToPath(new URL('./index.html', import.meta.url)), 'utf8');

describe('renderer/index.html', () => {
  it('asks the browser never to offer translation, which would send case data to an online service', () => {
    expect(INDEX_HTML).toMatch(/<html[^>]*\stranslate="no"/);
    expect(INDEX_HTML).toContain('<meta name="google" content="notranslate" />');
  });
});
