// Routes of the notification screens, loaded on demand.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";
import { notificationsPaths } from "./paths.ts";

const NotificationsPage = lazy(() => import("./NotificationsPage.tsx").then((module) => ({ default: module.NotificationsPage })));
const PreferencesPage = lazy(() => import("./PreferencesPage.tsx").then((module) => ({ default: module.PreferencesPage })));
const DevelopmentMailPage = lazy(() => import("./DevelopmentMailPage.tsx").then((module) => ({ default: module.DevelopmentMailPage })));

export { notificationsPaths };

export const notificationsRoutes: readonly RouteDefinition[] = [
  { path: notificationsPaths.notifications, render: () => <NotificationsPage /> },
  { path: notificationsPaths.notificationPreferences, render: () => <PreferencesPage /> },
  { path: notificationsPaths.developmentMail, render: () => <DevelopmentMailPage /> },
];
