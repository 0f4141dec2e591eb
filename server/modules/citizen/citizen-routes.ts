// The citizen's page is its own small client entry (client/citizen.html), not the professional
// client: /h/<token> (the link and QR code on the receipt) and /folg (type code + PIN).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type Router from "@koa/router";

export const CITIZEN_PATHS = ["/h/:token", "/folg", "/f%C3%B8lg", "/følg"];

export function registerCitizenRoutes(router: Router, options: { clientDir: string }): void {
  const page = path.join(options.clientDir, "citizen.html");
  router.get(CITIZEN_PATHS, async (ctx, next) => {
    const info = await stat(page).catch(() => null);
    if (!info?.isFile()) return next();
    ctx.type = "text/html; charset=utf-8";
    ctx.length = info.size;
    // The token is a secret in the URL: keep the page out of every cache and the token out of Referer.
    ctx.set("Cache-Control", "no-store");
    ctx.set("Referrer-Policy", "no-referrer");
    ctx.body = createReadStream(page);
  });
}

/** The request path with a citizen's link token replaced, for the request log. */
export function redactCitizenToken(requestPath: string): string {
  return requestPath.replace(/^\/h\/[^/]+/, "/h/[token]");
}
