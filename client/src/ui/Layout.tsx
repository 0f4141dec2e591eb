import type { MouseEvent, ReactNode } from "react";

export type LayoutProps = {
  /** The app name, usually a link to the front page. */
  brand: ReactNode;
  skipLinkLabel: string;
  navigation?: { label: string; items: readonly ReactNode[] };
  /** Shown at the end of the header, e.g. the language switcher. */
  headerActions?: ReactNode;
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

/** The page frame: skip link, header with brand and navigation, <main id="main"> and footer. */
export function Layout({ brand, skipLinkLabel, navigation, headerActions, footer, children }: LayoutProps) {
  return (
    <div className="layout">
      <a className="skip-link" href="#main" onClick={skipToMain}>
        {skipLinkLabel}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <div className="site-header__brand">{brand}</div>
          {headerActions && <div className="site-header__actions">{headerActions}</div>}
        </div>
        {navigation && (
          <nav className="site-nav" aria-label={navigation.label}>
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
