// What a navigation does besides showing the next screen (wouter routes; this adds WCAG's part):
// the page title names the screen, focus moves to its main heading, and a new page starts at
// the top. Also the app's <Link>, which marks the current page for assistive technology.
import { useEffect, useRef, type ComponentPropsWithRef, type ReactNode } from "react";
import { Link as RouterLink, useLocation, useSearch, type AroundNavHandler, type Params } from "wouter";

const APP_NAME = "Trædesten";
// why: a screen that loads its code or data shows its heading a moment after the navigation.
const HEADING_WAIT_MS = 5_000;

let scrollToTopOnNextPage = false;

/**
 * wouter's `aroundNav`: navigating to the URL already shown replaces it rather than adding a
 * history entry, and a new page (not a replaced one, e.g. a tab or filter) starts at the top.
 */
export const navigateAsPage: AroundNavHandler = (navigate, to, options) => {
  const href = `${window.location.pathname}${window.location.search}${window.location.hash}`;
  const replace = Boolean(options?.replace) || to === href;
  scrollToTopOnNextPage = !options?.replace;
  navigate(to, { ...options, replace });
};

function focusHeading(main: HTMLElement): boolean {
  const heading = main.querySelector<HTMLElement>("h1");
  const target = heading ?? main;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  return heading !== null;
}

/**
 * WCAG 2.4.3: after a client-side navigation, reading starts at the new page's heading instead
 * of on a link that may no longer exist. Not on the first page load, where focus stays where
 * the browser put it; a change of the hash only (skip link, error summary) is no navigation.
 */
export function usePageFocus() {
  const [pathname] = useLocation();
  const search = useSearch();
  const isFirstPage = useRef(true);

  useEffect(() => {
    if (isFirstPage.current) {
      isFirstPage.current = false;
      return;
    }
    if (scrollToTopOnNextPage) window.scrollTo(0, 0);
    scrollToTopOnNextPage = false;
    const main = document.getElementById("main");
    if (!main || focusHeading(main)) return;
    // Until the heading arrives focus waits on <main>; it moves on unless the reader moved it.
    const observer = new MutationObserver(() => {
      if (document.activeElement === main && main.querySelector("h1")) {
        focusHeading(main);
        observer.disconnect();
      }
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname, search]);
}

/** Sets document.title to "<title> – Trædesten" (WCAG 2.4.2). Call it from every page. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
  }, [title]);
}

export type LinkProps = Omit<ComponentPropsWithRef<"a">, "href"> & {
  to: string;
  replace?: boolean;
  /** Also mark the link current on sub-pages, e.g. a nav link to "/overleveringer" on "/overleveringer/123". */
  matchSubpaths?: boolean;
};

/** wouter's Link (an ordinary <a href>, plain clicks stay in the app) with aria-current on the current page. */
export function Link({ to, replace, matchSubpaths = false, target, ...rest }: LinkProps) {
  const [pathname] = useLocation();
  const linkPath = to.split(/[?#]/)[0] ?? to;
  const isCurrentPage = linkPath === pathname;
  const isCurrentSection = matchSubpaths && linkPath !== "/" && pathname.startsWith(`${linkPath}/`);
  const ariaCurrent = isCurrentPage ? "page" : isCurrentSection ? "true" : undefined;
  // A link that opens elsewhere is left to the browser.
  if (target && target !== "_self") return <a href={to} target={target} aria-current={ariaCurrent} {...rest} />;
  return <RouterLink to={to} replace={replace} target={target} aria-current={ariaCurrent} {...rest} />;
}

/** One screen's path (wouter's pattern, e.g. "/vaerested/:id") and what it shows. */
export type RouteDefinition = { path: string; render: (params: Params) => ReactNode };
