import type { filesChannels } from '../../shared/ipc/files';
import { MAX_SIGNED_FILE_BYTES } from '../../shared/ipc/export';
import type { FileDialogs } from '../files/file-dialogs';
import type { FileSaver } from '../files/file-saver';
import { openChosenFile } from '../files/open-file';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { HandlersOf } from './channel-handlers';
import { isAppError } from '../ipc/app-error';
import { DOCUMENT_LOCALE } from '../../shared/domain';
import { recordExport, renderExport, type ExportDeps, type RenderedExport } from './export-service';
import { context } from './service-context';
import { signingHandlers } from './signing-service';
import type { LastFolder } from '../files/last-folder';

/**
 * Prints a rendered PDF through the shell (Electron: a hidden window's `webContents.print`). A shell
 * without one (the browser shell) leaves printing to the page, which prints with the browser.
 * `cancelled`: the user closed the print dialog; `failed`: the print job could not be sent.
 */
export interface Printer {
  printPdf(bytes: Uint8Array): Promise<'printed' | 'cancelled' | 'failed'>;
}

export type FileServiceDeps = ExportDeps & {
  files: FileSaver;
  dialogs: FileDialogs;
  prefs: PrefsStore;
  lastFolder: LastFolder;
  printer: Printer | null;
};

/**
 * Logs a print whose paper has left. The system print dialog can stay open past an auto-lock or the
 * screen lock: a print that comes back to a locked vault is logged at its next unlock, dated when it
 * was printed, so no print goes unlogged (DOMAIN.md: every export is logged). Only a quit before that
 * unlock loses it.
 */
function recordPrint(deps: FileServiceDeps, rendered: RenderedExport, at: Date): void {
  const logged = { ...deps, now: () => at };
  try {
    recordExport(logged, rendered);
  } catch (error) {
    if (!isAppError(error) || error.code !== 'locked') throw error;
    const stop = deps.session.onChange((event) => {
      if (event.type !== 'unlocked') return;
      stop();
      try {
        recordExport(logged, rendered);
      } catch {
        // The document was purged meanwhile: nothing is left to log the print against, and the unlock
        // itself must not fail for it.
      }
    });
  }
}

export function fileHandlers(deps: FileServiceDeps): HandlersOf<typeof filesChannels> {
  const signing = signingHandlers(deps);
  return {
    'files.openSigned': async () => {
      const opened = await openChosenFile(deps, 'signed', MAX_SIGNED_FILE_BYTES);
      if (!opened.chosen) return { chosen: false };
      return { chosen: true, fileName: opened.fileName, fileBase64: Buffer.from(opened.bytes).toString('base64') };
    },
    'files.print': async (input) => {
      const rendered = await renderExport(deps, 'print', input);
      // The browser's print dialog reports neither a print nor a cancel, so a print handed to it is
      // logged then: logged once too often rather than never. The preview (export.print) logs nothing.
      if (!deps.printer) {
        recordExport(deps, rendered);
        return { outcome: 'unavailable' };
      }
      const outcome = await deps.printer.printPdf(rendered.bytes);
      // Only paper that left is logged as a print.
      if (outcome === 'printed') recordPrint(deps, rendered, deps.now());
      return { outcome };
    },
    'signing.saveCertificate': async () => {
      const { pem, fileName } = await signing['signing.certificate']({});
      return deps.files.save('certificate', fileName, new TextEncoder().encode(pem));
    },
    'signing.saveFingerprintSheet': async ({ locale }) => {
      const sheetLocale = locale ?? DOCUMENT_LOCALE[context(deps).profile];
      const { fileName, pdfBase64 } = await signing['signing.fingerprintSheet']({ locale: sheetLocale });
      return deps.files.save('fingerprintSheet', fileName, new Uint8Array(Buffer.from(pdfBase64, 'base64')));
    },
  };
}
