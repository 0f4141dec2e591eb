// Serves the built client (dist/client): hashed assets cached for a year, everything else
// revalidated, and unknown paths answered with index.html so client-side routes work.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import type { Middleware } from "koa";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

async function fileIfExists(file: string): Promise<{ size: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? info : null;
  } catch {
    return null;
  }
}

export function serveClient(root: string): Middleware {
  const resolvedRoot = path.resolve(root);
  return async (ctx, next) => {
    if (ctx.method !== "GET" && ctx.method !== "HEAD") return next();
    const requested = path.resolve(resolvedRoot, `.${decodeURIComponent(ctx.path)}`);
    if (!requested.startsWith(resolvedRoot)) return next();
    let file = requested;
    let info = ctx.path.endsWith("/") ? null : await fileIfExists(file);
    const isAsset = ctx.path.startsWith("/assets/");
    if (!info) {
      // Missing assets are real 404s; any other path is a client-side route.
      if (isAsset || path.extname(ctx.path) !== "") return next();
      file = path.join(resolvedRoot, "index.html");
      info = await fileIfExists(file);
      if (!info) return next();
    }
    ctx.type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    ctx.length = info.size;
    ctx.set("Cache-Control", isAsset ? "public, max-age=31536000, immutable" : "no-cache");
    ctx.body = ctx.method === "HEAD" ? null : createReadStream(file);
  };
}
