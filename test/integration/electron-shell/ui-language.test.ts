import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromiumLanguage } from '../../../main/app/ui-language';
import { electronDouble } from '../../support/electron-double/electron-double';
import { startShell, value, type ShellRun } from '../../support/electron-double/start-shell';

/** Preferences as electron-store would find them on disk at start-up, set per test. */
const saved = vi.hoisted(() => ({ prefs: {} as Record<string, unknown>, stores: [] as { store: unknown }[] }));

vi.mock('electron', () => electronDouble.module);
vi.mock('electron-store', () => ({
  default: class SavedStore {
    store: Record<string, unknown> = { ...saved.prefs };
    constructor() {
      saved.stores.push(this);
    }
  },
}));

let run: ShellRun | null = null;
afterEach(() => {
  run?.stop();
  run = null;
  saved.prefs = {};
  saved.stores = [];
});

const langSwitches = () =>
  electronDouble.callsTo('app.commandLine', 'appendSwitch').filter((call) => call.args[0] === 'lang');

describe("Chromium's language follows the saved UI language", () => {
  it.each([
    ['da', 'da-DK'],
    ['en', 'en-GB'],
    ['nb', 'nb-NO'],
  ] as const)(
    'a vault user who chose %s starts a Chromium speaking %s, before the app is ready',
    async (locale, tag) => {
      saved.prefs = { uiLanguage: locale };
      run = await startShell({ ready: false });
      expect(langSwitches().map((call) => call.args[1])).toEqual([tag]);
      expect(electronDouble.windows).toEqual([]);
      await electronDouble.ready();
      expect(electronDouble.windows).toHaveLength(1);
    },
  );

  it('starts in bokmål when nothing is saved yet, and a change in Settings is saved for the next start', async () => {
    run = await startShell();
    expect(langSwitches().map((call) => call.args[1])).toEqual(['nb-NO']);
    await value(run.invoke('settings.update', { uiLanguage: 'da' }));
    expect(await value(run.invoke('settings.get', {}))).toMatchObject({ uiLanguage: 'da' });
  });

  it('writes a preferences file from an older Bro again at start, without the folder it kept', async () => {
    saved.prefs = { uiLanguage: 'da', lastFileFolder: '/media/pinne/KOMPIS-4711 Ola Fiktivsen' };
    run = await startShell();
    expect(saved.stores.at(-1)?.store).toEqual(expect.objectContaining({ uiLanguage: 'da' }));
    expect(JSON.stringify(saved.stores.map((store) => store.store))).not.toContain('Fiktivsen');
  });

  it('names a region so Chromium writes dates day first', () => {
    expect(chromiumLanguage('en')).toBe('en-GB');
  });
});
