// Routes of the handovers screens; paths are Danish because people read and share them.
// "ny", "aabne" and "adgangslog" come before ":id" so they are not read as handover ids.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";
import { handoversPaths } from "./paths.ts";

const InboxPage = lazy(() => import("./InboxPage.tsx").then((module) => ({ default: module.InboxPage })));
const NewHandoverPage = lazy(() => import("./NewHandoverPage.tsx").then((module) => ({ default: module.NewHandoverPage })));
const HandoverPage = lazy(() => import("./HandoverPage.tsx").then((module) => ({ default: module.HandoverPage })));
const OpenRequestsPage = lazy(() => import("./OpenRequestsPage.tsx").then((module) => ({ default: module.OpenRequestsPage })));
const AuditTrailPage = lazy(() => import("./AuditTrailPage.tsx").then((module) => ({ default: module.AuditTrailPage })));

export { handoversPaths };

export const handoversRoutes: readonly RouteDefinition[] = [
  { path: handoversPaths.handovers, render: () => <InboxPage /> },
  { path: handoversPaths.newHandover, render: () => <NewHandoverPage /> },
  { path: handoversPaths.openRequests, render: () => <OpenRequestsPage /> },
  { path: handoversPaths.handoverAuditTrail, render: () => <AuditTrailPage /> },
  { path: handoversPaths.handover, render: (params) => <HandoverPage key={params["id"]} id={params["id"] ?? ""} /> },
];
