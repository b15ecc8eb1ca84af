import type { InnsynCopy } from '../../../shared/ipc/innsyn';
import { useI18n } from '../../app/i18n';

/** The case's earlier innsyn copies: when, how many exemptions, and the file's fingerprint. */
export function CopyLog({ copies }: { copies: readonly InnsynCopy[] }) {
  const { t, formatDate } = useI18n();
  return (
    <section className="innsyn-section" aria-labelledby="innsyn-log-title">
      <h2 id="innsyn-log-title">{t('innsyn.log.title')}</h2>
      {copies.length === 0 ? (
        <p className="innsyn-muted">{t('innsyn.log.none')}</p>
      ) : (
        <table className="innsyn-log" data-testid="innsyn-log">
          <thead>
            <tr>
              <th scope="col">{t('innsyn.log.date')}</th>
              <th scope="col">{t('innsyn.log.entries')}</th>
              <th scope="col">{t('innsyn.log.bases')}</th>
              <th scope="col">{t('innsyn.log.sha256')}</th>
            </tr>
          </thead>
          <tbody>
            {copies.map((c) => (
              <tr key={c.id}>
                <td>{formatDate(new Date(c.createdAt))}</td>
                <td>{c.entries.length}</td>
                <td>{[...new Set(c.entries.map((e) => e.citation))].join('; ')}</td>
                <td className="innsyn-sha">{c.fileSha256.slice(0, 16)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
