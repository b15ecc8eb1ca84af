import { describe, expect, it } from 'vitest';
import { isAllowedRequest, isPdfViewerResource, schemeOf } from './request-filter';

const production = { allowDevtools: false };
const development = { allowDevtools: true };

describe('isAllowedRequest', () => {
  it("lets the app's own origin, its blobs and data URLs through", () => {
    expect(isAllowedRequest('app://bro/index.html', production)).toBe(true);
    expect(isAllowedRequest('app://bro/assets/index-abc.js', production)).toBe(true);
    expect(isAllowedRequest('blob:app://bro/6f1c2a4e-0000-4000-8000-000000000000', production)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,iVBORw0KGgo=', production)).toBe(true);
  });

  it.each([
    'http://example.com/',
    'https://example.com/beacon?x=1',
    'http://127.0.0.1:9/',
    'http://localhost:5173/',
    'ws://127.0.0.1:9/socket',
    'wss://example.com/socket',
    'file:///etc/passwd',
    'ftp://example.com/file',
    'app://evil/index.html',
    'app://bro.example.com/index.html',
    'blob:https://example.com/6f1c2a4e-0000-4000-8000-000000000000',
    'chrome://settings',
    'chrome://resources.example/x.js',
    'chrome-extension://aaaabbbbccccddddeeeeffffgggghhhh/main.js',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai.evil/main.js',
    'chrome-untrusted://print/',
    'javascript:alert(1)',
    'not a url',
  ])('blocks %s', (url) => {
    expect(isAllowedRequest(url, production)).toBe(false);
    expect(isAllowedRequest(url, development)).toBe(false);
  });

  it("lets Chromium's PDF viewer load its own files, or the print preview stays empty", () => {
    for (const url of [
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
      'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/main.js',
      'chrome://resources/css/text_defaults_md.css',
    ]) {
      expect(isPdfViewerResource(url)).toBe(true);
      expect(isAllowedRequest(url, production)).toBe(true);
    }
  });

  it('allows DevTools only in development', () => {
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', development)).toBe(true);
    expect(isAllowedRequest('devtools://devtools/bundled/devtools_app.html', production)).toBe(false);
  });
});

describe('schemeOf', () => {
  it('keeps only the scheme of a blocked URL for the log', () => {
    expect(schemeOf('https://example.com/case/Ola-Testmann')).toBe('https');
    expect(schemeOf('nonsense')).toBe('(invalid)');
  });
});
