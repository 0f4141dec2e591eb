import { AccessibilityStatementPage } from "./features/accessibility/AccessibilityStatementPage.tsx";
import { accountsPaths, accountsRoutes } from "./features/accounts/routes.tsx";
import { adminProfilePaths, adminProfileRoutes } from "./features/admin-profile/routes.tsx";
import { directoryPaths, directoryRoutes } from "./features/directory/routes.tsx";
import { handoversPaths, handoversRoutes } from "./features/handovers/routes.tsx";
import { HomePage } from "./features/home/HomePage.tsx";
import { insightsPaths, insightsRoutes } from "./features/insights/routes.tsx";
import { NotFoundPage } from "./features/not-found/NotFoundPage.tsx";
import { notificationsPaths, notificationsRoutes } from "./features/notifications/routes.tsx";
import { visitsPaths, visitsRoutes } from "./features/visits/routes.tsx";
import { volunteersPaths, volunteersRoutes } from "./features/volunteers/routes.tsx";
import { steeringPaths, steeringRoutes } from "./features/steering/routes.tsx";
import { calendarPaths, calendarRoutes } from "./features/calendar/routes.tsx";
import { Routes, type RouteDefinition } from "./router.tsx";

// Each feature owns its routes (features/<feature>/routes.tsx). A page reads its params with
// useRoute<"/centre/:id">().params, or takes them from render(params).
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

export function AppRoutes() {
  return <Routes routes={routes} fallback={<NotFoundPage />} />;
}
