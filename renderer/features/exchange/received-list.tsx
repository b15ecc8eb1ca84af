import type { ReceivedSummary } from '../../../shared/ipc/export';
import { useI18n } from '../../app/i18n';
import { KIND_KEY } from '../../lib/document-labels';
import { formatDateTime } from '../../lib/date-format';

/** Documents received in signed containers, newest first. */
export function ReceivedList({ documents }: { documents: readonly ReceivedSummary[] | null }) {
  const { t, locale } = useI18n();
  return (
    <section className="verify-section" aria-labelledby="received-title" data-testid="received-list">
      <h2 id="received-title" className="verify-section-title">
        {t('exchange.received.title')}
      </h2>
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
            </tr>
          </thead>
          <tbody>
            {documents.map((doc) => (
              <tr key={doc.id}>
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
