import { useState } from 'react';
import { FileKey, KeyRound } from 'lucide-react';
import { MAX_PKCS12_BYTES, type SigningIdentitySummary } from '../../../shared/ipc/signing';
import { useI18n } from '../../app/i18n';
import { PasswordField } from '../../components/password-field';
import { Select } from '../../components/select';
import { TextField } from '../../components/text-field';
import { showErrorsAndFocus } from '../../lib/focus';
import { api } from '../../lib/api';
import { readFileAsBase64 } from '../../lib/file-bytes';
import { PanelForm } from './panel-form';
import { useFormRequest } from './use-form-request';

type Algorithm = 'ecdsa-p256' | 'rsa-3072';

interface IdentityFormProps {
  /** Whether the new identity replaces the one the vault holds. */
  replace: boolean;
  onDone(identity: SigningIdentitySummary): void;
}

/** Create a self-signed identity that names the unit. */
export function GenerateIdentityForm({ replace, onDone }: IdentityFormProps) {
  const { t } = useI18n();
  const request = useFormRequest();
  const [unitName, setUnitName] = useState('');
  const [organization, setOrganization] = useState('');
  const [algorithm, setAlgorithm] = useState<Algorithm>('ecdsa-p256');
  const [nameError, setNameError] = useState<string | undefined>();
  const submit = async () => {
    if (!unitName.trim())
      return showErrorsAndFocus(request.form.current, () => setNameError(t('exchange.settings.unitRequired')));
    setNameError(undefined);
    const result = await request.send(() =>
      api.invoke('signing.generateIdentity', {
        unitName: unitName.trim(),
        ...(organization.trim() ? { organization: organization.trim() } : {}),
        algorithm,
        replace,
      }),
    );
    if (result.ok) onDone(result.value);
  };
  return (
    <PanelForm
      request={request}
      testId="identity-generate"
      className="identity-form"
      title={t('exchange.settings.generateTitle')}
      hint={t('exchange.settings.generateHint')}
      submit={{ label: t('exchange.settings.generate'), icon: KeyRound, variant: 'primary' }}
      onSubmit={submit}
    >
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
    </PanelForm>
  );
}

/** Import the unit's identity from a password-protected PKCS#12 file issued by the organisation. */
export function ImportPkcs12Form({ replace, onDone }: IdentityFormProps) {
  const { t } = useI18n();
  const request = useFormRequest();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ file?: string; password?: string }>({});
  const submit = async () => {
    const errors = {
      file: file ? undefined : t('exchange.settings.pkcs12FileRequired'),
      password: password ? undefined : t('signing.pkcs12.passwordRequired'),
    };
    if (errors.file || errors.password) return showErrorsAndFocus(request.form.current, () => setFieldErrors(errors));
    setFieldErrors({});
    if (!file) return;
    const read = await readFileAsBase64(file, MAX_PKCS12_BYTES);
    if (!read.ok) return request.setError(t('exchange.settings.pkcs12TooLarge'));
    const result = await request.send(() =>
      api.invoke('signing.importPkcs12', { fileBase64: read.base64, password, replace }),
    );
    setPassword('');
    if (result.ok) onDone(result.value);
  };
  return (
    <PanelForm
      request={request}
      testId="identity-import"
      className="identity-form"
      title={t('exchange.settings.importTitle')}
      hint={t('exchange.settings.importHint')}
      submit={{ label: t('exchange.settings.import'), icon: FileKey }}
      onSubmit={submit}
    >
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
    </PanelForm>
  );
}
