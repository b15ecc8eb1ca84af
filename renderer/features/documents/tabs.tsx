import { useRef, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem<V extends string> {
  id: V;
  label: ReactNode;
}

/**
 * WAI-ARIA tabs: buttons in a tablist, arrow keys (and Home/End) move between them and select, only
 * the selected tab is in the Tab order, and the panel is labelled by its tab.
 */
export function Tabs<V extends string>({
  label,
  tabs,
  selected,
  onSelect,
  idPrefix,
  children,
}: {
  label: string;
  tabs: readonly TabItem<V>[];
  selected: V;
  onSelect(id: V): void;
  idPrefix: string;
  children: ReactNode;
}) {
  const refs = useRef(new Map<V, HTMLButtonElement>());
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const last = tabs.length - 1;
    const next = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = tabs[next];
    if (!tab) return;
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="doc-tabs">
      <div role="tablist" aria-label={label} className="doc-tab-list" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) refs.current.set(tab.id, element);
              else refs.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="doc-tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${idPrefix}-panel`}
        aria-labelledby={`${idPrefix}-tab-${selected}`}
        className="doc-tab-panel"
      >
        {children}
      </div>
    </div>
  );
}
