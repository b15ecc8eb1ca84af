import { useRef, useState, type FormEvent } from 'react';
import { FileKey, KeyRound } from 'lucide-react';
import { MAX_PKCS12_BYTES, type SigningIdentitySummary } from '../../../shared/ipc/signing';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { PasswordField } from '../../components/password-field';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { readFileAsBase64 } from '../exchange/file-bytes';

type Algorithm = 'ecdsa-p256' | 'rsa-3072';

/** Create a self-signed identity that names the unit. */
export function GenerateIdentityForm({
  replace,
  onDone,
}: {
  replace: boolean;
  onDone(identity: SigningIdentitySummary): void;
}) {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [unitName, setUnitName] = useState('');
  const [organization, setOrganization] = useState('');
  const [algorithm, setAlgorithm] = useState<Algorithm>('ecdsa-p256');
  const [nameError, setNameError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!unitName.trim())
      return showErrorsAndFocus(form.current, () => setNameError(t('exchange.settings.unitRequired')));
    setNameError(undefined);
    setBusy(true);
    const result = await api.invoke('signing.generateIdentity', {
      unitName: unitName.trim(),
      ...(organization.trim() ? { organization: organization.trim() } : {}),
      algorithm,
      replace,
    });
    setBusy(false);
    if (!result.ok) return setError(tError(result.error));
    onDone(result.value);
  };
  return (
    <form
      ref={form}
      className="identity-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="identity-generate-title"
      data-testid="identity-generate"
    >
      <h3 id="identity-generate-title" className="export-subtitle">
        {t('exchange.settings.generateTitle')}
      </h3>
      <p className="panel-description">{t('exchange.settings.generateHint')}</p>
      <TextField
        label={t('exchange.settings.unitName')}
        hint={t('exchange.settings.unitNameHint')}
        value={unitName}
        maxLength={64}
        onChange={(e) => setUnitName(e.target.value)}
        error={nameError}
        required
      />
      <TextField
        label={t('exchange.settings.organisation')}
        value={organization}
        maxLength={64}
        onChange={(e) => setOrganization(e.target.value)}
      />
      <Select<Algorithm>
        label={t('exchange.settings.algorithm')}
        value={algorithm}
        options={[
          { value: 'ecdsa-p256', label: t('exchange.settings.algorithm.ecdsa') },
          { value: 'rsa-3072', label: t('exchange.settings.algorithm.rsa') },
        ]}
        onValueChange={setAlgorithm}
      />
      {error ? <StatusMessage tone="error" title={error} /> : null}
      <div className="form-actions">
        <Button type="submit" variant="primary" icon={KeyRound} busy={busy} data-testid="identity-generate-submit">
          {t('exchange.settings.generate')}
        </Button>
      </div>
    </form>
  );
}

/** Import the unit's identity from a password-protected PKCS#12 file issued by the organisation. */
export function ImportPkcs12Form({
  replace,
  onDone,
}: {
  replace: boolean;
  onDone(identity: SigningIdentitySummary): void;
}) {
  const { t, tError } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; password?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      file: file ? undefined : t('exchange.settings.pkcs12FileRequired'),
      password: password ? undefined : t('signing.pkcs12.passwordRequired'),
    };
    if (errors.file || errors.password) return showErrorsAndFocus(form.current, () => setFieldErrors(errors));
    setFieldErrors({});
    if (!file) return;
    const read = await readFileAsBase64(file, MAX_PKCS12_BYTES);
    if (!read.ok) return setError(t('exchange.settings.pkcs12TooLarge'));
    setBusy(true);
    const result = await api.invoke('signing.importPkcs12', { fileBase64: read.base64, password, replace });
    setBusy(false);
    setPassword('');
    if (!result.ok) return setError(tError(result.error));
    onDone(result.value);
  };
  return (
    <form
      ref={form}
      className="identity-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="identity-import-title"
      data-testid="identity-import"
    >
      <h3 id="identity-import-title" className="export-subtitle">
        {t('exchange.settings.importTitle')}
      </h3>
      <p className="panel-description">{t('exchange.settings.importHint')}</p>
      <TextField
        label={t('exchange.settings.pkcs12File')}
        type="file"
        accept=".p12,.pfx,application/x-pkcs12"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        error={fieldErrors.file}
      />
      <PasswordField
        label={t('exchange.settings.pkcs12Password')}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldErrors.password}
      />
      {error ? <StatusMessage tone="error" title={error} /> : null}
      <div className="form-actions">
        <Button type="submit" icon={FileKey} busy={busy} data-testid="identity-import-submit">
          {t('exchange.settings.import')}
        </Button>
      </div>
    </form>
  );
}
