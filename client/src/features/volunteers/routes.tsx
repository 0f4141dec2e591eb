// Routes of the volunteer screens; paths are Danish because people read and share them.
import { lazy, Suspense } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

// why: loaded on demand, so the public pages stay small.
const MyShiftsPage = lazy(() => import("./MyShiftsPage.tsx").then((module) => ({ default: module.MyShiftsPage })));
const RotaAdminPage = lazy(() => import("./RotaAdminPage.tsx").then((module) => ({ default: module.RotaAdminPage })));
const VolunteerCallsPage = lazy(() => import("./VolunteerCallsPage.tsx").then((module) => ({ default: module.VolunteerCallsPage })));

export const volunteersPaths = {
  myShifts: "/vagter",
  centreRota: "/vagter/vaersted/:centreId",
  volunteerCalls: "/bliv-frivillig",
} as const;

const lazyPage = (page: React.ReactNode) => <Suspense fallback={<LoadingRegion busy />}>{page}</Suspense>;

export const volunteersRoutes: readonly RouteDefinition[] = [
  { path: volunteersPaths.myShifts, render: () => lazyPage(<MyShiftsPage />) },
  { path: volunteersPaths.centreRota, render: (params) => lazyPage(<RotaAdminPage centreId={params["centreId"] ?? ""} />) },
  { path: volunteersPaths.volunteerCalls, render: () => lazyPage(<VolunteerCallsPage />) },
];
