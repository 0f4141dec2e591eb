import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";

export type TabItem = { id: string; label: ReactNode; content: ReactNode };

export type TabsProps = {
  /** Names the tab list for screen readers, e.g. "Overleveringer". */
  label: string;
  tabs: readonly TabItem[];
  selectedId?: string;
  defaultSelectedId?: string;
  onSelect?: (id: string) => void;
};

/**
 * The WAI-ARIA tabs pattern: one tab stop for the list, arrow keys/Home/End move between tabs
 * and select them. Use tabs for views of the same thing (inbox / sent), not for steps.
 */
export function Tabs({ label, tabs, selectedId, defaultSelectedId, onSelect }: TabsProps) {
  const baseId = useId();
  const [uncontrolledId, setUncontrolledId] = useState(defaultSelectedId ?? tabs[0]?.id);
  const currentId = selectedId ?? uncontrolledId;
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  const select = (id: string, moveFocus: boolean) => {
    if (selectedId === undefined) setUncontrolledId(id);
    onSelect?.(id);
    if (moveFocus) tabRefs.current.get(id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === currentId);
    const last = tabs.length - 1;
    const target = { ArrowRight: index + 1 > last ? 0 : index + 1, ArrowLeft: index - 1 < 0 ? last : index - 1, Home: 0, End: last }[
      event.key
    ];
    const tab = target === undefined ? undefined : tabs[target];
    if (!tab) return;
    event.preventDefault();
    select(tab.id, true);
  };

  return (
    <div className="tabs">
      <div className="tabs__list" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === currentId;
          return (
            <button
              key={tab.id}
              ref={(element) => {
                if (element) tabRefs.current.set(tab.id, element);
                else tabRefs.current.delete(tab.id);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.id}`}
              className="tabs__tab"
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(tab.id, false)}
            >
              {tab.label}
            </button>
          );
        })}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${baseId}-panel-${tab.id}`}
          className="tabs__panel"
          aria-labelledby={`${baseId}-tab-${tab.id}`}
          hidden={tab.id !== currentId}
          tabIndex={0}
        >
          {tab.id === currentId && tab.content}
        </div>
      ))}
    </div>
  );
}
