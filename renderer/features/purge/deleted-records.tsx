import { useState } from 'react';
import { Trash2 } from 'lucide-react';
import type { DeletedRecord, RecordKind } from '../../../shared/ipc/records';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { formatIsoDate } from '../../lib/format';
import { useLoad } from '../../lib/use-load';

/**
 * Deleted mentor records or register entries, under their register: deleting takes them out of the
 * list but not out of the file, so each is listed with its reason and purged for good from here.
 * Nothing shows while there are none. `refreshKey` changes when the register changes (a deletion).
 */
const TITLE_KEY: Readonly<Record<RecordKind, string>> = {
  mentor: 'records.deleted.title.mentor',
  contact_entry: 'records.deleted.title.contact_entry',
};

export function DeletedRecords({ kind, refreshKey }: { kind: RecordKind; refreshKey: string }) {
  const { t, tError, locale } = useI18n();
  const load = useLoad(`deleted-${kind}-${refreshKey}`, () => api.invoke('records.deleted', { kind }));
  const [purging, setPurging] = useState<DeletedRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);
  const [done, setDone] = useState<{ name: string; overwritten: boolean } | null>(null);
  const records = load.loaded.state === 'ready' ? load.loaded.value.records : [];
  const titleId = `deleted-${kind}-title`;

  const confirm = async () => {
    if (!purging) return;
    setBusy(true);
    setFailure(null);
    const result = await api.invoke('records.purge', { kind, id: purging.id });
    setBusy(false);
    if (!result.ok) return setFailure(result.error);
    setDone({ name: purging.name, overwritten: result.value.overwritten });
    setPurging(null);
    load.reload();
  };

  return (
    <>
      <div aria-live="polite">
        {done ? (
          <StatusMessage
            tone={done.overwritten ? 'success' : 'warning'}
            testId="record-purged-notice"
            title={t(done.overwritten ? 'records.deleted.done' : 'records.deleted.donePending', { name: done.name })}
          />
        ) : null}
      </div>
      {load.loaded.state === 'failed' ? <LoadFailed error={load.loaded.error} onRetry={load.reload} /> : null}
      {records.length > 0 ? (
        <section className="no-print deleted-records" aria-labelledby={titleId} data-testid={`deleted-${kind}`}>
          <h2 id={titleId}>{t(TITLE_KEY[kind])}</h2>
          <p className="panel-description">{t('records.deleted.intro')}</p>
          <table className="data-table">
            <caption className="visually-hidden">{t(TITLE_KEY[kind])}</caption>
            <thead>
              <tr>
                <th scope="col">{t('records.deleted.name')}</th>
                <th scope="col">{t('records.deleted.deletedOn')}</th>
                <th scope="col">{t('records.deleted.reason')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('records.deleted.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((record) => (
                <tr key={record.id} data-testid="deleted-record">
                  <td>{record.name}</td>
                  <td>{formatIsoDate(locale, record.deletedOn)}</td>
                  <td>{record.reason}</td>
                  <td>
                    <Button
                      icon={Trash2}
                      onClick={() => {
                        setFailure(null);
                        setDone(null);
                        setPurging(record);
                      }}
                      aria-label={t('records.deleted.purgeNamed', { name: record.name })}
                      data-testid="deleted-record-purge"
                    >
                      {t('records.deleted.purge')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <ConfirmDialog
        open={purging !== null}
        title={t('records.deleted.confirmTitle', { name: purging?.name ?? '' })}
        body={t('records.deleted.confirmBody')}
        confirmLabel={t('records.deleted.purge')}
        confirmIcon={Trash2}
        busy={busy}
        confirmTestId="record-purge-confirm"
        cancelFirst
        onConfirm={() => void confirm()}
        onCancel={() => setPurging(null)}
      >
        {failure ? <StatusMessage tone="error" title={tError(failure)} /> : null}
      </ConfirmDialog>
    </>
  );
}
