// Routes of the visits screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { VisitsPage } from "./VisitsPage.tsx";

export const visitsPaths = {
  visits: "/besoeg",
} as const;

export const visitsRoutes: readonly RouteDefinition[] = [{ path: visitsPaths.visits, render: () => <VisitsPage /> }];
