import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfPrefsStore } from './conf-prefs-store';

describe('preferences store', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'bro-prefs-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('starts in Norwegian with a 10-minute auto-lock', () => {
    const prefs = createConfPrefsStore(tempDir()).read();
    expect(prefs).toMatchObject({ uiLanguage: 'nb', autoLockMinutes: 10 });
  });

  it('keeps a changed language across restarts', () => {
    const dir = tempDir();
    createConfPrefsStore(dir).update({ uiLanguage: 'da' });
    expect(createConfPrefsStore(dir).read().uiLanguage).toBe('da');
  });

  it('falls back to defaults for a hand-edited, malformed value and keeps the valid ones', () => {
    const dir = tempDir();
    const store = createConfPrefsStore(dir);
    store.update({ uiLanguage: 'en' });
    const file = join(dir, 'preferences.json');
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    writeFileSync(file, JSON.stringify({ ...raw, autoLockMinutes: 'never' }));
    expect(createConfPrefsStore(dir).read()).toMatchObject({ uiLanguage: 'en', autoLockMinutes: 10 });
  });

  it('refuses an out-of-range auto-lock value', () => {
    expect(() => createConfPrefsStore(tempDir()).update({ autoLockMinutes: 0 })).toThrow();
  });
});
