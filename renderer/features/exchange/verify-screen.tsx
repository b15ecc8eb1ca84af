import { useEffect, useRef, useState } from 'react';
import { RotateCcw } from 'lucide-react';
import type { VerificationReport } from '../../../shared/domain/verification';
import { MAX_SIGNED_FILE_BYTES, type ReceivedSummary } from '../../../shared/ipc/export';
import { useI18n } from '../../app/i18n';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { mapOk, useLoad, valueOr, type Load } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { FileDrop } from './file-drop';
import { readFileAsBase64 } from '../../lib/file-bytes';
import { ImportPanel } from './import-panel';
import { HandoverImportPanel, isHandoverReport } from '../handover/handover-import-panel';
import { ReceivedList } from './received-list';
import { VerifyReportView } from './verify-report-view';
import { plainVerdict } from './verify-report';
import './exchange.css';

type Step =
  | { state: 'idle' }
  | { state: 'checking'; fileName: string }
  | { state: 'failed'; message: string }
  | { state: 'checked'; fileName: string; fileBase64: string; report: VerificationReport };

/** The documents received so far; a refusal shows as an error with retry, never as "none received". */
function useReceived(): Load<ReceivedSummary[]> {
  return useLoad('received', async () => mapOk(await api.invoke('import.list', {}), (value) => value.documents));
}

/**
 * Verify a signed PDF or container someone handed over, then import a container whose signature holds.
 * The file's bytes go to the verify channel; the renderer never sees or sends a path.
 */
export function VerifyScreen() {
  const { t, tError, locale } = useI18n();
  const [step, setStep] = useState<Step>({ state: 'idle' });
  const received = useReceived();
  const reloadReceived = received.reload;
  const [attempt, setAttempt] = useState(0);
  const verdictHeading = useRef<HTMLElement | null>(null);

  useEffect(() => {
    if (step.state !== 'checked') return;
    // Move focus to the verdict so it is read at once, and keyboard users continue from there.
    verdictHeading.current = document.getElementById('verify-verdict-title');
    verdictHeading.current?.focus();
  }, [step]);

  const verifyBytes = async (fileName: string, fileBase64: string) => {
    const result = await api.invoke('verify.file', { fileName, fileBase64 });
    if (!result.ok) setStep({ state: 'failed', message: tError(result.error) });
    else setStep({ state: 'checked', fileName, fileBase64, report: result.value });
    setAttempt((n) => n + 1);
  };

  /** The shell's open dialog: the main process checks the size before it reads the file. */
  const choose = async () => {
    const opened = await api.invoke('files.openSigned', {});
    if (!opened.ok) return setStep({ state: 'failed', message: tError(opened.error) });
    if (!opened.value.chosen) return;
    setStep({ state: 'checking', fileName: opened.value.fileName });
    await verifyBytes(opened.value.fileName, opened.value.fileBase64);
  };

  /** A file dropped on the window: its size is checked before it is read. */
  const check = async (file: File) => {
    setStep({ state: 'checking', fileName: file.name });
    const read = await readFileAsBase64(file, MAX_SIGNED_FILE_BYTES);
    if (!read.ok) {
      setStep({
        state: 'failed',
        message: t(read.reason === 'tooLarge' ? 'exchange.verify.tooLarge' : 'exchange.verify.empty', {
          fileName: file.name,
        }),
      });
      return;
    }
    await verifyBytes(file.name, read.base64);
  };

  const verdict = step.state === 'checked' ? plainVerdict(locale, step.report) : null;
  return (
    <UnlockedShell screen="verify">
      <div className="content content-narrow">
        <PageHeader
          title={t('exchange.verify.title')}
          description={<p>{t('exchange.verify.intro')}</p>}
          actions={
            step.state === 'checked' || step.state === 'failed' ? (
              <Button icon={RotateCcw} onClick={() => setStep({ state: 'idle' })}>
                {t('exchange.verify.another')}
              </Button>
            ) : null
          }
        />
        {step.state === 'idle' || step.state === 'checking' || step.state === 'failed' ? (
          <FileDrop
            label={t('exchange.verify.choose')}
            hint={t('exchange.verify.dropHint')}
            accept=".asice,.sce,.pdf,application/vnd.etsi.asic-e+zip,application/pdf"
            disabled={step.state === 'checking'}
            onFile={(file) => void check(file)}
            onChoose={() => void choose()}
            testId="verify-drop"
          />
        ) : null}
        <div aria-live="polite" className="verify-live">
          {step.state === 'checking' ? (
            <StatusMessage tone="info" title={t('exchange.verify.checking', { fileName: step.fileName })} />
          ) : null}
        </div>
        {step.state === 'failed' ? <StatusMessage tone="error" title={step.message} testId="verify-error" /> : null}
        {step.state === 'checked' && verdict ? (
          <>
            <VerifyReportView report={step.report} fileName={step.fileName} />
            {verdict.canImport && isHandoverReport(step.report) ? (
              <HandoverImportPanel
                key={attempt}
                fileName={step.fileName}
                fileBase64={step.fileBase64}
                needsAccept={verdict.needsAccept}
              />
            ) : verdict.canImport ? (
              <ImportPanel
                key={attempt}
                fileName={step.fileName}
                fileBase64={step.fileBase64}
                needsAccept={verdict.needsAccept}
                onImported={reloadReceived}
              />
            ) : step.report.format === 'pdf' &&
              (step.report.status === 'valid' || step.report.status === 'valid_untrusted') ? (
              <StatusMessage tone="info" title={t('exchange.verify.pdfNotImported')} className="verify-section" />
            ) : null}
          </>
        ) : null}
        {received.loaded.state === 'failed' ? (
          <LoadFailed error={received.loaded.error} onRetry={received.reload} />
        ) : (
          <ReceivedList documents={valueOr(received.loaded, null)} onChanged={reloadReceived} />
        )}
      </div>
    </UnlockedShell>
  );
}
