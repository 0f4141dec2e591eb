// The HSDS 3 read API (public, read-only) and the coordinators' export and import:
// GET  /hsds/                                 version and profile
// GET  /hsds/services[/{id}]                  paged (page, per_page), search, taxonomy_term_id, organization_id, modified_after
// GET  /hsds/organizations[/{id}]             paged, search
// GET  /hsds/service_at_locations[/{id}]      paged, search, taxonomy_term_id, organization_id, modified_after
// GET  /hsds/taxonomies[/{id}], /hsds/taxonomy_terms[/{id}]
// GET  /hsds/openapi.json                     the API description of the standard
// GET  /hsds/export.json, /hsds/export.zip    the whole directory (coordinators)
// POST /hsds/import?mode=dry_run|apply        an HSDS JSON or tabular zip package (coordinators)
import { readFileSync } from "node:fs";
import path from "node:path";
import type Router from "@koa/router";
import type { RouterContext } from "@koa/router";
import type { Clock } from "../../../clock.ts";
import type { Config } from "../../../config.ts";
import type { Prisma } from "../../../db/database.ts";
import type { Viewer } from "../../../graphql/context.ts";
import { resolveViewer, SESSION_COOKIE } from "../../accounts/index.ts";
import {
  findOrganization,
  findService,
  findServiceAtLocation,
  pageOf,
  pageOrganizations,
  pageServiceAtLocations,
  pageServices,
  type DirectoryFilter,
  type PageRequest,
} from "./hsds-directory.ts";
import { exportDirectoryTables, toJsonPackage, toTabularZip } from "./hsds-export.ts";
import { applyImport, parsePackage, planImport } from "./hsds-import.ts";
import { HSDS_VERSION } from "./hsds-mapping.ts";
import { STANDARD_DIR } from "./hsds-standard.ts";
import { HSDS_TAXONOMIES, loadHsdsTerms } from "./hsds-taxonomy.ts";

export interface HsdsRouteDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
}

