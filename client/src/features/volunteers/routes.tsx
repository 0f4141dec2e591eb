// Routes of the volunteer screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const MyShiftsPage = lazy(() => import("./MyShiftsPage.tsx").then((module) => ({ default: module.MyShiftsPage })));
const RotaAdminPage = lazy(() => import("./RotaAdminPage.tsx").then((module) => ({ default: module.RotaAdminPage })));
const VolunteerCallsPage = lazy(() => import("./VolunteerCallsPage.tsx").then((module) => ({ default: module.VolunteerCallsPage })));

export const volunteersPaths = {
  myShifts: "/vagter",
  centreRota: "/vagter/vaersted/:centreId",
  volunteerCalls: "/bliv-frivillig",
} as const;

export const volunteersRoutes: readonly RouteDefinition[] = [
  { path: volunteersPaths.myShifts, render: () => <MyShiftsPage /> },
  { path: volunteersPaths.centreRota, render: (params) => <RotaAdminPage centreId={params["centreId"] ?? ""} /> },
  { path: volunteersPaths.volunteerCalls, render: () => <VolunteerCallsPage /> },
];
