import { useId, useState, type MouseEvent, type ReactNode } from "react";

export type LayoutProps = {
  /** The app name, usually a link to the front page. */
  brand: ReactNode;
  skipLinkLabel: string;
  navigation?: { label: string; items: readonly ReactNode[] };
  /** Shown at the end of the header, e.g. the language switcher. */
  headerActions?: ReactNode;
  /** The phone menu button: its label, and what it shows beside it (e.g. an unread count). */
  menu?: { label: string; badge?: ReactNode };
  footer?: ReactNode;
  children: ReactNode;
};

function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById("main");
  if (!main) return;
  // Focus <main> directly instead of changing the URL hash, which would add a history entry.
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/**
 * The page frame: skip link, header with brand and navigation, <main id="main"> and footer.
 * On a phone the navigation and the header actions fold behind a menu button, so the header
 * takes one line instead of half the first screen; the badge (unread count) stays in sight.
 */
export function Layout({ brand, skipLinkLabel, navigation, headerActions, menu, footer, children }: LayoutProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const panelId = useId();
  // Following a link in the open menu closes it, so the new page is not hidden behind it.
  const closeOnLink = (event: MouseEvent<HTMLElement>) => {
    if ((event.target as HTMLElement).closest("a")) setMenuOpen(false);
  };
  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {skipLinkLabel}
      </a>
      <header className="site-header" data-menu-open={menuOpen || undefined} onClick={closeOnLink}>
        <div className="site-header__inner">
          <div className="site-header__brand">{brand}</div>
          {menu && (
            <button
              type="button"
              className="site-header__menu-button"
              aria-expanded={menuOpen}
              aria-controls={`${panelId} ${panelId}-actions`}
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menu.label}
              {menu.badge}
            </button>
          )}
          {headerActions && (
            <div className="site-header__actions site-header__foldable" id={`${panelId}-actions`}>
              {headerActions}
            </div>
          )}
        </div>
        {navigation && (
          <nav id={panelId} className="site-nav site-header__foldable" aria-label={navigation.label}>
            <ul className="site-nav__list">
              {navigation.items.map((item, index) => (
                <li key={index} className="site-nav__item">
                  {item}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      {footer && <footer className="site-footer">{footer}</footer>}
    </div>
  );
}
