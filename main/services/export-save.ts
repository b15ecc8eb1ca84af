import { basename } from 'node:path';
import type { exportChannels } from '../../shared/ipc/export';
import type { ExportSaved } from '../../shared/ipc/files';
import type { FileSaver } from '../files/file-saver';
import { AppError } from '../ipc/app-error';
import type { HandlersOf } from './channel-handlers';
import { exportFileName, recordExport, renderExport, type ExportDeps, type ExportRequest } from './export-service';
import { loadVersion } from './export-source';
import { context } from './service-context';

export type ExportSaveDeps = ExportDeps & { files: FileSaver };

/**
 * A signed file for a recipient, written where the user chose. The dialog comes first, so a cancel
 * signs nothing, writes nothing and logs nothing. After signing, the bytes are flushed to a temp file
 * beside the target, and the export and distribution logs are written in one transaction whose last
 * step renames the file into place: the logs never name a file that was not written.
 */
export async function saveExport(
  deps: ExportSaveDeps,
  format: 'pdf' | 'asice',
  request: ExportRequest,
): Promise<ExportSaved> {
  const loaded = loadVersion(context(deps), request.documentId, request.version);
  if (loaded.version.status !== 'final')
    throw new AppError('conflict', 'export.notFinal', { version: loaded.version.version }, ['version']);
  const suggested = exportFileName(loaded.data.kind, loaded.version.version, false, format);
  const path = await deps.files.choose(format === 'asice' ? 'asice' : 'signedPdf', suggested);
  if (!path) return { saved: false };
  const rendered = await renderExport(deps, format, { ...request, version: loaded.version.version });
  const { meta } = deps.files.write(path, rendered.bytes, (putInPlace) => recordExport(deps, rendered, putInPlace));
  return {
    saved: true,
    fileName: basename(path),
    sha256: meta.sha256,
    size: meta.size,
    grading: meta.grading,
    exportId: meta.exportId,
    distributionId: meta.distributionId,
  };
}

export function exportSaveHandlers(
  deps: ExportSaveDeps,
): Pick<HandlersOf<typeof exportChannels>, 'export.pdf' | 'export.asice'> {
  return {
    'export.pdf': (input) => saveExport(deps, 'pdf', input),
    'export.asice': (input) => saveExport(deps, 'asice', input),
  };
}
