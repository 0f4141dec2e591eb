// Routes of the directory screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { CentreCardPage } from "./CentreCardPage.tsx";
import { CentrePage } from "./CentrePage.tsx";
import { SearchPage } from "./SearchPage.tsx";

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
