// Catalog areas: each area has one JSON file per locale, owned by one feature.
// Keys are flat and carry their area as prefix ("vault.unlock.title").
import type { Locale } from '../domain/profile';
import nb_common from './nb/common.json' with { type: 'json' };
import nb_error from './nb/error.json' with { type: 'json' };
import nb_vault from './nb/vault.json' with { type: 'json' };
import nb_vault_health from './nb/vault-health.json' with { type: 'json' };
import nb_settings from './nb/settings.json' with { type: 'json' };
import nb_home from './nb/home.json' with { type: 'json' };
import nb_rules from './nb/rules.json' with { type: 'json' };
import nb_domain from './nb/domain.json' with { type: 'json' };
import nb_documents from './nb/documents.json' with { type: 'json' };
import nb_signing from './nb/signing.json' with { type: 'json' };
import nb_cli from './nb/cli.json' with { type: 'json' };
import nb_backup from './nb/backup.json' with { type: 'json' };
import nb_services from './nb/services.json' with { type: 'json' };
import nb_cases from './nb/cases.json' with { type: 'json' };
import nb_editors from './nb/editors.json' with { type: 'json' };
import nb_mentors from './nb/mentors.json' with { type: 'json' };
import nb_exchange from './nb/exchange.json' with { type: 'json' };
import nb_export from './nb/export.json' with { type: 'json' };
import nb_demo from './nb/demo.json' with { type: 'json' };
import nb_trust from './nb/trust.json' with { type: 'json' };
import nb_identity from './nb/identity.json' with { type: 'json' };
import nb_security from './nb/security.json' with { type: 'json' };
import nb_token from './nb/token.json' with { type: 'json' };
import nb_files from './nb/files.json' with { type: 'json' };
import nb_purge from './nb/purge.json' with { type: 'json' };
import nb_retention from './nb/retention.json' with { type: 'json' };
import nb_innsyn from './nb/innsyn.json' with { type: 'json' };
import nb_purgeUi from './nb/purge-ui.json' with { type: 'json' };
import nb_regulatory from './nb/regulatory.json' with { type: 'json' };
import nb_handover from './nb/handover.json' with { type: 'json' };
import nb_workbench from './nb/workbench.json' with { type: 'json' };
import nb_progress from './nb/progress.json' with { type: 'json' };
import nb_dates from './nb/dates.json' with { type: 'json' };
import nb_export_dialog from './nb/export-dialog.json' with { type: 'json' };
import nb_restore from './nb/restore.json' with { type: 'json' };
import nb_settings_categories from './nb/settings-categories.json' with { type: 'json' };
import da_common from './da/common.json' with { type: 'json' };
import da_error from './da/error.json' with { type: 'json' };
import da_vault from './da/vault.json' with { type: 'json' };
import da_vault_health from './da/vault-health.json' with { type: 'json' };
import da_settings from './da/settings.json' with { type: 'json' };
import da_home from './da/home.json' with { type: 'json' };
import da_rules from './da/rules.json' with { type: 'json' };
import da_domain from './da/domain.json' with { type: 'json' };
import da_documents from './da/documents.json' with { type: 'json' };
import da_signing from './da/signing.json' with { type: 'json' };
import da_cli from './da/cli.json' with { type: 'json' };
import da_backup from './da/backup.json' with { type: 'json' };
import da_services from './da/services.json' with { type: 'json' };
import da_cases from './da/cases.json' with { type: 'json' };
import da_editors from './da/editors.json' with { type: 'json' };
import da_mentors from './da/mentors.json' with { type: 'json' };
import da_exchange from './da/exchange.json' with { type: 'json' };
import da_export from './da/export.json' with { type: 'json' };
import da_demo from './da/demo.json' with { type: 'json' };
import da_trust from './da/trust.json' with { type: 'json' };
import da_identity from './da/identity.json' with { type: 'json' };
import da_security from './da/security.json' with { type: 'json' };
import da_token from './da/token.json' with { type: 'json' };
import da_files from './da/files.json' with { type: 'json' };
import da_purge from './da/purge.json' with { type: 'json' };
import da_retention from './da/retention.json' with { type: 'json' };
import da_innsyn from './da/innsyn.json' with { type: 'json' };
import da_purgeUi from './da/purge-ui.json' with { type: 'json' };
import da_regulatory from './da/regulatory.json' with { type: 'json' };
import da_handover from './da/handover.json' with { type: 'json' };
import da_workbench from './da/workbench.json' with { type: 'json' };
import da_progress from './da/progress.json' with { type: 'json' };
import da_dates from './da/dates.json' with { type: 'json' };
import da_export_dialog from './da/export-dialog.json' with { type: 'json' };
import da_restore from './da/restore.json' with { type: 'json' };
import da_settings_categories from './da/settings-categories.json' with { type: 'json' };
import en_common from './en/common.json' with { type: 'json' };
import en_error from './en/error.json' with { type: 'json' };
import en_vault from './en/vault.json' with { type: 'json' };
import en_vault_health from './en/vault-health.json' with { type: 'json' };
import en_settings from './en/settings.json' with { type: 'json' };
import en_home from './en/home.json' with { type: 'json' };
import en_rules from './en/rules.json' with { type: 'json' };
import en_domain from './en/domain.json' with { type: 'json' };
import en_documents from './en/documents.json' with { type: 'json' };
import en_signing from './en/signing.json' with { type: 'json' };
import en_cli from './en/cli.json' with { type: 'json' };
import en_backup from './en/backup.json' with { type: 'json' };
import en_services from './en/services.json' with { type: 'json' };
import en_cases from './en/cases.json' with { type: 'json' };
import en_editors from './en/editors.json' with { type: 'json' };
import en_mentors from './en/mentors.json' with { type: 'json' };
import en_exchange from './en/exchange.json' with { type: 'json' };
import en_export from './en/export.json' with { type: 'json' };
import en_demo from './en/demo.json' with { type: 'json' };
import en_trust from './en/trust.json' with { type: 'json' };
import en_identity from './en/identity.json' with { type: 'json' };
import en_security from './en/security.json' with { type: 'json' };
import en_token from './en/token.json' with { type: 'json' };
import en_files from './en/files.json' with { type: 'json' };
import en_purge from './en/purge.json' with { type: 'json' };
import en_retention from './en/retention.json' with { type: 'json' };
import en_innsyn from './en/innsyn.json' with { type: 'json' };
import en_purgeUi from './en/purge-ui.json' with { type: 'json' };
import en_regulatory from './en/regulatory.json' with { type: 'json' };
import en_handover from './en/handover.json' with { type: 'json' };
import en_workbench from './en/workbench.json' with { type: 'json' };
import en_progress from './en/progress.json' with { type: 'json' };
import en_dates from './en/dates.json' with { type: 'json' };
import en_export_dialog from './en/export-dialog.json' with { type: 'json' };
import en_restore from './en/restore.json' with { type: 'json' };
import en_settings_categories from './en/settings-categories.json' with { type: 'json' };

