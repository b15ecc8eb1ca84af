import { useState } from 'react';
import { ArrowLeft, Trash2 } from 'lucide-react';
import type { DeletedCase } from '../../../shared/ipc/purge';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { UnlockedShell } from '../../app/shell';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { PageHeader } from '../../components/page-header';
import { api } from '../../lib/api';
import { formatIsoDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';
import { PurgeDialog } from './purge-dialog';
import { PurgedNotice } from './purged-notice';

/**
 * Deleted cases not yet purged (issue 14): deleting takes a case off every list but leaves it in the
 * file, so here each is shown with the day its retention runs out, and purged for good from here.
 */
export function DeletedCasesScreen() {
  const { t, locale } = useI18n();
  const { navigate } = useRouter();
  const load = useLoad('deleted-cases', () => api.invoke('cases.deletedList', {}));
  const [purging, setPurging] = useState<DeletedCase | null>(null);
  const cases = load.loaded.state === 'ready' ? load.loaded.value.cases : null;
  const date = (value: string) => formatIsoDate(locale, value);
  return (
    <UnlockedShell screen="deletedCases">
      <div className="content">
        <PageHeader
          title={t('purge.deleted.title')}
          description={<p>{t('purge.deleted.intro')}</p>}
          actions={
            <Button variant="secondary" icon={ArrowLeft} onClick={() => navigate({ screen: 'cases' })}>
              {t('purge.deleted.back')}
            </Button>
          }
        />
        <PurgedNotice />
        {load.loaded.state === 'failed' ? <LoadFailed error={load.loaded.error} onRetry={load.reload} /> : null}
        {load.loaded.state === 'loading' ? <p className="panel-description">{t('common.loading')}</p> : null}
        {cases === null ? null : cases.length === 0 ? (
          <p className="panel-description" data-testid="deleted-cases-empty">
            {t('purge.deleted.empty')}
          </p>
        ) : (
          <table className="data-table" data-testid="deleted-cases">
            <caption className="visually-hidden">{t('purge.deleted.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('purge.deleted.reference')}</th>
                <th scope="col">{t('purge.deleted.deletedOn')}</th>
                <th scope="col">{t('purge.deleted.reason')}</th>
                <th scope="col">{t('purge.deleted.retention')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('purge.deleted.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {cases.map((kase) => (
                <tr key={kase.caseId} data-testid="deleted-case" data-case={kase.caseId}>
                  <td>{kase.caseReference}</td>
                  <td>{date(kase.deletedOn)}</td>
                  <td>{kase.reason}</td>
                  <td data-testid="deleted-case-retention" data-due={kase.due ? 'yes' : 'no'}>
                    {t(kase.due ? 'purge.deleted.due' : 'purge.deleted.notDue', {
                      closedOn: date(kase.closedOn),
                      dueOn: date(kase.dueOn),
                      years: kase.retentionYears,
                    })}
                  </td>
                  <td>
                    <Button
                      variant="secondary"
                      icon={Trash2}
                      onClick={() => setPurging(kase)}
                      data-testid="deleted-case-purge"
                      aria-label={t('purge.deleted.purgeCase', { reference: kase.caseReference })}
                    >
                      {t('purge.dialog.open')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {purging ? (
          <PurgeDialog
            key={purging.caseId}
            caseId={purging.caseId}
            reference={purging.caseReference}
            open
            onClose={() => setPurging(null)}
            onPurged={(reference, overwritten) => {
              setPurging(null);
              navigate({ screen: 'deletedCases', purged: reference, overwritePending: !overwritten });
              load.reload();
            }}
          />
        ) : null}
      </div>
    </UnlockedShell>
  );
}
