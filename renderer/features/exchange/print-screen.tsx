import { useEffect, useRef, useState } from 'react';
import { ArrowLeft, FileSignature, Printer } from 'lucide-react';
import type { ExportFile } from '../../../shared/ipc/export';
import type { IpcError, IpcResult } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { useLoad } from '../../lib/use-load';
import { KIND_KEY } from '../../lib/document-labels';
import { ExportDialog } from './export-dialog';
import { blobFromBase64 } from '../../lib/file-bytes';
import type { ExportPlan } from './use-export-plan';
import './exchange.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; error: IpcError }
  | { state: 'ready'; plan: ExportPlan; file: ExportFile; url: string };

interface PrintFile {
  plan: ExportPlan;
  file: ExportFile;
}

async function loadPrintFile(documentId: string, version: number | undefined): Promise<IpcResult<PrintFile>> {
  const plan = await api.invoke('export.prepare', version === undefined ? { documentId } : { documentId, version });
  if (!plan.ok) return plan;
  const file = await api.invoke('export.print', { documentId, version: plan.value.version });
  if (!file.ok) return file;
  return { ok: true, value: { plan: plan.value, file: file.value } };
}

/** A blob URL for the frame while the file is shown; revoked when it is replaced or the screen goes. */
function useBlobUrl(file: ExportFile | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) return setUrl(null);
    const made = URL.createObjectURL(blobFromBase64(file.fileBase64, file.mimeType));
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}

/**
 * Renders the version to PDF once (every print is logged by the service) and holds a blob URL for the
 * frame. The document is in the vault's language (NO: bokmål, DK: Danish), whatever the UI's language.
 */
function usePrintFile(documentId: string, version: number | undefined): Loaded {
  const { loaded } = useLoad(`${documentId}@${version ?? 'current'}`, () => loadPrintFile(documentId, version));
  const url = useBlobUrl(loaded.state === 'ready' ? loaded.value.file : null);
  if (loaded.state === 'failed') return loaded;
  if (loaded.state !== 'ready' || !url) return { state: 'loading' };
  return { state: 'ready', ...loaded.value, url };
}

/**
 * Print preview of a document version (visit routine, plans, minutes): the rendered PDF with its
 * markings, as it will come out of the printer. Outside the desktop app the preview is the PDF itself.
 */
export function PrintScreen({ documentId, version }: { documentId: string; version?: number }) {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const loaded = usePrintFile(documentId, version);
  const frame = useRef<HTMLIFrameElement>(null);
  const [exporting, setExporting] = useState(false);
  const [printFailed, setPrintFailed] = useState(false);

  /** The desktop app prints through the main process (the system print dialog); the browser shell prints the frame. */
  const print = async () => {
    if (loaded.state !== 'ready') return;
    const viaShell = await api.invoke('files.print', { documentId, version: loaded.plan.version });
    if (viaShell.ok && viaShell.value.outcome !== 'unavailable') {
      setPrintFailed(viaShell.value.outcome !== 'printed');
      return;
    }
    try {
      const target = frame.current?.contentWindow;
      if (!target) throw new Error('no frame');
      target.focus();
      target.print();
      setPrintFailed(false);
    } catch {
      setPrintFailed(true);
    }
  };

  const ready = loaded.state === 'ready' ? loaded : null;
  const description = ready
    ? t(ready.file.draft ? 'exchange.print.descriptionDraft' : 'exchange.print.description', {
        kind: t(KIND_KEY[ready.plan.kind]),
        version: ready.plan.version,
        grading: ready.file.grading.level,
      })
    : t('exchange.print.intro');

  return (
    <UnlockedShell screen="print">
      <div className="content">
        <PageHeader
          title={t('exchange.print.title')}
          description={<p data-testid="print-description">{description}</p>}
          actions={
            <>
              <Button
                icon={ArrowLeft}
                onClick={() =>
                  navigate(
                    version === undefined
                      ? { screen: 'document', documentId }
                      : { screen: 'document', documentId, version },
                  )
                }
              >
                {t('exchange.print.back')}
              </Button>
              {ready && !ready.file.draft ? (
                <Button icon={FileSignature} onClick={() => setExporting(true)}>
                  {t('exchange.print.export')}
                </Button>
              ) : null}
              <Button
                variant="primary"
                icon={Printer}
                disabled={!ready}
                onClick={() => void print()}
                data-testid="print-button"
              >
                {t('exchange.print.print')}
              </Button>
            </>
          }
        />
        {loaded.state === 'failed' ? <StatusMessage tone="error" title={tError(loaded.error)} /> : null}
        {printFailed ? <StatusMessage tone="warning" title={t('exchange.print.printFailed')} /> : null}
        {ready?.file.draft ? (
          <StatusMessage tone="info" title={t('exchange.print.draftNote')} className="print-toolbar" />
        ) : null}
        {ready ? (
          <iframe
            ref={frame}
            className="print-frame"
            src={ready.url}
            title={t('exchange.print.frameTitle')}
            data-testid="print-frame"
            data-grading={ready.file.grading.level}
          />
        ) : (
          <div className="print-frame print-frame-placeholder" aria-busy={loaded.state === 'loading' || undefined}>
            {loaded.state === 'loading' ? t('exchange.print.rendering') : null}
          </div>
        )}
        {ready ? (
          <ExportDialog
            documentId={documentId}
            version={ready.plan.version}
            open={exporting}
            onClose={() => setExporting(false)}
          />
        ) : null}
      </div>
    </UnlockedShell>
  );
}