export type Catalog = Readonly<Record<string, string>>;

export const catalogs: Record<Locale, Catalog> = {
  nb: {
    ...nb_common,
    ...nb_error,
    ...nb_vault,
    ...nb_vault_health,
    ...nb_settings,
    ...nb_home,
    ...nb_rules,
    ...nb_domain,
    ...nb_documents,
    ...nb_signing,
    ...nb_cli,
    ...nb_backup,
    ...nb_services,
    ...nb_cases,
    ...nb_editors,
    ...nb_mentors,
    ...nb_exchange,
    ...nb_export,
    ...nb_demo,
    ...nb_trust,
    ...nb_identity,
    ...nb_security,
    ...nb_token,
    ...nb_files,
    ...nb_purge,
    ...nb_retention,
    ...nb_innsyn,
    ...nb_purgeUi,
    ...nb_regulatory,
    ...nb_handover,
    ...nb_workbench,
    ...nb_progress,
    ...nb_dates,
    ...nb_export_dialog,
    ...nb_restore,
    ...nb_settings_categories,
  },
  da: {
    ...da_common,
    ...da_error,
    ...da_vault,
    ...da_vault_health,
    ...da_settings,
    ...da_home,
    ...da_rules,
    ...da_domain,
    ...da_documents,
    ...da_signing,
    ...da_cli,
    ...da_backup,
    ...da_services,
    ...da_cases,
    ...da_editors,
    ...da_mentors,
    ...da_exchange,
    ...da_export,
    ...da_demo,
    ...da_trust,
    ...da_identity,
    ...da_security,
    ...da_token,
    ...da_files,
    ...da_purge,
    ...da_retention,
    ...da_innsyn,
    ...da_purgeUi,
    ...da_regulatory,
    ...da_handover,
    ...da_workbench,
    ...da_progress,
    ...da_dates,
    ...da_export_dialog,
    ...da_restore,
    ...da_settings_categories,
  },
  en: {
    ...en_common,
    ...en_error,
    ...en_vault,
    ...en_vault_health,
    ...en_settings,
    ...en_home,
    ...en_rules,
    ...en_domain,
    ...en_documents,
    ...en_signing,
    ...en_cli,
    ...en_backup,
    ...en_services,
    ...en_cases,
    ...en_editors,
    ...en_mentors,
    ...en_exchange,
    ...en_export,
    ...en_demo,
    ...en_trust,
    ...en_identity,
    ...en_security,
    ...en_token,
    ...en_files,
    ...en_purge,
    ...en_retention,
    ...en_innsyn,
    ...en_purgeUi,
    ...en_regulatory,
    ...en_handover,
    ...en_workbench,
    ...en_progress,
    ...en_dates,
    ...en_export_dialog,
    ...en_restore,
    ...en_settings_categories,
  },
};
