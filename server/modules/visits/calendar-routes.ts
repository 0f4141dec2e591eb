// iCalendar feeds (RFC 5545) are mounted here by the visits module.
import type Router from "@koa/router";
import type { Clock } from "../../clock.ts";
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";

export interface CalendarRouteDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
}

export function registerCalendarRoutes(_router: Router, _deps: CalendarRouteDependencies): void {}
