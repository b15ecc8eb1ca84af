import { useEffect, useRef, useState } from 'react';
import { ArrowLeft, FileSignature, Printer } from 'lucide-react';
import type { PrintPreview } from '../../../shared/ipc/export';
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
import { afterShellPrint, type PrintProblem } from './print-outcome';
import { blobFromBase64 } from '../../lib/file-bytes';
import type { ExportPlan } from './use-export-plan';
import './exchange.css';

type Loaded =
  | { state: 'loading' }
  | { state: 'failed'; error: IpcError }
  | { state: 'ready'; plan: ExportPlan; file: PrintPreview; url: string };

interface PrintFile {
  plan: ExportPlan;
  file: PrintPreview;
}

async function loadPrintFile(documentId: string, version: number | undefined): Promise<IpcResult<PrintFile>> {
  const plan = await api.invoke('export.prepare', version === undefined ? { documentId } : { documentId, version });
  if (!plan.ok) return plan;
  const file = await api.invoke('export.print', { documentId, version: plan.value.version });
  if (!file.ok) return file;
  return { ok: true, value: { plan: plan.value, file: file.value } };
}

/** A blob URL for the frame while the file is shown; revoked when it is replaced or the screen goes. */
function useBlobUrl(file: PrintPreview | null): string | null {
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
 * Renders the version to PDF once for the preview (not logged: only the print is, by files.print) and
 * holds a blob URL for the frame. The document is in the vault's language (NO: bokmål, DK: Danish),
 * whatever the UI's language.
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
  const [printing, setPrinting] = useState(false);
  const [printProblem, setPrintProblem] = useState<PrintProblem | null>(null);

  /**
   * The desktop app prints through the main process (the system print dialog), which logs the print
   * once it is printed; a cancelled dialog just returns here. The browser shell logs the print and
   * leaves it to the page, which prints the frame.
   */
  const printPage = (): PrintProblem | null => {
    try {
      const target = frame.current?.contentWindow;
      if (!target) throw new Error('no frame');
      target.focus();
      target.print();
      return null;
    } catch {
      return { error: null };
    }
  };
  const print = async () => {
    if (loaded.state !== 'ready') return;
    setPrintProblem(null);
    setPrinting(true);
    try {
      const next = afterShellPrint(await api.invoke('files.print', { documentId, version: loaded.plan.version }));
      if (next === 'printPage') setPrintProblem(printPage());
      else if (next !== 'done') setPrintProblem(next);
    } finally {
      setPrinting(false);
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
                disabled={!ready || printing}
                onClick={() => void print()}
                data-testid="print-button"
              >
                {t('exchange.print.print')}
              </Button>
            </>
          }
        />
        {loaded.state === 'failed' ? <StatusMessage tone="error" title={tError(loaded.error)} /> : null}
        {printProblem ? (
          <StatusMessage
            tone="warning"
            title={printProblem.error ? tError(printProblem.error) : t('exchange.print.printFailed')}
            testId="print-problem"
          />
        ) : null}
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
