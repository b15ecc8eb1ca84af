import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { SettingsCategory } from '../../app/router';
import { useT } from '../../app/i18n';
import './settings-categories.css';

export const SETTINGS_CATEGORIES: readonly SettingsCategory[] = [
  'general',
  'security',
  'signing',
  'templates',
  'backup',
];

const CATEGORY_LABEL_KEY = {
  general: 'settings.category.general',
  security: 'settings.category.security',
  signing: 'settings.category.signing',
  templates: 'settings.category.templates',
  backup: 'settings.category.backup',
} as const satisfies Record<SettingsCategory, string>;

const NEXT_KEY: Readonly<Record<string, (index: number, last: number) => number>> = {
  ArrowDown: (index, last) => (index === last ? 0 : index + 1),
  ArrowRight: (index, last) => (index === last ? 0 : index + 1),
  ArrowUp: (index, last) => (index === 0 ? last : index - 1),
  ArrowLeft: (index, last) => (index === 0 ? last : index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * The settings categories as WAI-ARIA tabs in a side list: one category's panel is shown at a time,
 * the arrow keys (and Home/End) move between the categories and select, only the selected one is in
 * the Tab order, and the panel is labelled by its category. Narrow windows put the list on top.
 */
export function SettingsCategories({
  selected,
  onSelect,
  children,
}: {
  selected: SettingsCategory;
  onSelect(category: SettingsCategory): void;
  children: ReactNode;
}) {
  const t = useT();
  const refs = useRef(new Map<SettingsCategory, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT_KEY[event.key];
    if (!step) return;
    event.preventDefault();
    const index = SETTINGS_CATEGORIES.indexOf(selected);
    const next = SETTINGS_CATEGORIES[step(index, SETTINGS_CATEGORIES.length - 1)];
    if (!next) return;
    onSelect(next);
    refs.current.get(next)?.focus();
  };
  return (
    <div className="settings-layout">
      <div
        role="tablist"
        aria-label={t('settings.categories')}
        aria-orientation="vertical"
        className="settings-category-list"
        onKeyDown={move}
      >
        {SETTINGS_CATEGORIES.map((category) => (
          <button
            key={category}
            ref={(element) => {
              if (element) refs.current.set(category, element);
              else refs.current.delete(category);
            }}
            type="button"
            role="tab"
            id={`settings-tab-${category}`}
            aria-selected={category === selected}
            aria-controls="settings-panel"
            tabIndex={category === selected ? 0 : -1}
            className="settings-category"
            onClick={() => onSelect(category)}
          >
            {t(CATEGORY_LABEL_KEY[category])}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id="settings-panel"
        aria-labelledby={`settings-tab-${selected}`}
        className="settings-category-panel"
        data-category={selected}
      >
        {children}
      </div>
    </div>
  );
}
