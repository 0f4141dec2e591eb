// Routes of the insights screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const OverviewPage = lazy(() => import("./OverviewPage.tsx").then((module) => ({ default: module.OverviewPage })));
const CentreInsightsPage = lazy(() => import("./CentreInsightsPage.tsx").then((module) => ({ default: module.CentreInsightsPage })));
const PublicSurveyPage = lazy(() => import("./PublicSurveyPage.tsx").then((module) => ({ default: module.PublicSurveyPage })));

export const insightsPaths = {
  overview: "/overblik",
  centreOverview: "/overblik/vaerested/:id",
  survey: "/undersoegelse/:token",
} as const;

export const insightsRoutes: readonly RouteDefinition[] = [
  { path: insightsPaths.overview, render: () => <OverviewPage /> },
  { path: insightsPaths.centreOverview, render: () => <CentreInsightsPage /> },
  { path: insightsPaths.survey, render: () => <PublicSurveyPage /> },
];
