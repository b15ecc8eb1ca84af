import { useEffect, useRef, useState } from 'react';
import { Save } from 'lucide-react';
import type { ContactRole } from '../../../shared/domain/contact-register';
import type { ContactView } from '../../../shared/ipc/records';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { bindForm, type SetField } from '../../components/form-binding';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import {
  contactFormErrors,
  EMPTY_CONTACT_FORM,
  entryFromForm,
  formFromEntry,
  type ContactForm,
} from './contact-form-model';
import { ROLE_KEY } from './labels';

/** Add or edit one line of the contact register. */
export function ContactDialog({
  entry,
  open,
  onClose,
  onSaved,
}: {
  entry: ContactView | null;
  open: boolean;
  onClose(): void;
  onSaved(): void;
}) {
  const { t, tError } = useI18n();
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT_FORM);
  const [showErrors, setShowErrors] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const body = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    setForm(entry ? formFromEntry(entry) : EMPTY_CONTACT_FORM);
    setShowErrors(false);
    setSaveError(null);
  }, [open, entry]);

  const set: SetField<ContactForm> = (key, value) => setForm((current) => ({ ...current, [key]: value }));
  const bind = bindForm(form, set);
  const errors = contactFormErrors(form);

  const save = async () => {
    if (Object.keys(errors).length > 0) {
      setShowErrors(true);
      requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    const input = entry
      ? { id: entry.id, entry: entryFromForm(form), expectedVersion: entry.currentVersion }
      : { entry: entryFromForm(form) };
    const result = await api.invoke('contacts.save', input);
    setBusy(false);
    if (!result.ok) return setSaveError(tError(result.error));
    onSaved();
  };

  const roles: ContactRole[] = ['radikaliseringskontakt', 'radikaliseringskoordinator'];
  return (
    <Dialog
      open={open}
      title={entry ? t('mentors.contacts.editTitle', { name: entry.name }) : t('mentors.contacts.newTitle')}
      onClose={onClose}
      actions={
        <>
          <Button variant="primary" icon={Save} busy={busy} onClick={() => void save()} data-testid="contact-save">
            {t('mentors.contacts.save')}
          </Button>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
        </>
      }
    >
      <div ref={body} className="wide-dialog contact-form" data-testid="contact-form">
        <Select<ContactRole>
          label={t('domain.contact.role')}
          options={roles.map((value) => ({ value, label: t(ROLE_KEY[value]) }))}
          {...bind.choice('role')}
        />
        <TextField
          label={t('domain.contact.name')}
          {...bind.text('name')}
          error={showErrors && errors.name ? t('mentors.contacts.nameRequired') : undefined}
          autoComplete="off"
          required
        />
        <div className="form-grid">
          <TextField label={t('domain.contact.unit')} {...bind.text('unit')} />
          <TextField label={t('domain.contact.region')} {...bind.text('region')} />
          <TextField label={t('domain.contact.phone')} type="tel" {...bind.text('phone')} autoComplete="off" />
          <TextField label={t('domain.contact.email')} type="email" {...bind.text('email')} autoComplete="off" />
          <TextField label={t('domain.contact.since')} type="date" {...bind.text('since')} />
          <TextField
            label={t('domain.contact.until')}
            hint={t('mentors.contacts.untilHint')}
            type="date"
            {...bind.text('until')}
            error={showErrors && errors.until ? t('mentors.contacts.untilBeforeSince') : undefined}
          />
        </div>
        {saveError ? <StatusMessage tone="error" title={saveError} /> : null}
      </div>
    </Dialog>
  );
}
