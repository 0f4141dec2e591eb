// GET /v/<slug>: the short link printed on a centre card, redirecting to the centre's page.
import type Router from "@koa/router";
import type { Prisma } from "../../db/database.ts";

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function registerShortLinkRoutes(router: Router, prisma: Prisma): void {
  router.get("/v/:slug", async (ctx) => {
    const slug = (ctx.params["slug"] ?? "").toLowerCase();
    const centre = SLUG.test(slug) ? await prisma.centre.findUnique({ where: { slug }, select: { id: true } }) : null;
    // An unknown or mistyped link still lands somewhere useful: the search.
    ctx.redirect(centre ? `/vaerested/${centre.id}` : "/soeg");
  });
}
