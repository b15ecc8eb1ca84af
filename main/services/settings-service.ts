import type { Handlers } from '../ipc/router';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { AutoLock } from './auto-lock';

export function settingsHandlers(deps: {
  prefs: PrefsStore;
  autoLock: AutoLock;
}): Pick<Handlers, 'settings.get' | 'settings.update'> {
  const pick = () => {
    const { uiLanguage, autoLockMinutes } = deps.prefs.read();
    return { uiLanguage, autoLockMinutes };
  };
  return {
    'settings.get': pick,
    'settings.update': (patch) => {
      deps.prefs.update(patch);
      if (patch.autoLockMinutes !== undefined) deps.autoLock.touch();
      return pick();
    },
  };
}
