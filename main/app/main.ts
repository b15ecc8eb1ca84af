import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, session, type BrowserWindow, type Session } from 'electron';
import { translate } from '../../shared/i18n/translate';
import { createApp, type BroApp } from '../services/registry';
import { parseShellArgs } from './argv';
import { dangerousSwitches } from './dangerous-switches';
import { electronDialogs } from './electron-dialogs';
import { electronPrinter } from './electron-printer';
import { hardenProcess } from './hardening';
import { handleInvoke } from './ipc';
import { createCrashLog, recordProcessFailures, type CrashLog } from './log';
import { installMenu } from './menu';
import { guardNavigation } from './navigation';
import { blockNetwork } from './network-block';
import { lockWithOperatingSystem } from './os-lock';
import { denyAllPermissions } from './permissions';
import { createElectronStorePrefs } from './prefs-electron-store';
import type { PrefsStore } from '../prefs/prefs-schema';
import { registerAppScheme, serveRenderer } from './protocol';
import { applyUiLanguage } from './ui-language';
import { createMainWindow } from './window';
import { APP_INDEX_URL } from './app-origin';
import { integrityChecksRunning, integrityChecksSettled } from '../vault/vault-health';

// Beside this bundle (out/main/index.js): out/preload/ and out/renderer/.
const OUT_DIR = fileURLToPath(new URL('../', import.meta.url));
const RENDERER_DIR = join(OUT_DIR, 'renderer');
const PRELOAD_PATH = join(OUT_DIR, 'preload', 'index.cjs');

const args = parseShellArgs(process.argv);

let bro: BroApp | null = null;
let mainWindow: BrowserWindow | null = null;

function hardenSession(target: Session, log: CrashLog): void {
  blockNetwork(target, { allowDevtools: !app.isPackaged, log });
  denyAllPermissions(target);
}

function watchProcesses(log: CrashLog): void {
  recordProcessFailures(log, () => {
    bro?.dispose();
    app.exit(1);
  });
  app.on('render-process-gone', (_event, contents, details) => {
    log.record({ kind: 'render_process_gone', reason: details.reason });
    // The window's page is gone: a blank window over an open vault. The vault is locked and the page
    // started again, on the lock screen.
    if (mainWindow && contents === mainWindow.webContents) {
      // Locking an open vault starts the page again (below); a locked one's page is started here.
      if (bro?.session.isUnlocked) bro.session.lock('renderer_gone');
      else showAppIn(mainWindow);
    }
  });
  app.on('child-process-gone', (_event, details) => log.record({ kind: 'child_process_gone', reason: details.reason }));
}

/** While the page is started again after a lock: its unsaved-changes guard may not keep the old page. */
let restarting = false;

/**
 * Loads the app's page in the window afresh (its state, and any data it held, are gone). An editor with
 * unsaved changes asks `beforeunload` to keep the page; for a lock it goes all the same (see
 * keepNoPageOnLock), as the renderer's own lock already left those changes.
 */
function showAppIn(window: BrowserWindow): void {
  if (window.isDestroyed()) return;
  restarting = true;
  void window.webContents
    .loadURL(APP_INDEX_URL)
    .catch(() => undefined)
    .finally(() => (restarting = false));
}

/** Electron's will-prevent-unload: ignored (the page unloads) only while a lock starts the page again. */
function keepNoPageOnLock(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    if (restarting) event.preventDefault();
  });
}

/** After `ready`: sessions locked down, renderer served, services built, then the window. */
function onReady(log: CrashLog, prefs: PrefsStore): void {
  hardenSession(session.defaultSession, log);
  app.on('session-created', (created) => hardenSession(created, log));
  serveRenderer(session.defaultSession, RENDERER_DIR);
  bro = createApp({
    vaultDir: args.vaultDir ?? join(app.getPath('userData'), 'vault'),
    prefs,
    onError: (event) => log.record({ kind: 'ipc_error', ...event }),
    // Every file the UI produces is written by main where the user chose; the renderer learns its name.
    files: electronDialogs(
      () => mainWindow,
      () => app.getPath('documents'),
    ),
    printer: electronPrinter(),
  });
  handleInvoke(ipcMain, bro.router, log);
  lockWithOperatingSystem(bro.session);
  // Any lock (the user's, the idle timer's, the screen's) drops the page: the window starts again on the
  // lock screen, so nothing of the case shown stays on screen or in the page's memory until it next asks.
  bro.session.onChange((event) => {
    if (event.type === 'locked' && event.reason !== 'shutdown' && mainWindow) showAppIn(mainWindow);
  });
  installMenu({ platform: process.platform, isPackaged: app.isPackaged });
  mainWindow = createMainWindow({ prefs, preloadPath: PRELOAD_PATH, devTools: !app.isPackaged });
  keepNoPageOnLock(mainWindow);
  mainWindow.on('closed', () => (mainWindow = null));
}

function start(prefs: PrefsStore): void {
  const log = createCrashLog(join(app.getPath('userData'), 'logs'));
  watchProcesses(log);
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window: closing it ends Bro on every platform, and quitting always locks the vault.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event?: { preventDefault(): void }) => {
    bro?.dispose();
    // Ending the process under a running integrity check aborts it (see vault-health.ts): quit once it ends.
    if (!integrityChecksRunning() || !event) return;
    event.preventDefault();
    void integrityChecksSettled().then(() => app.quit());
  });
  app
    .whenReady()
    .then(() => onReady(log, prefs))
    .catch((error: unknown) => {
      log.record({ kind: 'uncaught_exception', errorName: error instanceof Error ? error.name : typeof error });
      app.exit(1);
    });
}

/** The system's language for the one message shown before preferences are read. */
function systemLocale(): 'nb' | 'da' | 'en' {
  const tag = Intl.DateTimeFormat().resolvedOptions().locale.toLowerCase();
  if (/^(nb|nn|no)\b/.test(tag)) return 'nb';
  return tag.startsWith('da') ? 'da' : 'en';
}

/** A packaged Bro started with a debugging or protection-disabling switch says why and exits. */
function refuseDangerousStart(): boolean {
  if (!app.isPackaged) return false;
  const found = dangerousSwitches(process.argv, (name) => app.commandLine.hasSwitch(name));
  if (found.length === 0) return false;
  const locale = systemLocale();
  dialog.showErrorBox(
    translate(locale, 'files.shell.dangerousSwitchTitle'),
    translate(locale, 'files.shell.dangerousSwitch', { switches: found.join(', ') }),
  );
  app.exit(1);
  return true;
}

function boot(): void {
  // Before anything reads it: the single-instance lock, preferences and the crash log live here.
  if (args.userDataDir) app.setPath('userData', args.userDataDir);
  hardenProcess(app);
  registerAppScheme();
  guardNavigation(app);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Before `ready`: Chromium takes its language from the command line only while starting.
  const prefs = createElectronStorePrefs();
  applyUiLanguage(app.commandLine, prefs.read().uiLanguage);
  start(prefs);
}

if (!refuseDangerousStart()) boot();
