import { useRef, useState, type FormEvent } from 'react';
import { DatabaseBackup, ShieldCheck } from 'lucide-react';
import type { Profile } from '../../../shared/domain/profile';
import type { IpcError } from '../../../shared/ipc/result';
import { useI18n } from '../../app/i18n';
import { useRouter } from '../../app/router';
import { PublicShell } from '../../app/shell';
import { useVault } from '../../app/vault-state';
import { Button } from '../../components/button';
import { Dialog } from '../../components/dialog';
import { PageHeader } from '../../components/page-header';
import { RadioGroup } from '../../components/radio-group';
import { StatusMessage } from '../../components/status-message';
import { api } from '../../lib/api';
import { showErrorsAndFocus } from '../../lib/focus';
import { PROFILE_DESCRIPTION_KEY, PROFILE_NAME_KEY } from '../../lib/labels';
import { useFieldErrors } from '../../lib/use-field-errors';
import { NewPassphraseFields } from './new-passphrase-fields';
import { checkNewPassphrase, translateNewPassphraseErrors } from './passphrase-checks';
import { useNewPassphrase } from './use-new-passphrase';

const PROFILES: readonly Profile[] = ['NO', 'DK'];

/** First run: choose the jurisdiction profile and a passphrase; the vault is created after a confirmation. */
export function CreateVaultScreen() {
  const { t, tError } = useI18n();
  const { navigate } = useRouter();
  const { setStatus } = useVault();
  const form = useRef<HTMLFormElement>(null);
  const [profile, setProfile] = useState<Profile | null>(null);
  // Message keys, translated when shown.
  const { errors, setErrors, clearError } = useFieldErrors<'profile' | 'passphrase' | 'repeat'>();
  const newPassphrase = useNewPassphrase(clearError);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<IpcError | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...checkNewPassphrase(newPassphrase.passphrase, newPassphrase.repeat),
      ...(profile ? {} : { profile: 'vault.create.profileRequired' }),
    };
    if (Object.keys(next).length > 0) {
      showErrorsAndFocus(form.current, () => setErrors(next));
      return;
    }
    setErrors({});
    setFailure(null);
    setConfirming(true);
  };

  const create = async () => {
    if (!profile) return;
    setBusy(true);
    const result = await api.invoke('vault.create', { profile, passphrase: newPassphrase.passphrase });
    setBusy(false);
    setConfirming(false);
    if (!result.ok) return setFailure(result.error);
    newPassphrase.reset();
    setStatus(result.value.status);
    navigate({ screen: 'recovery', recoveryKey: result.value.recoveryKey });
  };

  return (
    <PublicShell screen="create">
      <div className="card">
        <PageHeader title={t('vault.create.title')} description={<p>{t('vault.create.intro')}</p>} />
        {failure ? (
          <StatusMessage tone="error" title={t('vault.create.failed')}>
            <p>{tError(failure)}</p>
          </StatusMessage>
        ) : null}
        <form ref={form} className="form" noValidate onSubmit={submit}>
          <RadioGroup<Profile>
            legend={t('vault.create.profile')}
            hint={t('vault.create.profileHint')}
            name="profile"
            value={profile}
            onValueChange={(value) => {
              setProfile(value);
              clearError('profile');
            }}
            error={errors.profile ? t(errors.profile) : undefined}
            options={PROFILES.map((value) => ({
              value,
              label: t(PROFILE_NAME_KEY[value]),
              description: t(PROFILE_DESCRIPTION_KEY[value]),
            }))}
          />
          <NewPassphraseFields
            input={newPassphrase}
            errors={translateNewPassphraseErrors(t, errors)}
            label={t('vault.passphrase.choose')}
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" icon={ShieldCheck}>
              {t('vault.create.submit')}
            </Button>
          </div>
        </form>
        <div className="form-links">
          <Button variant="link" icon={DatabaseBackup} onClick={() => navigate({ screen: 'restore', from: 'create' })}>
            {t('restore.open')}
          </Button>
        </div>
      </div>
      <Dialog
        open={confirming}
        title={t('vault.create.confirmTitle', { profile: profile ? t(PROFILE_NAME_KEY[profile]) : '' })}
        onClose={() => (busy ? undefined : setConfirming(false))}
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" icon={ShieldCheck} busy={busy} onClick={() => void create()}>
              {t('vault.create.confirm')}
            </Button>
          </>
        }
      >
        <p>{t('vault.create.confirmBody')}</p>
        {busy ? (
          <p className="muted" role="status">
            {t('vault.create.working')}
          </p>
        ) : null}
      </Dialog>
    </PublicShell>
  );
}
