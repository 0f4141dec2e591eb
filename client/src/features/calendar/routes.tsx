// Routes of the area calendar; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const AreaCalendarPage = lazy(() => import("./AreaCalendarPage.tsx").then((module) => ({ default: module.AreaCalendarPage })));

export const calendarPaths = {
  areaCalendar: "/kalender",
} as const;

export const calendarRoutes: readonly RouteDefinition[] = [{ path: calendarPaths.areaCalendar, render: () => <AreaCalendarPage /> }];
