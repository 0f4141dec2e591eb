// Routes of the handovers screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { HandoversPage } from "./HandoversPage.tsx";

export const handoversPaths = {
  handovers: "/overleveringer",
} as const;

export const handoversRoutes: readonly RouteDefinition[] = [{ path: handoversPaths.handovers, render: () => <HandoversPage /> }];
