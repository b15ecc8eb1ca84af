import type { Profile } from '../../shared/domain/profile';

/** The main navigation's screens, in order. */
export const NAV_SCREENS = ['home', 'cases', 'mentors', 'contacts', 'verify', 'settings'] as const;
export type NavScreen = (typeof NAV_SCREENS)[number];

/**
 * Screens that exist for one profile only. The contact register (radicalisation contacts and
 * coordinators, kept by the region and sent to KDI) is NO pkt 2; the Danish circular has none.
 */
const PROFILE_ONLY: Partial<Record<NavScreen, Profile>> = { contacts: 'NO' };

/** What the navigation offers in a vault of this profile (everything before a profile is known). */
export function navScreens(profile: Profile | undefined): NavScreen[] {
  return NAV_SCREENS.filter((screen) => {
    const only = PROFILE_ONLY[screen];
    return !only || !profile || only === profile;
  });
}
