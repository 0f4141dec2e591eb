import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type MouseEvent,
  type ReactNode,
} from "react";

// A deliberately small router on the History API: the app has a handful of flat routes, and
// owning the code lets us guarantee the WCAG behaviour on navigation (focus and title below).

export type Location = { pathname: string; search: string; hash: string };
export type NavigateOptions = { replace?: boolean };
export type Navigate = (to: string, options?: NavigateOptions) => void;

/** `PathParams<"/centre/:id">` is `{ id: string }`. */
export type PathParams<Path extends string> = string extends Path
  ? Record<string, string>
  : Path extends `${string}:${infer Param}/${infer Rest}`
    ? { [K in Param]: string } & PathParams<`/${Rest}`>
    : Path extends `${string}:${infer Param}`
      ? { [K in Param]: string }
      : Record<never, string>;

type RouterContextValue = { location: Location; navigate: Navigate };
type RouteMatchContextValue = { pattern: string; params: Record<string, string> };

const RouterContext = createContext<RouterContextValue | null>(null);
const RouteMatchContext = createContext<RouteMatchContextValue>({ pattern: "", params: {} });

const APP_NAME = "Trædesten";

function currentLocation(): Location {
  const { pathname, search, hash } = window.location;
  return { pathname, search, hash };
}

/** Matches "/centre/:id" against "/centre/abc"; returns the decoded params or null. */
export function matchPath(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split("/").filter(Boolean);
  const pathParts = pathname.replace(/\/+$/, "").split("/").filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const actual = pathParts[index] ?? "";
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) {
      return null;
    }
  }
  return params;
}

function moveFocusToPage() {
  // WCAG 2.4.3: after a client-side navigation, start reading at the new page's heading
  // instead of leaving focus on a link that may no longer exist.
  const main = document.getElementById("main");
  const target = main?.querySelector<HTMLElement>("h1") ?? main;
  if (!target) return;
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
}

type RouterState = {
  location: Location;
  /** 0 on the first page load, where focus must stay where the browser put it. */
  navigationCount: number;
};

export function RouterProvider({ children }: { children: ReactNode }) {
  const [{ location, navigationCount }, setState] = useState<RouterState>(() => ({
    location: currentLocation(),
    navigationCount: 0,
  }));
  const scrollToTop = useRef(false);

  useEffect(() => {
    const onPopState = () =>
      setState((previous) => {
        const next = currentLocation();
        // A hash change within the page (skip link, error summary) is not a navigation.
        if (previous.location.pathname === next.pathname && previous.location.search === next.search) return previous;
        return { location: next, navigationCount: previous.navigationCount + 1 };
      });
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  useEffect(() => {
    if (navigationCount === 0) return;
    if (scrollToTop.current) window.scrollTo(0, 0);
    scrollToTop.current = false;
    moveFocusToPage();
  }, [navigationCount]);

  const navigate = useCallback<Navigate>((to, options = {}) => {
    const url = new URL(to, window.location.href);
    if (url.origin !== window.location.origin) {
      window.location.assign(url.href);
      return;
    }
    const href = `${url.pathname}${url.search}${url.hash}`;
    const isSameUrl = href === `${window.location.pathname}${window.location.search}${window.location.hash}`;
    if (options.replace || isSameUrl) window.history.replaceState(null, "", href);
    else window.history.pushState(null, "", href);
    scrollToTop.current = !options.replace;
    const next = currentLocation();
    setState((previous) => ({ location: next, navigationCount: previous.navigationCount + 1 }));
  }, []);

  const value = useMemo(() => ({ location, navigate }), [location, navigate]);
  return <RouterContext value={value}>{children}</RouterContext>;
}

function useRouter(): RouterContextValue {
  const context = useContext(RouterContext);
  if (!context) throw new Error("Router hooks must be used inside <RouterProvider>");
  return context;
}

export function useNavigate(): Navigate {
  return useRouter().navigate;
}

export type Route<Params> = Location & {
  /** The pattern that matched, e.g. "/centre/:id". */
  pattern: string;
  params: Params;
  searchParams: URLSearchParams;
  navigate: Navigate;
};

/** The current location and the params of the matched route: `useRoute<"/centre/:id">().params.id`. */
export function useRoute<Path extends string = string>(): Route<PathParams<Path>> {
  const { location, navigate } = useRouter();
  const match = useContext(RouteMatchContext);
  const searchParams = useMemo(() => new URLSearchParams(location.search), [location.search]);
  return {
    ...location,
    pattern: match.pattern,
    params: match.params as PathParams<Path>,
    searchParams,
    navigate,
  };
}

export type RouteDefinition = { path: string; render: (params: Record<string, string>) => ReactNode };

/** Renders the first route whose path matches, or the fallback. */
export function Routes({ routes, fallback }: { routes: readonly RouteDefinition[]; fallback: ReactNode }) {
  const { location } = useRouter();
  for (const route of routes) {
    const params = matchPath(route.path, location.pathname);
    if (params) {
      return (
        <RouteMatchContext value={{ pattern: route.path, params }} key={route.path}>
          {route.render(params)}
        </RouteMatchContext>
      );
    }
  }
  return fallback;
}

export type LinkProps = Omit<ComponentPropsWithRef<"a">, "href"> & {
  to: string;
  replace?: boolean;
  /** Also mark the link current on sub-pages, e.g. a nav link to "/overleveringer" on "/overleveringer/123". */
  matchSubpaths?: boolean;
};

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>) {
  return event.button === 0 && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey;
}

/** An ordinary <a href>, so opening in a new tab and copying the link keep working; plain clicks stay in the app. */
export function Link({ to, replace, matchSubpaths = false, onClick, target, ...rest }: LinkProps) {
  const { location, navigate } = useRouter();
  const pathname = to.split(/[?#]/)[0] ?? to;
  const isCurrentPage = pathname === location.pathname;
  const isCurrentSection = matchSubpaths && pathname !== "/" && location.pathname.startsWith(`${pathname}/`);

  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || !isPlainLeftClick(event) || (target && target !== "_self")) return;
    const url = new URL(event.currentTarget.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(to, { replace });
  };

  return (
    <a
      href={to}
      target={target}
      aria-current={isCurrentPage ? "page" : isCurrentSection ? "true" : undefined}
      onClick={handleClick}
      {...rest}
    />
  );
}

/** Sets document.title to "<title> – Trædesten" (WCAG 2.4.2). Call it from every page. */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} – ${APP_NAME}` : APP_NAME;
  }, [title]);
}
