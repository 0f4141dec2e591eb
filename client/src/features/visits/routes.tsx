// Routes of the visits screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const VisitsPage = lazy(() => import("./VisitsPage.tsx").then((module) => ({ default: module.VisitsPage })));

export const visitsPaths = {
  visits: "/besoeg",
} as const;

export const visitsRoutes: readonly RouteDefinition[] = [{ path: visitsPaths.visits, render: () => <VisitsPage /> }];
