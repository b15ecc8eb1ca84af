import type { Channel } from '../../shared/ipc/contract';
import { createRouter, type ErrorSink, type Handlers, type Router } from '../ipc/router';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { KdfCost } from '../vault/kdf';
import { MentorCompartment } from '../vault/compartment';
import { VaultSession } from '../vault/vault-session';
import { AutoLock } from './auto-lock';
import { settingsHandlers } from './settings-service';
import { vaultHandlers } from './vault-service';
import { auditHandlers } from './audit-service';
import { caseHandlers } from './case-service';
import { compartmentHandlers } from './compartment-service';
import { distributionHandlers } from './distribution-service';
import { documentLifecycleHandlers } from './document-lifecycle-service';
import { documentHandlers } from './document-service';
import { dueHandlers } from './due-service';
import { dueViewHandlers } from './due-view-service';
import { warmDueListOnUnlock } from './due-warm';
import { keepDueListWhenChecked } from './due-list-keep';
import { workloadSettingHandlers } from './workload-setting';
import { recordHandlers } from './record-service';
import { recordPurgeHandlers } from './record-purge-service';
import { receivedPurgeHandlers } from './received-purge-service';
import { contactRegisterHandlers } from './contact-register-service';
import { searchHandlers } from './search-service';
import { templateHandlers } from './template-service';
import { exportHandlers } from './export-service';
import { importHandlers } from './import-service';
import { signingHandlers } from './signing-service';
import { trustStoreHandlers } from './trust-store-service';
import { trustStoreFileHandlers } from './trust-store-file-service';
import { backupHandlers } from './backup-service';
import { restoreHandlers } from './restore-service';
import { LastFolder } from '../files/last-folder';
import { exportSaveHandlers } from './export-save';
import { purgeHandlers } from './purge-service';
import { innsynHandlers } from './innsyn-service';
import { transferHandlers } from './transfer-service';
import { handoverSaveHandlers } from './handover-save';
import { handoverImportHandlers } from './handover-import';
import { ProgressBoard, progressHandlers } from './progress';
import { fileHandlers, type Printer } from './file-service';
import { NO_DIALOGS, type FileDialogs } from '../files/file-dialogs';
import { FileSaver } from '../files/file-saver';

export interface AppOptions {
  vaultDir: string;
  prefs: PrefsStore;
  now?: () => Date;
  kdfCost?: KdfCost;
  onError?: ErrorSink;
  /**
   * The shell's save and open dialogs: every file the UI produces is written where the user chose in
   * them. Without one (command line, service tests) every dialog counts as cancelled.
   */
  files?: FileDialogs;
  /** Prints a rendered PDF (Electron); without one the page prints with the browser. */
  printer?: Printer | null;
}

export interface BroApp {
  router: Router;
  session: VaultSession;
  /** The mentor scheme's compartment (NO pkt 13.5): opened separately from the vault. */
  compartment: MentorCompartment;
  autoLock: AutoLock;
  /** Long operations' progress, read by the renderer through progress.get. */
  progress: ProgressBoard;
  dispose(): void;
}

/** Channels that do not count as user activity (the renderer polls them). */
const PASSIVE_CHANNELS: ReadonlySet<Channel> = new Set(['vault.status', 'vault.health', 'progress.get']);

/**
 * Issue 15: the full integrity check waits this long after unlock, so the home screen is worked out
 * and painted first. Started at once, its worker took a core from the first screen: with the 10 000-case
 * vault on 2 cores the home screen painted in a median 367 ms after unlock, 279 ms with the check
 * 300 ms later and 262 ms with it 1 s later (9 unlocks each). Writes go on while it is pending, as they
 * did while it ran (vault/health-watch.ts).
 */
export const APP_HEALTH_CHECK_DELAY_MS = 500;

/** Builds every service with its dependencies, in one place, and the router in front of them. */
export function createApp(options: AppOptions): BroApp {
  const now = options.now ?? (() => new Date());
  const session = new VaultSession({
    dir: options.vaultDir,
    now,
    kdfCost: options.kdfCost,
    entryPoint: 'app',
    healthCheckDelayMs: APP_HEALTH_CHECK_DELAY_MS,
  });
  const compartment = new MentorCompartment(session, now, options.kdfCost);
  const autoLock = new AutoLock(session, () => options.prefs.read().autoLockMinutes);
  const deps = { session, now };
  const progress = new ProgressBoard();
  const stopWarming = warmDueListOnUnlock(deps);
  const stopKeeping = keepDueListWhenChecked(deps);
  const locale = () => options.prefs.read().uiLanguage;
  const dialogs = options.files ?? NO_DIALOGS;
  // One folder memory for every dialog of the session (never written to the preferences file).
  const lastFolder = new LastFolder();
  const files = new FileSaver(dialogs, options.prefs, options.vaultDir, lastFolder);
  const fileDeps = {
    ...deps,
    locale,
    files,
    dialogs,
    prefs: options.prefs,
    lastFolder,
    printer: options.printer ?? null,
  };
  const handlers = {
    ...vaultHandlers({ session, autoLock, progress, shownElsewhere: (db) => compartment.gradings(db) }),
    ...settingsHandlers({ prefs: options.prefs, autoLock }),
    ...caseHandlers(deps),
    ...documentHandlers({ ...deps, locale }),
    ...documentLifecycleHandlers(deps),
    ...distributionHandlers(deps),
    ...recordHandlers(deps),
    ...recordPurgeHandlers(deps),
    ...receivedPurgeHandlers(deps),
    ...contactRegisterHandlers(deps),
    ...templateHandlers({ ...deps, locale }),
    ...searchHandlers(deps),
    ...compartmentHandlers({ ...deps, compartment }),
    ...auditHandlers(deps),
    ...dueHandlers(deps),
    ...dueViewHandlers(deps),
    ...workloadSettingHandlers(deps),
    ...exportHandlers({ ...deps, locale }),
    ...importHandlers({ ...deps, progress }),
    ...signingHandlers({ ...deps, locale }),
    ...trustStoreHandlers(deps),
    ...trustStoreFileHandlers(fileDeps),
    ...exportSaveHandlers(fileDeps),
    ...fileHandlers(fileDeps),
    ...backupHandlers({
      ...deps,
      chooseBackupPath: (name) => files.choose('backup', name),
      shownElsewhere: (db) => compartment.gradings(db),
    }),
    ...restoreHandlers({ ...deps, dialogs, prefs: options.prefs, lastFolder, progress }),
    ...purgeHandlers({ ...deps, compartment: () => compartment.state() }),
    ...innsynHandlers({ ...deps, files }),
    ...transferHandlers(deps),
    ...handoverSaveHandlers(fileDeps),
    ...handoverImportHandlers(deps),
    ...progressHandlers(progress),
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
    compartment,
    autoLock,
    progress,
    dispose() {
      stopWarming();
      stopKeeping();
      autoLock.stop();
      session.lock('shutdown');
    },
  };
}
