// Per-request context: who is asking (viewer), and the dependencies a resolver may use.
import type { Context as KoaContext } from "koa";
import type { Logger } from "pino";
import type { Clock } from "../clock.ts";
import type { Config } from "../config.ts";
import type { Prisma } from "../db/database.ts";
import type { GlobalRole, MembershipRole, UnitKind } from "../generated/prisma/enums.ts";
import type { PubSub } from "./pubsub.ts";
import type { RateLimits } from "./rate-limits.ts";

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
  /** Staff memberships only (MEMBER, UNIT_ADMIN). A VOLUNTEER membership is never in here, so no
   *  staff check (handovers, visits, figures, audit logs) can be passed by a volunteer. */
  memberships: ViewerMembership[];
  /** Units (centres) where the user is a volunteer. */
  volunteerAt: string[];
  /** Organisations this user administers. */
  organisationAdminOf: string[];
  activeUnitId: string | null;
}

export interface RequestInfo {
  id: string;
  /** The client's address as TRUST_PROXY allows us to know it (server/http/client-address.ts). */
  ip: string;
}

export interface Context {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  logger: Logger;
  pubsub: PubSub;
  /** Rate limits shared by every instance when REDIS_URL is set (server/graphql/rate-limits.ts). */
  rateLimits: RateLimits;
  viewer: Viewer | null;
  request: RequestInfo;
  /** Present for HTTP requests; used to set and clear the session cookie. */
  koa: KoaContext | null;
}

export function isMemberOf(viewer: Viewer | null, unitId: string | null): boolean {
  if (unitId === null) return false;
  return viewer?.memberships.some((membership) => membership.unitId === unitId) ?? false;
}

export function memberUnitIds(viewer: Viewer | null): string[] {
  return viewer?.memberships.map((membership) => membership.unitId) ?? [];
}
