// Signing in and out, and setting a password through a one-time link.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { ErrorInterface } from "../../graphql/common.schema.ts";
import { RateLimitedError, ValidationError } from "../../shared/errors.ts";
import { InvalidCredentialsError } from "./accounts.errors.ts";
import { setPassword } from "./accounts.commands.ts";
import { MeRef } from "./me.schema.ts";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./passwords.ts";
import { organisationsOfUser, recordSecurityEvent } from "./security-events.ts";
import { resolveViewer, SESSION_COOKIE, setSessionCookie } from "./session.ts";
import { signIn } from "./sign-in.commands.ts";

builder.objectType(InvalidCredentialsError, {
  name: "InvalidCredentialsError",
  description: "Wrong e-mail or password, or an account that cannot sign in now; deliberately does not say which.",
  interfaces: [ErrorInterface],
});

const SignInInput = builder.inputType("SignInInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    password: t.string({ required: true }),
  }),
});

const signInSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

builder.mutationField("signIn", (t) =>
  t.field({
    type: MeRef,
    description: "Signs in with e-mail and password and sets an HttpOnly session cookie.",
    args: { input: t.arg({ type: SignInInput, required: true, validate: { schema: signInSchema } }) },
    errors: {
      types: [ValidationError, InvalidCredentialsError, RateLimitedError],
      dataField: { name: "me" },
    },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const { email, password } = input;
      const { token, expiresAt } = await signIn(context.prisma, context.clock, context.config, context.rateLimits, {
        email,
        password,
        ip: context.request.ip,
        previousToken: context.koa?.cookies.get(SESSION_COOKIE),
      });
      setSessionCookie(context.koa, context.config, token, expiresAt, context.clock.now());
      const viewer = await resolveViewer(context.prisma, context.clock, context.config, token);
      if (!viewer) throw new Error("A session just created did not resolve");
      // Later fields of this response (and scopes on Me) answer for the new user.
      context.viewer = viewer;
      return viewer;
    },
  }),
);

builder.mutationField("signOut", (t) =>
  t.boolean({
    description: "Ends the current session (revoked server-side) and clears the cookie. True if a session was ended.",
    authScopes: { public: true },
    resolve: async (_root, _args, context) => {
      setSessionCookie(context.koa, context.config, null);
      const viewer = context.viewer;
      if (!viewer) return false;
      const now = context.clock.now();
      await context.prisma.$transaction(async (tx) => {
        await tx.session.update({ where: { id: viewer.sessionId }, data: { revokedAt: now } });
        await recordSecurityEvent(tx, {
          kind: "LOGOUT",
          at: now,
          ip: context.request.ip,
          actorUserId: viewer.userId,
          targetUserId: viewer.userId,
          organisationIds: await organisationsOfUser(tx, viewer.userId),
        });
      });
      return true;
    },
  }),
);

const SetPasswordInput = builder.inputType("SetPasswordInput", {
  fields: (t) => ({
    token: t.string({ required: true, description: "From the set-password link (the part after #token=)." }),
    password: t.string({ required: true, description: `At least ${MIN_PASSWORD_LENGTH} characters.` }),
  }),
});

const setPasswordSchema = z.object({
  token: z.string().min(1).max(200),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
});

builder.mutationField("setPassword", (t) =>
  t.string({
    description:
      "Sets a password with a one-time link. Does not sign in; returns the account's e-mail so the sign-in form can be filled in.",
    args: { input: t.arg({ type: SetPasswordInput, required: true, validate: { schema: setPasswordSchema } }) },
    errors: {
      types: [ValidationError],
      dataField: { name: "email" },
    },
    authScopes: { public: true },
    resolve: async (_root, { input }, context) => {
      const { token, password } = input;
      return (await setPassword(context.prisma, { token, password, ip: context.request.ip, now: context.clock.now() })).email;
    },
  }),
);
