import type { Locale } from '../../shared/domain/profile';
import { translate } from '../../shared/i18n/translate';
import type { FileFilter } from './file-dialogs';

/** What Bro writes from the UI, each with its dialog title and file type. */
export type SaveKind = 'signedPdf' | 'asice' | 'certificate' | 'fingerprintSheet' | 'backup' | 'innsynPdf';
/** What Bro reads from the UI. */
export type OpenKind = 'signed' | 'trust';

const SAVE_EXTENSIONS: Readonly<Record<SaveKind, string[]>> = {
  signedPdf: ['pdf'],
  asice: ['asice'],
  certificate: ['crt', 'pem'],
  fingerprintSheet: ['pdf'],
  backup: ['brobak'],
  innsynPdf: ['pdf'],
};

export function saveFilter(kind: SaveKind, locale: Locale): FileFilter {
  return { name: translate(locale, `files.filter.${kind}`), extensions: SAVE_EXTENSIONS[kind] };
}

export function saveTitle(kind: SaveKind, locale: Locale): string {
  return translate(locale, `files.save.${kind}`);
}

/** Why a path inside the vault folder is refused; a backup says so in its own words, as `bro backup` does. */
export function insideVaultMessage(kind: SaveKind): string {
  return kind === 'backup' ? 'backup.error.outInsideVault' : 'files.error.insideVault';
}

const OPEN_EXTENSIONS: Readonly<Record<OpenKind, string[]>> = {
  signed: ['asice', 'sce', 'pdf'],
  trust: ['pem', 'crt', 'cer', 'der', 'crl'],
};

export function openFilters(kind: OpenKind, locale: Locale): FileFilter[] {
  return [{ name: translate(locale, `files.filter.${kind}`), extensions: OPEN_EXTENSIONS[kind] }];
}
