import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { ReceivedSummary } from '../../../shared/ipc/export';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { StatusMessage } from '../../components/status-message';
import { KIND_KEY } from '../../lib/document-labels';
import { formatDateTime } from '../../lib/date-format';
import { ReceivedPurgeDialog } from './received-purge';

/** Documents received in signed containers, newest first; each can be purged for good. */
export function ReceivedList({
  documents,
  onChanged,
}: {
  documents: readonly ReceivedSummary[] | null;
  /** After a purge: the list is read again. */
  onChanged(): void;
}) {
  const { t, locale } = useI18n();
  const [purging, setPurging] = useState<ReceivedSummary | null>(null);
  const [done, setDone] = useState<{ overwritten: boolean } | null>(null);
  return (
    <section className="verify-section" aria-labelledby="received-title" data-testid="received-list">
      <h2 id="received-title" className="verify-section-title">
        {t('exchange.received.title')}
      </h2>
      <div aria-live="polite">
        {done ? (
          <StatusMessage
            tone={done.overwritten ? 'success' : 'warning'}
            testId="received-purged-notice"
            title={t(done.overwritten ? 'exchange.received.done' : 'exchange.received.donePending')}
          />
        ) : null}
      </div>
      {documents === null ? (
        <p className="export-loading">{t('common.loading')}</p>
      ) : documents.length === 0 ? (
        <p className="panel-description">{t('exchange.received.empty')}</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">{t('exchange.received.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('exchange.import.kind')}</th>
              <th scope="col">{t('exchange.import.caseReference')}</th>
              <th scope="col">{t('exchange.import.grading')}</th>
              <th scope="col">{t('exchange.import.source')}</th>
              <th scope="col">{t('exchange.import.receivedAt')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('exchange.received.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id} data-testid="received-document">
                <td>
                  {t('exchange.received.kindVersion', { kind: t(KIND_KEY[doc.kind]), version: doc.documentVersion })}
                </td>
                <td>{doc.caseReference}</td>
                <td>{doc.grading}</td>
                <td>
                  {doc.source}
                  {doc.signerTrusted ? null : <span className="tag">{t('exchange.received.untrusted')}</span>}
                </td>
                <td>{formatDateTime(locale, doc.receivedAt)}</td>
                <td>
                  {doc.heldByCase ? (
                    <span className="panel-description">{t('exchange.received.withCase')}</span>
                  ) : (
                    <Button
                      icon={Trash2}
                      onClick={() => {
                        setDone(null);
                        setPurging(doc);
                      }}
                      aria-label={t('exchange.received.purgeNamed', {
                        kind: t(KIND_KEY[doc.kind]),
                        reference: doc.caseReference,
                      })}
                      data-testid="received-purge"
                    >
                      {t('exchange.received.purge')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ReceivedPurgeDialog
        doc={purging}
        onClose={() => setPurging(null)}
        onPurged={(overwritten) => {
          setPurging(null);
          setDone({ overwritten });
          onChanged();
        }}
      />
    </section>
  );
}
