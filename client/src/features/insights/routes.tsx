// Routes of the insights screens; paths are Danish because people read and share them.
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// why: coordinators' and centre staff's screens load on demand to keep the first page small.
const OverviewPage = lazy(() => import("./OverviewPage.tsx").then((module) => ({ default: module.OverviewPage })));
const CentreInsightsPage = lazy(() => import("./CentreInsightsPage.tsx").then((module) => ({ default: module.CentreInsightsPage })));
const PublicSurveyPage = lazy(() => import("./PublicSurveyPage.tsx").then((module) => ({ default: module.PublicSurveyPage })));

const loading = (page: ReactNode) => <Suspense fallback={<LoadingRegion busy />}>{page}</Suspense>;

export const insightsPaths = {
  overview: "/overblik",
  centreOverview: "/overblik/vaerested/:id",
  survey: "/undersoegelse/:token",
} as const;

export const insightsRoutes: readonly RouteDefinition[] = [
  { path: insightsPaths.overview, render: () => loading(<OverviewPage />) },
  { path: insightsPaths.centreOverview, render: () => loading(<CentreInsightsPage />) },
  { path: insightsPaths.survey, render: () => loading(<PublicSurveyPage />) },
];
