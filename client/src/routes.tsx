import { lazy, Suspense } from "react";
import { Route, Switch } from "wouter";
import { accountsPaths, accountsRoutes } from "./features/accounts/routes.tsx";
import { adminProfilePaths, adminProfileRoutes } from "./features/admin-profile/routes.tsx";
import { directoryPaths, directoryRoutes } from "./features/directory/routes.tsx";
import { handoversPaths, handoversRoutes } from "./features/handovers/routes.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { insightsPaths, insightsRoutes } from "./features/insights/routes.tsx";
import { notificationsPaths, notificationsRoutes } from "./features/notifications/routes.tsx";
import { visitsPaths, visitsRoutes } from "./features/visits/routes.tsx";
import { volunteersPaths, volunteersRoutes } from "./features/volunteers/routes.tsx";
import { steeringPaths, steeringRoutes } from "./features/steering/routes.tsx";
import { calendarPaths, calendarRoutes } from "./features/calendar/routes.tsx";
import type { RouteDefinition } from "./page-navigation.tsx";
import { LoadingRegion } from "./ui/Spinner.tsx";

// Each feature owns its routes (features/<feature>/routes.tsx). A page reads its params with
// wouter's useParams<{ id: string }>(), or takes them from render(params). Every screen but the
// home page loads its code on demand, which keeps the first page small.
const AccessibilityStatementPage = lazy(() =>
  import("./features/accessibility/AccessibilityStatementPage.tsx").then((module) => ({ default: module.AccessibilityStatementPage })),
);
const NotFoundPage = lazy(() => import("./features/not-found/NotFoundPage.tsx").then((module) => ({ default: module.NotFoundPage })));
export const paths = {
  home: "/",
  accessibility: "/tilgaengelighed",
  ...accountsPaths,
  ...adminProfilePaths,
  ...directoryPaths,
  ...handoversPaths,
  ...visitsPaths,
  ...insightsPaths,
  ...notificationsPaths,
  ...volunteersPaths,
  ...steeringPaths,
  ...calendarPaths,
} as const;

const routes: readonly RouteDefinition[] = [
  { path: paths.home, render: () => <HomePage /> },
  { path: paths.accessibility, render: () => <AccessibilityStatementPage /> },
  ...accountsRoutes,
  ...adminProfileRoutes,
  ...directoryRoutes,
  ...handoversRoutes,
  ...visitsRoutes,
  ...insightsRoutes,
  ...notificationsRoutes,
  ...volunteersRoutes,
  ...steeringRoutes,
  ...calendarRoutes,
];

/** The matching screen; while its code loads, an announced spinner in its place. */
export function AppRoutes() {
  return (
    <Suspense fallback={<LoadingRegion busy />}>
      <Switch>
        {routes.map((route) => (
          <Route key={route.path} path={route.path}>
            {route.render}
          </Route>
        ))}
        <Route>
          <NotFoundPage />
        </Route>
      </Switch>
    </Suspense>
  );
}
