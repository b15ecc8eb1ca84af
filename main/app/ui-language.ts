import type { Locale } from '../../shared/domain/profile';
import { intlTag } from '../../shared/i18n/dates';

/**
 * Chromium's own language (`--lang`) from the saved UI language, so what Chromium draws itself —
 * context menus, built-in pickers and, where its locale files are present, native date inputs —
 * speaks the language the user chose rather than the operating system's. It must be set before
 * `ready`; a change in Settings takes effect at the next start. Bro's own date fields
 * (renderer/components/date-field.tsx) follow the UI language at once either way.
 */
export function chromiumLanguage(locale: Locale): string {
  return intlTag(locale);
}

export interface CommandLine {
  appendSwitch(name: string, value?: string): void;
}

export function applyUiLanguage(commandLine: CommandLine, locale: Locale): void {
  commandLine.appendSwitch('lang', chromiumLanguage(locale));
}
