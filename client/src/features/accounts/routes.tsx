// Routes of the accounts screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { AdministrationPage } from "./AdministrationPage.tsx";
import { SetPasswordPage } from "./SetPasswordPage.tsx";
import { SignInPage } from "./SignInPage.tsx";

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
