// Routes of the accounts screens; paths are Danish because people read and share them.
import { lazy } from "react";
import type { RouteDefinition } from "../../page-navigation.tsx";

const SignInPage = lazy(() => import("./SignInPage.tsx").then((module) => ({ default: module.SignInPage })));
const SetPasswordPage = lazy(() => import("./SetPasswordPage.tsx").then((module) => ({ default: module.SetPasswordPage })));
const AdministrationPage = lazy(() => import("./AdministrationPage.tsx").then((module) => ({ default: module.AdministrationPage })));

export const accountsPaths = {
  signIn: "/log-ind",
  setPassword: "/saet-adgangskode",
  administration: "/administration",
} as const;

export const accountsRoutes: readonly RouteDefinition[] = [
  { path: accountsPaths.signIn, render: () => <SignInPage /> },
  { path: accountsPaths.setPassword, render: () => <SetPasswordPage /> },
  { path: accountsPaths.administration, render: () => <AdministrationPage /> },
];
