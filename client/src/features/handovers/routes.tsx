// Routes of the handovers screens; paths are Danish because people read and share them.
// "ny", "aabne" and "adgangslog" come before ":id" so they are not read as handover ids.
import { lazy, Suspense, type ReactNode } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { handoversPaths } from "./paths.ts";

// why: the handover screens are only for signed-in staff; loading them on demand keeps the first page small.
const InboxPage = lazy(() => import("./InboxPage.tsx").then((module) => ({ default: module.InboxPage })));
const NewHandoverPage = lazy(() => import("./NewHandoverPage.tsx").then((module) => ({ default: module.NewHandoverPage })));
const HandoverPage = lazy(() => import("./HandoverPage.tsx").then((module) => ({ default: module.HandoverPage })));
const OpenRequestsPage = lazy(() => import("./OpenRequestsPage.tsx").then((module) => ({ default: module.OpenRequestsPage })));
const AuditTrailPage = lazy(() => import("./AuditTrailPage.tsx").then((module) => ({ default: module.AuditTrailPage })));

export { handoversPaths };

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingRegion busy />}>{children}</Suspense>;
}

export const handoversRoutes: readonly RouteDefinition[] = [
  { path: handoversPaths.handovers, render: () => <Loading><InboxPage /></Loading> },
  { path: handoversPaths.newHandover, render: () => <Loading><NewHandoverPage /></Loading> },
  { path: handoversPaths.openRequests, render: () => <Loading><OpenRequestsPage /></Loading> },
  { path: handoversPaths.handoverAuditTrail, render: () => <Loading><AuditTrailPage /></Loading> },
  { path: handoversPaths.handover, render: (params) => <Loading><HandoverPage key={params["id"]} id={params["id"] ?? ""} /></Loading> },
];
