// Routes of the accounts screens; paths are Danish because people read and share them.
import type { RouteDefinition } from "../../router.tsx";
import { SignInPage } from "./SignInPage.tsx";

export const accountsPaths = {
  signIn: "/log-ind",
} as const;

export const accountsRoutes: readonly RouteDefinition[] = [{ path: accountsPaths.signIn, render: () => <SignInPage /> }];
