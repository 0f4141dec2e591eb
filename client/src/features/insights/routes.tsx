// Routes of the insights screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { OverviewPage } from "./OverviewPage.tsx";

export const insightsPaths = {
  overview: "/overblik",
} as const;

export const insightsRoutes: readonly RouteDefinition[] = [{ path: insightsPaths.overview, render: () => <OverviewPage /> }];
