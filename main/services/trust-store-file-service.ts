import { MAX_TRUST_FILE_BYTES, type trustChannels } from '../../shared/ipc/trust';
import type { FileDialogs } from '../files/file-dialogs';
import { openChosenFile } from '../files/open-file';
import type { PrefsStore } from '../prefs/prefs-schema';
import type { HandlersOf } from './channel-handlers';
import { context, type ServiceDeps } from './service-context';
import { addToTrustStore } from './trust-store-service';
import type { LastFolder } from '../files/last-folder';

export type TrustStoreFileDeps = ServiceDeps & { dialogs: FileDialogs; prefs: PrefsStore; lastFolder: LastFolder };

/**
 * A CA certificate or CRL enters the trust store through the shell's open dialog: main checks the
 * size before reading (files.openSigned does the same), then adds it with the function `bro trust add`
 * uses. The renderer learns the file's name and what was added, never the folder.
 */
export function trustStoreFileHandlers(
  deps: TrustStoreFileDeps,
): Pick<HandlersOf<typeof trustChannels>, 'trust.addFromFile'> {
  return {
    'trust.addFromFile': async () => {
      context(deps); // a locked vault is refused before the dialog opens
      const opened = await openChosenFile(deps, 'trust', MAX_TRUST_FILE_BYTES);
      if (!opened.chosen) return { chosen: false };
      const result = addToTrustStore(deps, [{ name: opened.fileName, bytes: opened.bytes }]);
      return { chosen: true, fileName: opened.fileName, ...result };
    },
  };
}
