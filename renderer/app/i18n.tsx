import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Locale } from '../../shared/domain/profile';
import type { IpcError } from '../../shared/ipc/result';
import { formatLocalDay } from '../../shared/i18n/dates';
import { hasMessage, translate, type MessageParams } from '../../shared/i18n/translate';

export { guessLocale } from './locale';

export type Translate = (key: string, params?: MessageParams) => string;

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t: Translate;
  /** The message for an IPC error: its own key, else the generic one for its code, else a safe fallback. */
  tError(error: IpcError): string;
  /** A moment's local calendar day in the locale's one numeric form (10.12.2026, 10/12/2026). */
  formatDate(date: Date): string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ initialLocale, children }: { initialLocale: Locale; children: ReactNode }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const t = useCallback<Translate>((key, params) => translate(locale, key, params), [locale]);

  const tError = useCallback(
    (error: IpcError) => {
      if (hasMessage(locale, error.messageKey)) return translate(locale, error.messageKey, error.params);
      const byCode = `error.${error.code}`;
      if (hasMessage(locale, byCode)) return translate(locale, byCode, error.params);
      return translate(locale, 'common.error.unexpected');
    },
    [locale],
  );

  const formatDate = useCallback((date: Date) => formatLocalDay(locale, date), [locale]);

  const value = useMemo<I18n>(() => ({ locale, setLocale, t, tError, formatDate }), [locale, t, tError, formatDate]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

export function useT(): Translate {
  return useI18n().t;
}
