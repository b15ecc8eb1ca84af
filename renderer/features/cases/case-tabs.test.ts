import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS, DOCUMENT_KINDS_BY_PROFILE } from '../../../shared/domain';
import { translate } from '../../../shared/i18n/translate';
import { caseTabs, nextTabIndex, tabFromRoute } from './case-tabs';

describe('tabs of the case view', () => {
  it("offers each of the profile's kinds in a tab, between the overview and the history, and no other", () => {
    for (const profile of ['NO', 'DK'] as const) {
      const tabs = caseTabs(profile);
      expect(tabs[0]?.id).toBe('overview');
      expect(tabs.at(-1)?.id).toBe('history');
      expect(tabs.flatMap((tab) => tab.kinds).sort()).toEqual([...DOCUMENT_KINDS_BY_PROFILE[profile]].sort());
    }
    expect(
      caseTabs('NO')
        .flatMap((tab) => tab.kinds)
        .sort(),
    ).toEqual([...DOCUMENT_KINDS].sort());
  });

  it('offers a DK vault only the mentor course, and keeps the NO working order otherwise', () => {
    expect(caseTabs('DK').map((tab) => tab.id)).toEqual(['overview', 'mentor_course', 'history']);
    expect(
      caseTabs('NO')
        .map((tab) => tab.id)
        .slice(1, 3),
    ).toEqual(['observation', 'concern']);
  });

  it('opens the tab a route names, also by a document kind that shares a tab', () => {
    const tabs = caseTabs('NO');
    expect(tabFromRoute('meeting', tabs)).toBe('meeting');
    expect(tabFromRoute('concern_report', tabs)).toBe('concern');
    expect(tabFromRoute('future_plan', tabs)).toBe('follow_up_plan');
    expect(tabFromRoute('history', tabs)).toBe('history');
    expect(tabFromRoute('nonsense', tabs)).toBe('overview');
    expect(tabFromRoute(undefined, tabs)).toBe('overview');
  });

  it('moves between tabs with the arrow keys, wrapping, and to the ends with Home and End', () => {
    expect(nextTabIndex('ArrowRight', 8, 9)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 9)).toBe(8);
    expect(nextTabIndex('Home', 4, 9)).toBe(0);
    expect(nextTabIndex('End', 4, 9)).toBe(8);
    expect(nextTabIndex('Enter', 4, 9)).toBeNull();
  });

  it.each(['nb', 'da', 'en'] as const)(
    '"Overview" means one thing in %s: the menu item and the home screen share it, the case tab is named otherwise',
    (locale) => {
      const home = translate(locale, 'home.title');
      expect(translate(locale, 'common.nav.home')).toBe(home);
      expect(translate(locale, 'cases.tab.overview')).not.toBe(home);
    },
  );
});
