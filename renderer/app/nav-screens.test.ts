import { describe, expect, it } from 'vitest';
import { navScreens } from './nav-screens';

describe('main navigation per profile', () => {
  it('offers a DK vault no contact register (NO pkt 2 has no Danish counterpart)', () => {
    expect(navScreens('DK')).toEqual(['home', 'cases', 'mentors', 'verify', 'settings']);
  });

  it('offers a NO vault every screen, the contact register included', () => {
    expect(navScreens('NO')).toEqual(['home', 'cases', 'mentors', 'contacts', 'verify', 'settings']);
  });
});
