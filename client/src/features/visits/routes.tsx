// Routes of the visits screens; paths are Danish because people read and share them.
import { lazy, Suspense } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// why: the booking screens are only for staff; loading them on demand keeps the first page small.
const VisitsPage = lazy(() => import("./VisitsPage.tsx").then((module) => ({ default: module.VisitsPage })));

export const visitsPaths = {
  visits: "/besoeg",
} as const;

export const visitsRoutes: readonly RouteDefinition[] = [
  {
    path: visitsPaths.visits,
    render: () => (
      <Suspense fallback={<LoadingRegion busy />}>
        <VisitsPage />
      </Suspense>
    ),
  },
];
