import { basename } from 'node:path';
import type { handoverChannels } from '../../shared/ipc/handover';
import type { FileSaver } from '../files/file-saver';
import type { HandlersOf } from './channel-handlers';
import { handoverFileName, planHandover, recordHandover, renderHandover } from './handover-package';
import { context, type ServiceDeps } from './service-context';

export type HandoverSaveDeps = ServiceDeps & { files: FileSaver };

/**
 * The handover package, written where the user chose in the main process's save dialog (never a
 * browser download). The choices are checked before the dialog opens; a cancel signs, writes and logs
 * nothing; the logs are written in the transaction that puts the file in place.
 */
export function handoverSaveHandlers(
  deps: HandoverSaveDeps,
): Pick<HandlersOf<typeof handoverChannels>, 'handover.save'> {
  return {
    'handover.save': async (input) => {
      const ctx = context(deps);
      planHandover(ctx, input);
      const path = await deps.files.choose('asice', handoverFileName(ctx.today));
      if (!path) return { saved: false };
      const rendered = await renderHandover(deps, input);
      const saved = deps.files.write(path, rendered.bytes, (putInPlace) => recordHandover(deps, rendered, putInPlace));
      return {
        saved: true,
        fileName: basename(path),
        sha256: rendered.sha256,
        size: rendered.bytes.length,
        grading: rendered.manifest.grading,
        packageId: saved.id,
        documents: rendered.manifest.documents.length,
      };
    },
  };
}
