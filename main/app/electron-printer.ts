import { BrowserWindow } from 'electron';
import type { Printer } from '../services/file-service';

/**
 * Prints a rendered PDF from a hidden, sandboxed window with no preload: the system print dialog is
 * Electron's (`webContents.print`), so printing does not depend on the page's PDF frame or on a
 * viewer the user may have switched off. The PDF never touches the disk (a data: URL in memory).
 */
/** A PDF the hidden window has not loaded by then will not load. */
export const PRINT_LOAD_TIMEOUT_MS = 30_000;

export function electronPrinter(): Printer {
  return {
    printPdf(bytes) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webviewTag: false,
          javascript: false,
          webSecurity: true,
          spellcheck: false,
          navigateOnDragDrop: false,
          disableBlinkFeatures: 'Auxclick',
          // Chromium renders the PDF for printing with its built-in PDF plugin, in this window only.
          plugins: true,
        },
      });
      return new Promise((resolve) => {
        let done = false;
        const finish = (outcome: 'printed' | 'cancelled' | 'failed') => {
          if (done) return;
          done = true;
          clearTimeout(stalled);
          if (!window.isDestroyed()) window.close();
          resolve(outcome);
        };
        // Neither loaded nor failed: the print is reported failed, not left waiting with the button off.
        const stalled = setTimeout(() => finish('failed'), PRINT_LOAD_TIMEOUT_MS);
        window.webContents.once('did-fail-load', () => finish('failed'));
        window.webContents.once('did-finish-load', () => {
          // Loaded: the system print dialog may stay open as long as the user needs.
          clearTimeout(stalled);
          window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
            if (success) finish('printed');
            // Electron reports a closed dialog as "cancelled" (older releases: "Print job canceled").
            else finish(/cancel/i.test(failureReason) ? 'cancelled' : 'failed');
          });
        });
        void window.loadURL(`data:application/pdf;base64,${Buffer.from(bytes).toString('base64')}`);
      });
    },
  };
}