export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;
/** An onboarding package may be far larger than a GraphQL request. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const CSRF_HEADER = "x-graphql-csrf";

class BadRequest extends Error {
  constructor(
    readonly en: string,
    readonly da: string,
  ) {
    super(en);
  }
}

function positiveInteger(value: unknown, fallback: number, name: string, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) {
    throw new BadRequest(`${name} must be a whole number from 1 to ${max}`, `${name} skal være et helt tal fra 1 til ${max}`);
  }
  return number;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function pageRequestOf(ctx: RouterContext): PageRequest {
  return {
    page: positiveInteger(single(ctx.query["page"]), 1, "page"),
    perPage: positiveInteger(single(ctx.query["per_page"]), DEFAULT_PER_PAGE, "per_page", MAX_PER_PAGE),
  };
}

function filterOf(ctx: RouterContext): DirectoryFilter {
  const search = single(ctx.query["search"])?.trim().slice(0, 200);
  const modifiedAfter = single(ctx.query["modified_after"]);
  const parsed = modifiedAfter ? new Date(modifiedAfter) : undefined;
  if (parsed && Number.isNaN(parsed.getTime())) {
    throw new BadRequest("modified_after must be an ISO 8601 date-time", "modified_after skal være et tidspunkt efter ISO 8601");
  }
  return {
    ...(search ? { search } : {}),
    ...(single(ctx.query["taxonomy_term_id"]) ? { taxonomyTermId: single(ctx.query["taxonomy_term_id"])! } : {}),
    ...(single(ctx.query["organization_id"]) ? { organizationId: single(ctx.query["organization_id"])! } : {}),
    ...(parsed ? { modifiedAfter: parsed } : {}),
  };
}

function send(ctx: RouterContext, body: unknown) {
  ctx.set("Access-Control-Allow-Origin", "*");
  ctx.set("Cache-Control", "public, max-age=60");
  ctx.body = body;
}

function notFound(ctx: RouterContext) {
  ctx.status = 404;
  ctx.body = { error: "Not found", errorDa: "Findes ikke" };
}

function isCoordinator(viewer: Viewer | null): boolean {
  return viewer?.globalRole === "COORDINATOR" || viewer?.globalRole === "PLATFORM_ADMIN";
}

const openapi = readFileSync(path.join(STANDARD_DIR, "openapi.json"), "utf8");

export function registerHsdsRoutes(router: Router, deps: HsdsRouteDependencies): void {
  const { prisma, clock, config } = deps;

  // Bad query parameters answer 400 with a Danish and an English message.
  const guarded =
    (handler: (ctx: RouterContext) => Promise<void> | void) =>
    async (ctx: RouterContext) => {
      try {
        await handler(ctx);
      } catch (error) {
        if (!(error instanceof BadRequest)) throw error;
        ctx.status = 400;
        ctx.body = { error: error.en, errorDa: error.da };
      }
    };

  const coordinatorOnly =
    (handler: (ctx: RouterContext, viewer: Viewer) => Promise<void>) =>
    async (ctx: RouterContext) => {
      const viewer = await resolveViewer(prisma, clock, config, ctx.cookies.get(SESSION_COOKIE));
      if (!viewer) {
        ctx.status = 401;
        ctx.body = { error: "Sign in first", errorDa: "Log ind først" };
        return;
      }
      if (!isCoordinator(viewer)) {
        ctx.status = 403;
        ctx.body = { error: "Only coordinators may do this", errorDa: "Kun koordinatorer må gøre dette" };
        return;
      }
      ctx.set("Cache-Control", "private, no-store");
      await handler(ctx, viewer);
    };

  router.get("/hsds", (ctx) => {
    const base = `${ctx.protocol}://${ctx.host}`;
    send(ctx, { version: HSDS_VERSION, profile: "https://docs.openreferral.org/en/3.0/", openapi_url: `${base}/hsds/openapi.json` });
  });
  router.get("/hsds/openapi.json", (ctx) => {
    ctx.type = "application/json";
    send(ctx, openapi);
  });

  router.get("/hsds/services", guarded(async (ctx) => send(ctx, await pageServices(prisma, filterOf(ctx), pageRequestOf(ctx)))));
  router.get("/hsds/services/:id", async (ctx) => {
    const service = await findService(prisma, ctx.params["id"] ?? "", clock.now());
    return service ? send(ctx, service) : notFound(ctx);
  });
  router.get("/hsds/organizations", guarded(async (ctx) => send(ctx, await pageOrganizations(prisma, filterOf(ctx), pageRequestOf(ctx)))));
  router.get("/hsds/organizations/:id", async (ctx) => {
    const organization = await findOrganization(prisma, ctx.params["id"] ?? "");
    return organization ? send(ctx, organization) : notFound(ctx);
  });
  router.get(
    "/hsds/service_at_locations",
    guarded(async (ctx) => send(ctx, await pageServiceAtLocations(prisma, filterOf(ctx), pageRequestOf(ctx), clock.now()))),
  );
  router.get("/hsds/service_at_locations/:id", async (ctx) => {
    const serviceAtLocation = await findServiceAtLocation(prisma, ctx.params["id"] ?? "", clock.now());
    return serviceAtLocation ? send(ctx, serviceAtLocation) : notFound(ctx);
  });
  router.get(
    "/hsds/taxonomies",
    guarded((ctx) => {
      const search = single(ctx.query["search"])?.toLocaleLowerCase("da");
      const rows = HSDS_TAXONOMIES.filter((row) => !search || `${row.name} ${row.description}`.toLocaleLowerCase("da").includes(search));
      const request = pageRequestOf(ctx);
      send(ctx, pageOf(rows.slice((request.page - 1) * request.perPage, request.page * request.perPage), rows.length, request));
    }),
  );
  router.get("/hsds/taxonomies/:id", (ctx) => {
    const taxonomy = HSDS_TAXONOMIES.find((row) => row.id === ctx.params["id"]);
    return taxonomy ? send(ctx, taxonomy) : notFound(ctx);
  });
  router.get(
    "/hsds/taxonomy_terms",
    guarded(async (ctx) => {
      const search = single(ctx.query["search"])?.toLocaleLowerCase("da");
      const taxonomyId = single(ctx.query["taxonomy_id"]);
      const rows = (await loadHsdsTerms(prisma)).terms.filter(
        (row) => (!taxonomyId || row.taxonomy_id === taxonomyId) && (!search || `${row.code} ${row.name} ${row.description}`.toLocaleLowerCase("da").includes(search)),
      );
      const request = pageRequestOf(ctx);
      send(ctx, pageOf(rows.slice((request.page - 1) * request.perPage, request.page * request.perPage), rows.length, request));
    }),
  );
  router.get("/hsds/taxonomy_terms/:id", async (ctx) => {
    const term = (await loadHsdsTerms(prisma)).term(ctx.params["id"] ?? "");
    return term ? send(ctx, term) : notFound(ctx);
  });

  router.get(
    "/hsds/export.json",
    coordinatorOnly(async (ctx) => {
      ctx.set("Content-Disposition", 'attachment; filename="traedesten-hsds.json"');
      ctx.body = toJsonPackage(await exportDirectoryTables(prisma, clock.now()));
    }),
  );
  router.get(
    "/hsds/export.zip",
    coordinatorOnly(async (ctx) => {
      ctx.type = "application/zip";
      ctx.set("Content-Disposition", 'attachment; filename="traedesten-hsds.zip"');
      ctx.body = Buffer.from(toTabularZip(await exportDirectoryTables(prisma, clock.now())));
    }),
  );

  router.post(
    "/hsds/import",
    coordinatorOnly(async (ctx) => {
      // Same CSRF rule as /graphql: a browser form on another site cannot set this header.
      if (!ctx.get(CSRF_HEADER)) {
        ctx.status = 400;
        ctx.body = { error: `Missing ${CSRF_HEADER} header`, errorDa: `Headeren ${CSRF_HEADER} mangler` };
        return;
      }
      const mode = single(ctx.query["mode"]) ?? "dry_run";
      if (mode !== "dry_run" && mode !== "apply") {
        ctx.status = 400;
        ctx.body = { error: "mode must be dry_run or apply", errorDa: "mode skal være dry_run eller apply" };
        return;
      }
      const body = await readBody(ctx, MAX_IMPORT_BYTES);
      if (!body) {
        ctx.status = 413;
        ctx.body = { error: "Package too large", errorDa: "Pakken er for stor" };
        return;
      }
      const parsed = parsePackage(body, ctx.get("content-type"));
      if (!parsed.ok) {
        ctx.status = 422;
        ctx.body = { mode, applied: false, problems: parsed.problems };
        return;
      }
      const plan = await planImport(prisma, parsed.tables);
      if (plan.problems.length > 0) {
        ctx.status = 422;
        ctx.body = { mode, applied: false, problems: plan.problems, report: plan.report };
        return;
      }
      if (mode === "apply") await applyImport(prisma, plan);
      ctx.body = { mode, applied: mode === "apply", problems: [], report: plan.report };
    }),
  );
}

async function readBody(ctx: RouterContext, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
