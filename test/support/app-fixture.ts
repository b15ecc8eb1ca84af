import { createApp, type AppOptions, type BroApp } from '../../main/services/registry';
import { createConfPrefsStore } from '../../main/prefs/conf-prefs-store';
import { tempDirs } from './temp-dir';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';

/** A real app (router, services, vault) over temp folders, as the Electron shell builds it. */
export function appFixture() {
  const dirs = tempDirs('bro-app-');
  const apps: BroApp[] = [];
  return {
    make(options: Pick<AppOptions, 'now' | 'files' | 'kdfCost'> = {}) {
      const root = dirs.make();
      const vaultDir = join(root, 'vault');
      const prefsDir = join(root, 'prefs');
      mkdirSync(prefsDir, { recursive: true });
      const app = createApp({ vaultDir, prefs: createConfPrefsStore(prefsDir), ...options });
      apps.push(app);
      return { app, root, vaultDir, prefsDir };
    },
    cleanup() {
      apps.splice(0).forEach((app) => app.dispose());
      dirs.cleanup();
    },
  };
}
