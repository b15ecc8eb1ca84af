import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, decideSandbox, languageSettings } from './chromium';

const HERE = fileURLToPath(new URL('.', import.meta.url));

describe('the browser shell', () => {
  it('keeps Chromium sandboxed for a normal user, and turns it off only for root in CI or tests', () => {
    expect(decideSandbox({ uid: 1000, env: {}, forTests: true })).toEqual({ sandbox: true });
    expect(decideSandbox({ uid: undefined, env: { CI: '1' }, forTests: false })).toEqual({ sandbox: true });
    expect(decideSandbox({ uid: 0, env: {}, forTests: true })).toEqual({ sandbox: false, reason: 'root-in-ci' });
    expect(decideSandbox({ uid: 0, env: { CI: 'true' }, forTests: false })).toEqual({
      sandbox: false,
      reason: 'root-in-ci',
    });
    expect(decideSandbox({ uid: 0, env: {}, forTests: false })).toEqual({ refuse: 'root' });
    expect(chromiumArgs(false, true)).not.toContain('--no-sandbox');
    expect(chromiumArgs(true, false)).toContain('--no-sandbox');
  });

  it('starts Chromium in the saved UI language, with a region so dates read day first', () => {
    expect(languageSettings('da')).toEqual({ args: ['--lang=da-DK'], locale: 'da-DK' });
    expect(languageSettings('en')).toEqual({ args: ['--lang=en-GB'], locale: 'en-GB' });
    expect(languageSettings('nb').locale).toBe('nb-NO');
  });

  it('is a product entry: it imports nothing from test/ and opens no DevTools or debugging port', () => {
    for (const file of readdirSync(HERE).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
      const source = readFileSync(join(HERE, file), 'utf8');
      expect(source, file).not.toMatch(/from ['"][./]*\/?test\//);
      expect(source, file).not.toMatch(/@playwright\/test|remote-debugging|auto-open-devtools|devtools:\s*true/);
    }
  });
});
