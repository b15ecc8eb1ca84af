import type { Channel } from '../../shared/ipc/contract';
import { createRouter, type ErrorSink, type Handlers, type Router } from '../ipc/router';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { KdfCost } from '../vault/kdf';
import { VaultSession } from '../vault/vault-session';
import { AutoLock } from './auto-lock';
import { auditUnlocks } from './session-audit';
import { settingsHandlers } from './settings-service';
import { vaultHandlers } from './vault-service';

export interface AppOptions {
  vaultDir: string;
  prefs: PrefsStore;
  now?: () => Date;
  kdfCost?: KdfCost;
  onError?: ErrorSink;
}

export interface BroApp {
  router: Router;
  session: VaultSession;
  autoLock: AutoLock;
  dispose(): void;
}

/** Channels that do not count as user activity (the renderer polls them). */
const PASSIVE_CHANNELS: ReadonlySet<Channel> = new Set(['vault.status']);

/** Builds every service with its dependencies, in one place, and the router in front of them. */
export function createApp(options: AppOptions): BroApp {
  const session = new VaultSession({ dir: options.vaultDir, now: options.now, kdfCost: options.kdfCost });
  const autoLock = new AutoLock(session, () => options.prefs.read().autoLockMinutes);
  auditUnlocks(session, options.now ?? (() => new Date()));
  const handlers = {
    ...vaultHandlers({ session, autoLock }),
    ...settingsHandlers({ prefs: options.prefs, autoLock }),
  } satisfies Handlers;
  const inner = createRouter(handlers, options.onError);
  const router: Router = {
    invoke(channel, input) {
      if (typeof channel === 'string' && !PASSIVE_CHANNELS.has(channel as Channel)) autoLock.touch();
      return inner.invoke(channel, input);
    },
  };
  return {
    router,
    session,
    autoLock,
    dispose() {
      autoLock.stop();
      session.lock('shutdown');
    },
  };
}
