// Routes of the notification screens, loaded on demand.
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { notificationsPaths } from "./paths.ts";

const NotificationsPage = lazy(() => import("./NotificationsPage.tsx").then((module) => ({ default: module.NotificationsPage })));
const PreferencesPage = lazy(() => import("./PreferencesPage.tsx").then((module) => ({ default: module.PreferencesPage })));
const DevelopmentMailPage = lazy(() => import("./DevelopmentMailPage.tsx").then((module) => ({ default: module.DevelopmentMailPage })));

export { notificationsPaths };

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingRegion busy />}>{children}</Suspense>;
}

export const notificationsRoutes: readonly RouteDefinition[] = [
  { path: notificationsPaths.notifications, render: () => <Loading><NotificationsPage /></Loading> },
  { path: notificationsPaths.notificationPreferences, render: () => <Loading><PreferencesPage /></Loading> },
  { path: notificationsPaths.developmentMail, render: () => <Loading><DevelopmentMailPage /></Loading> },
];
