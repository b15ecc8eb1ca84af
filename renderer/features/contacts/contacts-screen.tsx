import { useCallback, useState } from 'react';
import { Contact, Pencil, Printer, Trash2, UserPlus } from 'lucide-react';
import type { ContactView } from '../../../shared/ipc/records';
import type { ContactRegisterStatus } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { UnlockedShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Checkbox } from '../../components/checkbox';
import { DataTable } from '../../components/data-table';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { mapOk, useLoad, valueOr, type Loaded } from '../../lib/use-load';
import { LoadFailed } from '../../components/load-failed';
import { formatIsoDate } from '../../lib/date-format';
import { DeleteWithReasonDialog } from '../mentors/delete-with-reason-dialog';
import { ContactDialog } from './contact-dialog';
import { sortEntries } from './contact-form-model';
import { ROLE_KEY } from './labels';
import { RegisterSendStatus } from './register-send-status';
import '../mentors/forms.css';
import '../exchange/exchange.css';
import '../mentors/mentors.css';
import './contacts.css';
import { DeletedRecords } from '../purge/deleted-records';

function ContactTable({
  entries,
  onEdit,
  onDelete,
}: {
  entries: readonly ContactView[];
  onEdit(entry: ContactView): void;
  onDelete(entry: ContactView): void;
}) {
  const { t, locale } = useI18n();
  const date = (value: string | undefined) => (value ? formatIsoDate(locale, value) : '');
  return (
    <div className="table-scroll">
      <DataTable
        caption={t('mentors.contacts.title')}
        className="data-table contact-table"
        testId="contact-table"
        columns={[
          { label: t('domain.contact.name') },
          { label: t('domain.contact.role') },
          { label: t('domain.contact.unit') },
          { label: t('domain.contact.region') },
          { label: t('domain.contact.phone') },
          { label: t('domain.contact.email') },
          { label: t('mentors.contacts.period') },
          { label: t('mentors.contacts.actions'), visuallyHidden: true, className: 'no-print' },
        ]}
      >
        {entries.map((entry) => (
          <tr key={entry.id} className={entry.until ? 'contact-former' : undefined} data-testid="contact-row">
            <th scope="row">{entry.name}</th>
            <td>{t(ROLE_KEY[entry.role])}</td>
            <td>{entry.unit}</td>
            <td>{entry.region}</td>
            <td className="contact-nowrap">{entry.phone}</td>
            <td>{entry.email}</td>
            <td>
              {entry.since || entry.until
                ? t('mentors.contacts.periodValue', { since: date(entry.since), until: date(entry.until) })
                : ''}
            </td>
            <td className="contact-actions no-print">
              <Button
                variant="ghost"
                icon={Pencil}
                onClick={() => onEdit(entry)}
                aria-label={t('mentors.contacts.editLabel', { name: entry.name })}
              >
                {t('mentors.edit')}
              </Button>
              <Button
                variant="ghost"
                icon={Trash2}
                onClick={() => onDelete(entry)}
                aria-label={t('mentors.contacts.deleteLabel', { name: entry.name })}
              >
                {t('mentors.delete.open')}
              </Button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

/**
 * The register of radicalisation contacts and coordinators (NO pkt 2), kept by the regional
 * coordinator and sent to KDI on every change; it prints as a plain table.
 */
export function ContactsScreen() {
  const { t, locale } = useI18n();
  const contacts = useLoad('contacts', async () => mapOk(await api.invoke('contacts.list', {}), (value) => value));
  const listed = contacts.loaded;
  const loaded: Loaded<ContactView[]> =
    listed.state === 'ready' ? { state: 'ready', value: listed.value.entries } : listed;
  const altered = listed.state === 'ready' ? listed.value.altered.length : 0;
  const [showFormer, setShowFormer] = useState(false);
  const [editing, setEditing] = useState<{ entry: ContactView | null } | null>(null);
  const [deleting, setDeleting] = useState<ContactView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const profile = useVault().status.profile;
  // NO pkt 2 is a Norwegian rule: a DK vault's register has no KDI sending to track.
  const registerLoad = useLoad<ContactRegisterStatus>(profile === 'NO' ? 'register' : null, () =>
    api.invoke('contacts.registerStatus', {}),
  );
  const register = valueOr(registerLoad.loaded, null);
  const setRegister = registerLoad.set;
  const reloadContacts = contacts.reload;
  const reloadRegister = registerLoad.reload;
  const load = useCallback(() => {
    reloadContacts();
    reloadRegister();
  }, [reloadContacts, reloadRegister]);

  const all = loaded.state === 'ready' ? sortEntries(loaded.value, locale) : [];
  const shown = showFormer ? all : all.filter((entry) => !entry.until);
  const former = all.length - all.filter((entry) => !entry.until).length;

  return (
    <UnlockedShell screen="contacts">
      <div className="content">
        <PageHeader
          title={t('mentors.contacts.title')}
          description={<p>{t('mentors.contacts.intro')}</p>}
          actions={
            <>
              <Button icon={Printer} onClick={() => window.print()} disabled={all.length === 0}>
                {t('mentors.contacts.print')}
              </Button>
              <Button
                variant="primary"
                icon={UserPlus}
                onClick={() => setEditing({ entry: null })}
                data-testid="contact-new"
              >
                {t('mentors.contacts.new')}
              </Button>
            </>
          }
        />
        <div aria-live="polite">{notice ? <StatusMessage tone="success" title={notice} /> : null}</div>
        {register ? (
          <RegisterSendStatus
            status={register}
            onRecorded={(next) => {
              // The status block is a live region: its new text is the confirmation.
              setNotice(null);
              setRegister(next);
            }}
          />
        ) : null}
        {registerLoad.loaded.state === 'failed' ? (
          <LoadFailed error={registerLoad.loaded.error} onRetry={reloadRegister} />
        ) : null}
        {loaded.state === 'failed' ? <LoadFailed error={loaded.error} onRetry={reloadContacts} /> : null}
        {altered > 0 ? <StatusMessage tone="error" title={t('mentors.altered', { count: altered })} /> : null}
        {loaded.state === 'loading' ? <div className="mentors-skeleton" aria-busy="true" /> : null}
        {loaded.state === 'ready' && all.length === 0 ? (
          <EmptyState
            icon={Contact}
            titleId="contacts-empty-title"
            title={t('mentors.contacts.emptyTitle')}
            text={t('mentors.contacts.emptyHint')}
            testId="contacts-empty"
          />
        ) : null}
        {all.length > 0 ? (
          <section className="print-area" aria-label={t('mentors.contacts.title')}>
            <h2 className="print-only contact-print-title">{t('mentors.contacts.title')}</h2>
            {former > 0 ? (
              <div className="no-print contact-filter">
                <Checkbox
                  label={t('mentors.contacts.showFormer', { count: former })}
                  checked={showFormer}
                  onCheckedChange={setShowFormer}
                />
              </div>
            ) : null}
            <ContactTable entries={shown} onEdit={(entry) => setEditing({ entry })} onDelete={setDeleting} />
          </section>
        ) : null}
        <DeletedRecords kind="contact_entry" refreshKey={String(all.length)} />
        <ContactDialog
          entry={editing?.entry ?? null}
          open={editing !== null}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice(t('mentors.contacts.saved'));
            load();
          }}
        />
        <DeleteWithReasonDialog
          open={deleting !== null}
          title={t('mentors.contacts.deleteTitle', { name: deleting?.name ?? '' })}
          body={t('mentors.contacts.deleteBody')}
          confirmLabel={t('mentors.contacts.deleteConfirm')}
          remove={deleting ? (reason) => api.invoke('contacts.delete', { id: deleting.id, reason }) : null}
          resetKey={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null);
            setNotice(t('mentors.contacts.deleted'));
            load();
          }}
        />
      </div>
    </UnlockedShell>
  );
}
