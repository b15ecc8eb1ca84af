import type { Locale, Profile } from '../../shared/domain/profile';

/**
 * Message keys for values that come from data. Listed as literals (not built from the value) so the
 * i18n usage test can check that each one exists.
 */
export const PROFILE_NAME_KEY = { NO: 'common.profile.NO', DK: 'common.profile.DK' } as const satisfies Record<
  Profile,
  string
>;

export const PROFILE_DESCRIPTION_KEY = {
  NO: 'vault.create.profileNoDescription',
  DK: 'vault.create.profileDkDescription',
} as const satisfies Record<Profile, string>;

export const LANGUAGE_NAME_KEY = {
  nb: 'settings.language.nb',
  da: 'settings.language.da',
  en: 'settings.language.en',
} as const satisfies Record<Locale, string>;

export type AuditFinding = 'rewritten' | 'tailCut' | 'behindKeyFile' | 'divergesFromKeyFile' | 'anchorMissing';

export const AUDIT_FINDING_KEY = {
  rewritten: 'security.audit.found.rewritten',
  tailCut: 'security.audit.found.tailCut',
  behindKeyFile: 'security.audit.found.behindKeyFile',
  divergesFromKeyFile: 'security.audit.found.divergesFromKeyFile',
  anchorMissing: 'security.audit.found.anchorMissing',
} as const satisfies Record<AuditFinding, string>;

/** What Bro found edited and put right in the open vault (VaultStatus.repairs). */
export type VaultRepair = 'dueFacts' | 'keptDueList';

export const VAULT_REPAIR_KEY = {
  dueFacts: 'security.repair.dueFacts',
  keptDueList: 'security.repair.keptDueList',
} as const satisfies Record<VaultRepair, string>;

export const STRENGTH_KEY = [
  'vault.strength.0',
  'vault.strength.1',
  'vault.strength.2',
  'vault.strength.3',
  'vault.strength.4',
] as const;
