// Routes of the directory screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const SearchPage = lazy(() => import("./SearchPage.tsx").then((module) => ({ default: module.SearchPage })));
const CentrePage = lazy(() => import("./CentrePage.tsx").then((module) => ({ default: module.CentrePage })));
const CentreCardPage = lazy(() => import("./CentreCardPage.tsx").then((module) => ({ default: module.CentreCardPage })));

export const directoryPaths = {
  search: "/soeg",
  centre: "/vaerested/:id",
  centreCard: "/vaerested/:id/kort",
} as const;

export const directoryRoutes: readonly RouteDefinition[] = [
  { path: directoryPaths.search, render: () => <SearchPage /> },
  { path: directoryPaths.centre, render: () => <CentrePage /> },
  { path: directoryPaths.centreCard, render: () => <CentreCardPage /> },
];
