// Routes of the area calendar; paths are Danish because people read and share them.
import { lazy, Suspense } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// why: a page of its own that most visits to the app never open; loading it on demand keeps the first page small.
const AreaCalendarPage = lazy(() => import("./AreaCalendarPage.tsx").then((module) => ({ default: module.AreaCalendarPage })));

export const calendarPaths = {
  areaCalendar: "/kalender",
} as const;

export const calendarRoutes: readonly RouteDefinition[] = [
  {
    path: calendarPaths.areaCalendar,
    render: () => (
      <Suspense fallback={<LoadingRegion busy />}>
        <AreaCalendarPage />
      </Suspense>
    ),
  },
];
