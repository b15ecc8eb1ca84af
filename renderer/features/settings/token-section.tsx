import { useState } from 'react';
import { KeyRound, Unplug } from 'lucide-react';
import type { Pkcs11Config } from '../../../shared/domain/pkcs11';
import { useI18n } from '../../app/i18n';
import { Button } from '../../components/button';
import { LoadFailed } from '../../components/load-failed';
import { StatusMessage } from '../../components/status-message';
import { TextField } from '../../components/text-field';
import { api } from '../../lib/api';
import { failureOf, mapOk, useLoad, valueOr } from '../../lib/use-load';
import { PanelForm } from './panel-form';
import { SettingsSection } from './settings-section';
import { useFormRequest } from './use-form-request';

type Draft = { modulePath: string; tokenLabel: string; keyLabel: string; certificateFile: string };

const EMPTY: Draft = { modulePath: '', tokenLabel: '', keyLabel: '', certificateFile: '' };

function draftOf(token: Pkcs11Config | null): Draft {
  if (!token) return EMPTY;
  return {
    modulePath: token.modulePath,
    tokenLabel: token.tokenLabel ?? '',
    keyLabel: token.keyLabel ?? '',
    certificateFile: token.certificateFile ?? '',
  };
}

function configOf(draft: Draft): Pkcs11Config {
  const certificateFile = draft.certificateFile.trim();
  return {
    modulePath: draft.modulePath.trim(),
    tokenLabel: draft.tokenLabel.trim(),
    keyLabel: draft.keyLabel.trim(),
    ...(certificateFile ? { certificateFile } : {}),
  };
}

/**
 * Which smartcard or HSM key exports are signed with (PKCS#11 module, token, key and, when the token
 * holds no certificate, a certificate file). No PIN here: the export dialog asks for it each time.
 */
export function TokenSection() {
  const { t } = useI18n();
  const request = useFormRequest();
  const load = useLoad('signing-token', async () =>
    mapOk(await api.invoke('signing.token', {}), (value) => value.token),
  );
  const token = valueOr(load.loaded, null);
  const failure = failureOf(load);
  // What the user typed; until then the form shows the token in use (or nothing).
  const [edited, setDraft] = useState<Draft | null>(null);
  const draft = edited ?? draftOf(token);
  const [saved, setSaved] = useState(false);

  const store = async (next: Pkcs11Config | null) => {
    setSaved(false);
    request.setError(null);
    const result = await request.send(() => api.invoke('signing.setToken', { token: next }));
    if (!result.ok) return;
    load.set(result.value.token);
    setDraft(null);
    setSaved(true);
  };

  const field = (name: keyof Draft, labelKey: string) => (
    <TextField
      label={t(labelKey)}
      value={draft[name]}
      onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
      spellCheck={false}
      autoComplete="off"
      data-testid={`token-${name}`}
    />
  );

  return (
    <SettingsSection title={t('token.settings.title')} description={t('token.settings.intro')} testId="token-section">
      {failure ? (
        <LoadFailed error={failure.error} onRetry={failure.retry} />
      ) : (
        <p className="panel-description" data-testid="token-status">
          {token
            ? t('token.settings.inUse', {
                token: token.tokenLabel ?? token.slotId ?? '',
                key: token.keyLabel ?? token.keyId ?? '',
              })
            : t('token.settings.notInUse')}
        </p>
      )}
      {saved ? <StatusMessage tone="info" title={t('token.settings.saved')} testId="token-saved" /> : null}
      <PanelForm
        request={request}
        testId="token-form"
        className="token-form"
        title={t('token.settings.title')}
        submit={{ label: t('token.settings.save'), icon: KeyRound }}
        onSubmit={() => store(configOf(draft))}
      >
        {field('modulePath', 'token.settings.modulePath')}
        {field('tokenLabel', 'token.settings.tokenLabel')}
        {field('keyLabel', 'token.settings.keyLabel')}
        {field('certificateFile', 'token.settings.certificateFile')}
      </PanelForm>
      {token ? (
        <div className="form-actions">
          <Button variant="ghost" icon={Unplug} onClick={() => void store(null)} data-testid="token-remove">
            {t('token.settings.remove')}
          </Button>
        </div>
      ) : null}
    </SettingsSection>
  );
}
