import { ipcMain } from 'electron';
import Store from 'electron-store';
import { holdsRetiredKeys, parsePrefs, PrefsSchema, type Prefs, type PrefsStore } from '../prefs/prefs-schema';

/**
 * Preferences in `preferences.json` in the user's data folder, through electron-store, checked with
 * the same zod schema as the CLI's conf store: a malformed value falls back to its default.
 */
export function createElectronStorePrefs(): PrefsStore {
  const store = new Store<Record<string, unknown>>({ name: 'preferences', clearInvalidConfig: true });
  if (holdsRetiredKeys(store.store)) store.store = parsePrefs(store.store);
  // electron-store answers a sync IPC message for stores made in a renderer. Bro has none, and the
  // main process should answer no channel but its own.
  ipcMain.removeAllListeners('electron-store-get-data');
  return {
    read: () => parsePrefs(store.store),
    update(patch) {
      const next: Prefs = PrefsSchema.parse({ ...parsePrefs(store.store), ...patch });
      store.store = next;
      return next;
    },
  };
}
