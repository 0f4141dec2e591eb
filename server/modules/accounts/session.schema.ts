// Signing out. (Signing in and account management live in accounts.schema.ts.)
import { builder } from "../../graphql/builder.ts";
import { SESSION_COOKIE } from "./session.ts";

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session (revoked server-side) and clears the cookie. True if a session was ended.",
    authScopes: { public: true },
    resolve: async (_root, _args, context) => {
      context.koa?.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: "lax" });
      if (!context.viewer) return false;
      await context.prisma.session.update({
        where: { id: context.viewer.sessionId },
        data: { revokedAt: context.clock.now() },
      });
      return true;
    },
  }),
);
