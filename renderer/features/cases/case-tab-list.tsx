import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../app/i18n';
import { formatCount } from '../../lib/format';
import { nextTabIndex, type CaseTab, type CaseTabId } from './case-tabs';

/** `follow_up_plan` is the "Plans" tab: the follow-up plan and the plan for the time after. */
export const TAB_LABEL_KEY = {
  overview: 'cases.tab.overview',
  observation: 'cases.tab.observation',
  concern: 'cases.tab.concern',
  follow_up_plan: 'cases.tab.follow_up_plan',
  meeting: 'cases.tab.meeting',
  visit_routine: 'cases.tab.visit_routine',
  mentor_course: 'cases.tab.mentor_course',
  history: 'cases.tab.history',
} as const satisfies Record<CaseTabId, string>;

export function tabId(base: string, id: CaseTabId): string {
  return `${base}-tab-${id}`;
}

export function panelId(base: string, id: CaseTabId): string {
  return `${base}-panel-${id}`;
}

export interface CaseTabListProps {
  base: string;
  tabs: readonly CaseTab[];
  active: CaseTabId;
  /** Documents per tab; tabs without a count show none. */
  counts: Partial<Record<CaseTabId, number>>;
  onSelect(id: CaseTabId): void;
}

/** Tabs as buttons with the tab roles: one in the tab order, arrow keys and Home/End move and select. */
export function CaseTabList({ base, tabs, active, counts, onSelect }: CaseTabListProps) {
  const { t, locale } = useI18n();
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === active);
    const next = nextTabIndex(event.key, index, tabs.length);
    const target = next === null ? undefined : tabs[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.id);
    list.current?.querySelector<HTMLElement>(`#${tabId(base, target.id)}`)?.focus();
  };
  return (
    <div ref={list} role="tablist" className="case-tabs" aria-label={t('cases.view.tabsLabel')} onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === active;
        const count = counts[tab.id];
        return (
          <button
            key={tab.id}
            id={tabId(base, tab.id)}
            type="button"
            role="tab"
            className="case-tab"
            aria-selected={selected}
            aria-controls={selected ? panelId(base, tab.id) : undefined}
            tabIndex={selected ? 0 : -1}
            data-testid={`case-tab-${tab.id}`}
            onClick={() => onSelect(tab.id)}
          >
            <span>{t(TAB_LABEL_KEY[tab.id])}</span>
            {count !== undefined ? <span className="count-badge">{formatCount(locale, count)}</span> : null}
          </button>
        );
      })}
    </div>
  );
}
