// Routes of the steering screens; paths are Danish because people read and share them.
import { lazy, Suspense, type ComponentType } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// why: loaded on demand, so the first page stays small.
const InitiativesPage = lazy(() => import("./InitiativesPage.tsx").then((module) => ({ default: module.InitiativesPage })));
const InitiativeEditPage = lazy(() => import("./InitiativeEditPage.tsx").then((module) => ({ default: module.InitiativeEditPage })));
const IdeasPage = lazy(() => import("./IdeasPage.tsx").then((module) => ({ default: module.IdeasPage })));

export const steeringPaths = {
  initiatives: "/initiativer",
  newInitiative: "/initiativer/ny",
  editInitiative: "/initiativer/:id/rediger",
  ideas: "/ideer",
} as const;

const page = (Page: ComponentType) => () => (
  <Suspense fallback={<LoadingRegion busy />}>
    <Page />
  </Suspense>
);

export const steeringRoutes: readonly RouteDefinition[] = [
  { path: steeringPaths.initiatives, render: page(InitiativesPage) },
  { path: steeringPaths.newInitiative, render: page(InitiativeEditPage) },
  { path: steeringPaths.editInitiative, render: page(InitiativeEditPage) },
  { path: steeringPaths.ideas, render: page(IdeasPage) },
];
