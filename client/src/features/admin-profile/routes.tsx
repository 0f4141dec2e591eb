// Routes of the administration sub-pages (centre and service profiles, unit members, security log).
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";
import { adminProfilePaths } from "./paths.ts";

const CentreAdminPage = lazy(() => import("./CentreAdminPage.tsx").then((module) => ({ default: module.CentreAdminPage })));
const ServiceAdminPage = lazy(() => import("./ServiceAdminPage.tsx").then((module) => ({ default: module.ServiceAdminPage })));
const UnitMembersPage = lazy(() => import("./UnitMembersPage.tsx").then((module) => ({ default: module.UnitMembersPage })));
const SecurityLogPage = lazy(() => import("./SecurityLogPage.tsx").then((module) => ({ default: module.SecurityLogPage })));
const SignpostingAdminPage = lazy(() => import("./SignpostingAdminPage.tsx").then((module) => ({ default: module.SignpostingAdminPage })));
const TaxonomyAdminPage = lazy(() => import("./TaxonomyAdminPage.tsx").then((module) => ({ default: module.TaxonomyAdminPage })));

export { adminProfilePaths };

export const adminProfileRoutes: readonly RouteDefinition[] = [
  { path: adminProfilePaths.adminCentre, render: () => <CentreAdminPage /> },
  { path: adminProfilePaths.adminService, render: () => <ServiceAdminPage /> },
  { path: adminProfilePaths.adminUnit, render: () => <UnitMembersPage /> },
  { path: adminProfilePaths.securityLog, render: () => <SecurityLogPage /> },
  { path: adminProfilePaths.taxonomy, render: () => <TaxonomyAdminPage /> },
  { path: adminProfilePaths.signposting, render: () => <SignpostingAdminPage /> },
];
