// Routes of the administration sub-pages (centre and service profiles, unit members, security log).
import { lazy, Suspense, type ComponentType } from "react";
import type { RouteDefinition } from "../../router.tsx";
import { Spinner } from "../../ui/Spinner.tsx";
import { adminProfilePaths } from "./paths.ts";

// Only administrators open these, so they load on demand and stay out of the first bundle.
const CentreAdminPage = lazy(() => import("./CentreAdminPage.tsx").then((module) => ({ default: module.CentreAdminPage })));
const ServiceAdminPage = lazy(() => import("./ServiceAdminPage.tsx").then((module) => ({ default: module.ServiceAdminPage })));
const UnitMembersPage = lazy(() => import("./UnitMembersPage.tsx").then((module) => ({ default: module.UnitMembersPage })));
const SecurityLogPage = lazy(() => import("./SecurityLogPage.tsx").then((module) => ({ default: module.SecurityLogPage })));
const SignpostingAdminPage = lazy(() => import("./SignpostingAdminPage.tsx").then((module) => ({ default: module.SignpostingAdminPage })));
const TaxonomyAdminPage = lazy(() => import("./TaxonomyAdminPage.tsx").then((module) => ({ default: module.TaxonomyAdminPage })));

const page = (Page: ComponentType) => () => (
  <Suspense fallback={<Spinner showLabel />}>
    <Page />
  </Suspense>
);

export { adminProfilePaths };

export const adminProfileRoutes: readonly RouteDefinition[] = [
  { path: adminProfilePaths.adminCentre, render: page(CentreAdminPage) },
  { path: adminProfilePaths.adminService, render: page(ServiceAdminPage) },
  { path: adminProfilePaths.adminUnit, render: page(UnitMembersPage) },
  { path: adminProfilePaths.securityLog, render: page(SecurityLogPage) },
  { path: adminProfilePaths.taxonomy, render: page(TaxonomyAdminPage) },
  { path: adminProfilePaths.signposting, render: page(SignpostingAdminPage) },
];
