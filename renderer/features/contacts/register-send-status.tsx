import { useState, type FormEvent } from 'react';
import { Send } from 'lucide-react';
import type { Locale } from '../../../shared/domain/profile';
import type { ContactRegisterStatus } from '../../../shared/rules';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { formatIsoDate } from '../../lib/format';
import { localToday } from '../mentors/today';

const TONE = { never_sent: 'warning', changed: 'warning', sent: 'success' } as const;

const TEXT = {
  never_sent: { title: 'mentors.contacts.sent.never_sent.title', text: 'mentors.contacts.sent.never_sent.text' },
  changed: { title: 'mentors.contacts.sent.changed.title', text: 'mentors.contacts.sent.changed.text' },
  sent: { title: 'mentors.contacts.sent.sent.title', text: 'mentors.contacts.sent.sent.text' },
} as const;

/** The status's dates in the locale's format and its citation, for the message texts. */
export function registerStatusParams(
  locale: Locale,
  status: ContactRegisterStatus,
): Record<'sentOn' | 'changedOn' | 'citation', string> {
  const date = (iso: string | undefined) => (iso ? formatIsoDate(locale, iso) : '');
  return { sentOn: date(status.lastSentOn), changedOn: date(status.changedOn), citation: status.citation.text };
}

/**
 * NO pkt 2: whether KDI has the register as it stands, and a way to record that it was sent (the
 * printed register is what leaves the machine). An empty register that was never sent says nothing.
 */
export function RegisterSendStatus({
  status,
  onRecorded,
}: {
  status: ContactRegisterStatus;
  onRecorded(next: ContactRegisterStatus): void;
}) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  if (status.state === 'empty') return null;
  const params = registerStatusParams(locale, status);
  return (
    <div className="no-print register-send" data-testid="contacts-register-status" data-state={status.state}>
      <StatusMessage tone={TONE[status.state]} title={t(TEXT[status.state].title, params)}>
        <p>{t(TEXT[status.state].text, params)}</p>
        {status.state !== 'sent' ? (
          <Button icon={Send} onClick={() => setOpen(true)} data-testid="contacts-record-sent">
            {t('mentors.contacts.sent.record')}
          </Button>
        ) : null}
      </StatusMessage>
      <RecordSentDialog
        open={open}
        onClose={() => setOpen(false)}
        onRecorded={(next) => {
          setOpen(false);
          onRecorded(next);
        }}
      />
    </div>
  );
}

function RecordSentDialog({
  open,
  onClose,
  onRecorded,
}: {
  open: boolean;
  onClose(): void;
  onRecorded(next: ContactRegisterStatus): void;
}) {
  const { t, tError } = useI18n();
  const [sentOn, setSentOn] = useState(localToday());
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formId = 'contacts-record-sent-form';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!sentOn) return setError(t('mentors.contacts.sent.dateRequired'));
    setBusy(true);
    const result = await api.invoke('contacts.recordSent', { sentOn });
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    setError(null);
    onRecorded(result.value);
  };

  return (
    <Dialog
      open={open}
      title={t('mentors.contacts.sent.dialogTitle')}
      onClose={onClose}
      actions={
        <>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            type="submit"
            form={formId}
            icon={Send}
            busy={busy}
            data-testid="contacts-record-sent-submit"
          >
            {t('mentors.contacts.sent.submit')}
          </Button>
        </>
      }
    >
      <form id={formId} className="register-send-form" onSubmit={(event) => void submit(event)} noValidate>
        <p>{t('mentors.contacts.sent.dialogText')}</p>
        <TextField
          label={t('mentors.contacts.sent.date')}
          type="date"
          value={sentOn}
          max={localToday()}
          onChange={(event) => setSentOn(event.target.value)}
          error={error ?? undefined}
          required
        />
      </form>
    </Dialog>
  );
}
