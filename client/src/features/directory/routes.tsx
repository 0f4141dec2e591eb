// Routes of the directory screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { SearchPage } from "./SearchPage.tsx";

export const directoryPaths = {
  search: "/soeg",
} as const;

export const directoryRoutes: readonly RouteDefinition[] = [{ path: directoryPaths.search, render: () => <SearchPage /> }];
