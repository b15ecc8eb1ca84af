// Catalog areas: each area has one JSON file per locale, owned by one feature.
// Keys are flat and carry their area as prefix ("vault.unlock.title").
import type { Locale } from '../domain/profile';
import nb_common from './nb/common.json';
import nb_error from './nb/error.json';
import nb_vault from './nb/vault.json';
import nb_settings from './nb/settings.json';
import nb_home from './nb/home.json';
import nb_rules from './nb/rules.json';
import nb_domain from './nb/domain.json';
import nb_documents from './nb/documents.json';
import nb_signing from './nb/signing.json';
import nb_cli from './nb/cli.json';
import nb_backup from './nb/backup.json';
import nb_services from './nb/services.json';
import nb_cases from './nb/cases.json';
import nb_editors from './nb/editors.json';
import nb_mentors from './nb/mentors.json';
import nb_exchange from './nb/exchange.json';
import nb_export from './nb/export.json';
import nb_demo from './nb/demo.json';
import da_common from './da/common.json';
import da_error from './da/error.json';
import da_vault from './da/vault.json';
import da_settings from './da/settings.json';
import da_home from './da/home.json';
import da_rules from './da/rules.json';
import da_domain from './da/domain.json';
import da_documents from './da/documents.json';
import da_signing from './da/signing.json';
import da_cli from './da/cli.json';
import da_backup from './da/backup.json';
import da_services from './da/services.json';
import da_cases from './da/cases.json';
import da_editors from './da/editors.json';
import da_mentors from './da/mentors.json';
import da_exchange from './da/exchange.json';
import da_export from './da/export.json';
import da_demo from './da/demo.json';
import en_common from './en/common.json';
import en_error from './en/error.json';
import en_vault from './en/vault.json';
import en_settings from './en/settings.json';
import en_home from './en/home.json';
import en_rules from './en/rules.json';
import en_domain from './en/domain.json';
import en_documents from './en/documents.json';
import en_signing from './en/signing.json';
import en_cli from './en/cli.json';
import en_backup from './en/backup.json';
import en_services from './en/services.json';
import en_cases from './en/cases.json';
import en_editors from './en/editors.json';
import en_mentors from './en/mentors.json';
import en_exchange from './en/exchange.json';
import en_export from './en/export.json';
import en_demo from './en/demo.json';

export type Catalog = Readonly<Record<string, string>>;

export const catalogs: Record<Locale, Catalog> = {
  nb: { ...nb_common, ...nb_error, ...nb_vault, ...nb_settings, ...nb_home, ...nb_rules, ...nb_domain, ...nb_documents, ...nb_signing, ...nb_cli, ...nb_backup, ...nb_services, ...nb_cases, ...nb_editors, ...nb_mentors, ...nb_exchange, ...nb_export, ...nb_demo },
  da: { ...da_common, ...da_error, ...da_vault, ...da_settings, ...da_home, ...da_rules, ...da_domain, ...da_documents, ...da_signing, ...da_cli, ...da_backup, ...da_services, ...da_cases, ...da_editors, ...da_mentors, ...da_exchange, ...da_export, ...da_demo },
  en: { ...en_common, ...en_error, ...en_vault, ...en_settings, ...en_home, ...en_rules, ...en_domain, ...en_documents, ...en_signing, ...en_cli, ...en_backup, ...en_services, ...en_cases, ...en_editors, ...en_mentors, ...en_exchange, ...en_export, ...en_demo },
};
