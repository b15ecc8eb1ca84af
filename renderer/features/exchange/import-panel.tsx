import { useState } from 'react';
import { Import } from 'lucide-react';
import type { ImportResult, ReceivedSummary } from '../../../shared/ipc/export';
import { hasMessage } from '../../../shared/i18n/translate';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { KIND_KEY } from '../../lib/document-labels';
import { formatDateTime } from '../../lib/date-format';

/** What was imported: the document, its case reference and grading, and who sent it. */
export function ReceivedFacts({ received }: { received: ReceivedSummary }) {
  const { t, locale } = useI18n();
  return (
    <dl className="facts" data-testid="import-received">
      <div>
        <dt>{t('exchange.import.kind')}</dt>
        <dd>{t(KIND_KEY[received.kind])}</dd>
      </div>
      <div>
        <dt>{t('exchange.import.caseReference')}</dt>
        <dd>{received.caseReference}</dd>
      </div>
      <div>
        <dt>{t('exchange.import.version')}</dt>
        <dd>{received.documentVersion}</dd>
      </div>
      <div>
        <dt>{t('exchange.import.grading')}</dt>
        <dd>{received.grading}</dd>
      </div>
      <div>
        <dt>{t('exchange.import.source')}</dt>
        <dd>{received.source}</dd>
      </div>
      <div>
        <dt>{t('exchange.import.receivedAt')}</dt>
        <dd>{formatDateTime(locale, received.receivedAt)}</dd>
      </div>
    </dl>
  );
}

type Outcome = { state: 'idle' } | { state: 'failed'; message: string } | { state: 'done'; result: ImportResult };

/**
 * Import after a successful verification. The service verifies again and refuses anything that fails,
 * writing nothing; a signer not on the trust list needs the user's explicit accept first.
 */
export function ImportPanel({
  fileName,
  fileBase64,
  needsAccept,
  onImported,
}: {
  fileName: string;
  fileBase64: string;
  needsAccept: boolean;
  onImported(): void;
}) {
  const { t, tError, locale } = useI18n();
  const [accepted, setAccepted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  const run = async () => {
    setBusy(true);
    const result = await api.invoke('import.file', { fileName, fileBase64, acceptUntrusted: needsAccept && accepted });
    setBusy(false);
    if (!result.ok) return setOutcome({ state: 'failed', message: tError(result.error) });
    setOutcome({ state: 'done', result: result.value });
    if (result.value.outcome === 'imported') onImported();
  };

  if (outcome.state === 'done' && outcome.result.outcome === 'imported') {
    return (
      <section className="panel verify-section" aria-labelledby="import-title" data-testid="import-panel">
        <h2 id="import-title" className="panel-title">
          {t('exchange.import.title')}
        </h2>
        <StatusMessage tone="success" title={t('exchange.import.done')} testId="import-done" />
        <ReceivedFacts received={outcome.result.received} />
      </section>
    );
  }

  const refusal = outcome.state === 'done' && outcome.result.outcome === 'refused' ? outcome.result.reason : null;
  return (
    <section className="panel verify-section" aria-labelledby="import-title" data-testid="import-panel">
      <h2 id="import-title" className="panel-title">
        {t('exchange.import.title')}
      </h2>
      <p className="panel-description">{t('exchange.import.intro')}</p>
      {needsAccept ? (
        <Checkbox
          label={t('exchange.import.acceptUntrusted')}
          checked={accepted}
          onCheckedChange={setAccepted}
          data-testid="import-accept"
        />
      ) : null}
      <div className="form-actions">
        <Button
          variant="primary"
          icon={Import}
          busy={busy}
          disabled={needsAccept && !accepted}
          onClick={() => void run()}
          data-testid="import-submit"
        >
          {t('exchange.import.submit')}
        </Button>
      </div>
      {outcome.state === 'failed' ? <StatusMessage tone="error" title={outcome.message} /> : null}
      {refusal ? (
        <StatusMessage tone="error" title={t('exchange.import.refusedTitle')} testId="import-refused">
          <p>{hasMessage(locale, refusal.messageKey) ? t(refusal.messageKey) : t('exchange.import.refused')}</p>
          {refusal.fields && refusal.fields.length > 0 ? (
            <p>{t('exchange.import.fields', { fields: refusal.fields.join(', ') })}</p>
          ) : null}
        </StatusMessage>
      ) : null}
    </section>
  );
}
