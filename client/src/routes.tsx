import { AccessibilityStatementPage } from "./features/accessibility/AccessibilityStatementPage.tsx";
import { SignInPage } from "./features/accounts/SignInPage.tsx";
import { SearchPage } from "./features/directory/SearchPage.tsx";
import { HandoversPage } from "./features/handovers/HandoversPage.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { OverviewPage } from "./features/insights/OverviewPage.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { VisitsPage } from "./features/visits/VisitsPage.tsx";
import { Routes, type RouteDefinition } from "./router.tsx";

// Paths are Danish because citizens and staff read and share them. A page reads its params with
// useRoute<"/centre/:id">().params, or takes them from render(params) here.
export const paths = {
  home: "/",
  search: "/soeg",
  handovers: "/overleveringer",
  visits: "/besoeg",
  overview: "/overblik",
  signIn: "/log-ind",
  accessibility: "/tilgaengelighed",
} as const;

const routes: readonly RouteDefinition[] = [
  { path: paths.home, render: () => <HomePage /> },
  { path: paths.search, render: () => <SearchPage /> },
  { path: paths.handovers, render: () => <HandoversPage /> },
  { path: paths.visits, render: () => <VisitsPage /> },
  { path: paths.overview, render: () => <OverviewPage /> },
  { path: paths.signIn, render: () => <SignInPage /> },
  { path: paths.accessibility, render: () => <AccessibilityStatementPage /> },
];

export function AppRoutes() {
  return <Routes routes={routes} fallback={<NotFoundPage />} />;
}
