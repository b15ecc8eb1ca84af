import { useState } from 'react';
import { Import, SearchCheck } from 'lucide-react';
import type { VerificationReport } from '../../../shared/domain/verification';
import { HANDOVER_MANIFEST_NAME } from '../../../shared/domain/transfer';
import type { HandoverImportResult, HandoverPreview } from '../../../shared/ipc/handover';
import { hasMessage } from '../../../shared/i18n/translate';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { formatIsoDate } from '../../lib/format';
import { KIND_KEY } from '../../lib/document-labels';
import { LEFT_OUT_KEY, TRANSFER_KIND_KEY } from './labels';

/** A verified container that is a handover package (it signs Bro's handover manifest). */
export function isHandoverReport(report: VerificationReport): boolean {
  return report.files.some((file) => file.name === HANDOVER_MANIFEST_NAME && file.state === 'signed');
}

type Refusal = { messageKey: string };

/** What arrives, before importing: each document, marked where the case already received that version. */
export function PreviewView({ preview }: { preview: Extract<HandoverPreview, { outcome: 'acceptable' }> }) {
  const { t, locale } = useI18n();
  const { contents } = preview;
  return (
    <div data-testid="handover-preview">
      <p>
        {t('handover.import.arrives', {
          reference: contents.caseReference,
          name: contents.name,
          sendingUnit: contents.sendingUnit,
          receivingUnit: contents.receivingUnit,
          kind: t(TRANSFER_KIND_KEY[contents.transferKind]),
          plannedDate: formatIsoDate(locale, contents.plannedDate),
          grading: contents.grading.level,
        })}
      </p>
      <ul>
        {contents.documents.map((doc, index) => (
          <li key={index} data-testid={doc.alreadyReceived ? 'handover-document-received' : 'handover-document'}>
            {doc.alreadyReceived
              ? t('handover.import.documentAlreadyReceived', { kind: t(KIND_KEY[doc.kind]), version: doc.version })
              : t('handover.import.document', {
                  kind: t(KIND_KEY[doc.kind]),
                  version: doc.version,
                  grading: doc.grading.level,
                  reason: doc.reason,
                })}
          </li>
        ))}
        {contents.leftOut.map((left) => (
          <li key={left.senderDocumentId}>
            {t('handover.import.leftOut', {
              kind: t(KIND_KEY[left.kind]),
              reason: left.note ?? t(LEFT_OUT_KEY[left.reason]),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** After a merge: how many of the package's documents the case had already and were not added again. */
export function AlreadyReceivedNote({ count }: { count: number }) {
  const { t } = useI18n();
  if (count === 0) return null;
  return <p data-testid="handover-already-received">{t('handover.import.alreadyReceived', { count })}</p>;
}

/**
 * Import of a handover package at the receiving unit, after the verify screen's verdict: check what
 * arrives first (the same verification, nothing written), then import. A case with the same reference
 * is never overwritten: the documents go into it only when the user ticks the merge choice.
 */
export function HandoverImportPanel({
  fileName,
  fileBase64,
  needsAccept,
}: {
  fileName: string;
  fileBase64: string;
  needsAccept: boolean;
}) {
  const { t, tError, locale } = useI18n();
  const { navigate } = useRouter();
  const [accepted, setAccepted] = useState(false);
  const [merge, setMerge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<HandoverPreview | null>(null);
  const [result, setResult] = useState<HandoverImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const acceptUntrusted = needsAccept && accepted;

  const check = async () => {
    setBusy(true);
    const answer = await api.invoke('handover.preview', { fileName, fileBase64, acceptUntrusted });
    setBusy(false);
    if (!answer.ok) return setFailure(tError(answer.error));
    setPreview(answer.value);
  };
  const run = async (existingCaseId: string | null) => {
    setBusy(true);
    const mergeInto = merge && existingCaseId ? { mergeIntoCaseId: existingCaseId } : {};
    const answer = await api.invoke('handover.import', { fileName, fileBase64, acceptUntrusted, ...mergeInto });
    setBusy(false);
    if (!answer.ok) return setFailure(tError(answer.error));
    setResult(answer.value);
  };
  const refusal: Refusal | null =
    result?.outcome === 'refused' ? result.reason : preview?.outcome === 'refused' ? preview.reason : null;
  const acceptable = preview?.outcome === 'acceptable' ? preview : null;

  return (
    <section className="panel verify-section" aria-labelledby="handover-import-title" data-testid="handover-import">
      <h2 id="handover-import-title" className="panel-title">
        {t('handover.import.title')}
      </h2>
      <p className="panel-description">{t('handover.import.intro')}</p>
      {needsAccept ? (
        <Checkbox
          label={t('handover.import.acceptUntrusted')}
          checked={accepted}
          disabled={preview !== null}
          onCheckedChange={setAccepted}
          data-testid="handover-accept"
        />
      ) : null}
      {acceptable ? <PreviewView preview={acceptable} /> : null}
      {acceptable?.existingCaseId && result === null ? (
        <>
          <StatusMessage tone="warning" title={t('handover.import.mergeOffer')} />
          <Checkbox
            label={t('handover.import.merge', { reference: acceptable.contents.caseReference })}
            checked={merge}
            onCheckedChange={setMerge}
            data-testid="handover-merge"
          />
        </>
      ) : null}
      <div className="form-actions">
        {preview === null ? (
          <Button
            variant="primary"
            icon={SearchCheck}
            busy={busy}
            disabled={needsAccept && !accepted}
            onClick={() => void check()}
            data-testid="handover-preview-submit"
          >
            {t('handover.import.preview')}
          </Button>
        ) : acceptable && result === null ? (
          <Button
            variant="primary"
            icon={Import}
            busy={busy}
            onClick={() => void run(acceptable.existingCaseId)}
            data-testid="handover-import-submit"
          >
            {t('handover.import.submit')}
          </Button>
        ) : null}
      </div>
      <div aria-live="polite">
        {failure ? <StatusMessage tone="error" title={failure} /> : null}
        {refusal ? (
          <StatusMessage
            tone="error"
            title={hasMessage(locale, refusal.messageKey) ? t(refusal.messageKey) : t('export.import.refused')}
            testId="handover-refused"
          />
        ) : null}
        {result?.outcome === 'imported' ? (
          <StatusMessage
            tone="success"
            title={t('handover.import.done', { count: result.documentIds.length })}
            testId="handover-imported"
          >
            <AlreadyReceivedNote count={result.alreadyReceived} />
            <Button
              onClick={() => navigate({ screen: 'case', caseId: result.caseId })}
              data-testid="handover-open-case"
            >
              {t('handover.import.openCase')}
            </Button>
          </StatusMessage>
        ) : null}
      </div>
    </section>
  );
}
