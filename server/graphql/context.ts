// Per-request context: who is asking (viewer), and the dependencies a resolver may use.
import type { Context as KoaContext } from "koa";
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Prisma } from "../db/database.ts";
import type { GlobalRole, MembershipRole, UnitKind } from "../generated/prisma/enums.ts";
import type { PubSub } from "./pubsub.ts";

export interface ViewerMembership {
  unitId: string;
  unitKind: UnitKind;
  organisationId: string;
  role: MembershipRole;
}

export interface Viewer {
  userId: string;
  sessionId: string;
  globalRole: GlobalRole | null;
  memberships: ViewerMembership[];
  /** Organisations this user administers. */
  organisationAdminOf: string[];
  activeUnitId: string | null;
}

export interface RequestInfo {
  id: string;
  ip: string;
}

export interface Context {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  logger: Logger;
  pubsub: PubSub;
  viewer: Viewer | null;
  request: RequestInfo;
  /** Present for HTTP requests; used to set and clear the session cookie. */
  koa: KoaContext | null;
}

export function isMemberOf(viewer: Viewer | null, unitId: string): boolean {
  return viewer?.memberships.some((membership) => membership.unitId === unitId) ?? false;
}

export function memberUnitIds(viewer: Viewer | null): string[] {
  return viewer?.memberships.map((membership) => membership.unitId) ?? [];
}
