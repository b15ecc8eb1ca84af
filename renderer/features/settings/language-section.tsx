import { useState } from 'react';
import { LocaleSchema, type Locale } from '../../../shared/domain/profile';
import type { IpcError } from '../../../shared/ipc/result';
import type { Settings } from '../../../shared/ipc/settings';
import { useI18n } from '../../app/i18n';
import { Select } from '../../components/select';
import { StatusMessage } from '../../components/status-message';
import { LANGUAGE_NAME_KEY } from '../../lib/labels';
import { api } from '../../lib/api';
import { SettingsSection } from './settings-section';

/** The UI language applies at once: it is saved and the whole interface switches without a reload. */
export function LanguageSection({ onSaved }: { onSaved(settings: Settings): void }) {
  const { t, tError, locale, setLocale } = useI18n();
  const [outcome, setOutcome] = useState<{ saved: true } | { failure: IpcError } | null>(null);

  const change = async (next: Locale) => {
    setOutcome(null);
    const result = await api.invoke('settings.update', { uiLanguage: next });
    if (!result.ok) return setOutcome({ failure: result.error });
    setLocale(result.value.uiLanguage);
    onSaved(result.value);
    setOutcome({ saved: true });
  };

  return (
    <SettingsSection
      title={t('settings.language.title')}
      description={t('settings.language.description')}
      testId="settings-language"
    >
      <Select
        label={t('settings.language.label')}
        value={locale}
        options={LocaleSchema.options.map((value) => ({ value, label: t(LANGUAGE_NAME_KEY[value]) }))}
        onValueChange={(value) => void change(value)}
      />
      {outcome && 'failure' in outcome ? <StatusMessage tone="error" title={tError(outcome.failure)} /> : null}
      {outcome && 'saved' in outcome ? <StatusMessage tone="success" title={t('settings.language.saved')} /> : null}
    </SettingsSection>
  );
}
