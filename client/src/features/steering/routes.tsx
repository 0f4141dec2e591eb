// Routes of the steering screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const InitiativesPage = lazy(() => import("./InitiativesPage.tsx").then((module) => ({ default: module.InitiativesPage })));
const InitiativeEditPage = lazy(() => import("./InitiativeEditPage.tsx").then((module) => ({ default: module.InitiativeEditPage })));
const IdeasPage = lazy(() => import("./IdeasPage.tsx").then((module) => ({ default: module.IdeasPage })));

export const steeringPaths = {
  initiatives: "/initiativer",
  newInitiative: "/initiativer/ny",
  editInitiative: "/initiativer/:id/rediger",
  ideas: "/ideer",
} as const;

export const steeringRoutes: readonly RouteDefinition[] = [
  { path: steeringPaths.initiatives, render: () => <InitiativesPage /> },
  { path: steeringPaths.newInitiative, render: () => <InitiativeEditPage /> },
  { path: steeringPaths.editInitiative, render: () => <InitiativeEditPage /> },
  { path: steeringPaths.ideas, render: () => <IdeasPage /> },
];
