import { BrowserWindow, screen } from 'electron';
import type { PrefsStore } from '../prefs/prefs-schema';
import { APP_INDEX_URL } from './app-origin';
import { boundsToSave, DEFAULT_SIZE, restorableBounds } from './window-bounds';

export interface MainWindowOptions {
  prefs: PrefsStore;
  preloadPath: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

/**
 * The one window. The renderer runs sandboxed and isolated with no Node, no webviews and no
 * spell-checker (whose dictionaries would be downloaded); it sees the world only through the preload.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = restorableBounds(
    options.prefs.read().windowBounds,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...(saved ?? DEFAULT_SIZE),
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Bro',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's built-in PDF viewer is the only plugin Electron has; the print preview shows the
      // rendered document from a blob: URL in it. Other content still cannot load (CSP, request filter).
      plugins: true,
      // Middle-click (auxclick) could otherwise open links in a new window; Electronegativity AUXCLICK_JS_CHECK.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  // WebRTC's UDP sockets bypass request filtering; with no proxy this leaves it no route out.
  window.webContents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    try {
      options.prefs.update({ windowBounds: boundsToSave(window.getNormalBounds()) });
    } catch {
      // A window position is not worth failing to close over (e.g. a full disk).
    }
  });
  void window.loadURL(APP_INDEX_URL);
  return window;
}
