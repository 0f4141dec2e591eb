import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER } from "../server/app.ts";
import { pendingMigrations } from "../server/db/migrate.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk } from "./support/graphql.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app.close();
});

describe("foundation", () => {
  it("answers /healthz while the process is alive", async () => {
    const response = await app.anonymous.fetch("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 once the database is reachable and migrated", async () => {
    const response = await app.anonymous.fetch("/readyz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready" });
    expect(await pendingMigrations(app.database.sql)).toEqual([]);
  });

  it("a second migration run applies nothing", async () => {
    expect(await app.database.migrate()).toEqual([]);
  });

  it("serves GraphQL at /graphql", async () => {
    expect(await runOk(app.anonymous, graphql(`query Health { health }`))).toEqual({ health: "ok" });
  });

  it("refuses cross-site simple requests (no preflight) that lack the CSRF header", async () => {
    const simplePost = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ health }" }),
    });
    expect(simplePost.status).toBe(403);
    const simpleGet = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ health }")}`);
    expect(simpleGet.status).toBe(403);
    const withHeader = await fetch(`${app.url}/graphql?query=${encodeURIComponent("{ health }")}`, {
      headers: { [CSRF_HEADER]: "1", accept: "application/json" },
    });
    expect(withHeader.status).toBe(200);
  });

  it("refuses a request body over the size limit with 413", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", [CSRF_HEADER]: "1" },
      body: JSON.stringify({ query: `{ health }`, padding: "x".repeat(300_000) }),
    });
    expect(response.status).toBe(413);
  });

  it("refuses queries nested deeper than the depth limit", async () => {
    const ofTypes = (levels: number): string => (levels === 0 ? "name" : `ofType { ${ofTypes(levels - 1)} }`);
    const deep = `{ __schema { types { fields { type { ${ofTypes(12)} } } } } }`;
    // A plain string on purpose: the abusive document is generated, and its depth is the point.
    const response = await app.anonymous.graphql(deep);
    expect(response.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("refuses too many aliases", async () => {
    const aliases = Array.from({ length: 20 }, (_, index) => `a${index}: health`).join(" ");
    // A plain string on purpose: the abusive document is generated, and its alias count is the point.
    const response = await app.anonymous.graphql(`{ ${aliases} }`);
    expect(response.errors?.[0]?.message).toMatch(/alias/i);
  });

  it("sends security headers and no CORS headers by default", async () => {
    const response = await fetch(`${app.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const page = await app.anonymous.fetch("/healthz");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
