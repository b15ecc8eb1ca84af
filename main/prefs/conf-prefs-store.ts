import Conf from 'conf';
import { holdsRetiredKeys, parsePrefs, PrefsSchema, type Prefs, type PrefsStore } from './prefs-schema';

/**
 * Preferences in a JSON file through `conf`, the package electron-store is built on. Used by the CLI,
 * the browser shell and the tests; the Electron shell uses electron-store with the same schema.
 */
export function createConfPrefsStore(cwd: string): PrefsStore {
  const conf = new Conf<Record<string, unknown>>({ cwd, configName: 'preferences', projectName: 'bro' });
  if (holdsRetiredKeys(conf.store)) conf.store = parsePrefs(conf.store);
  return {
    read: () => parsePrefs(conf.store),
    update(patch) {
      const next: Prefs = PrefsSchema.parse({ ...parsePrefs(conf.store), ...patch });
      conf.store = next;
      return next;
    },
  };
}

/** In-memory preferences, for commands that must not leave a file behind. */
export function createMemoryPrefsStore(initial: Partial<Prefs> = {}): PrefsStore {
  let current = parsePrefs(initial);
  return {
    read: () => current,
    update(patch) {
      current = PrefsSchema.parse({ ...current, ...patch });
      return current;
    },
  };
}
