// GraphiQL in development works offline: the server serves the whole page itself (assets
// inlined by @graphql-yoga/render-graphiql), and the page loads nothing from another host.
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";

let development: TestApp;
let production: TestApp;
beforeAll(async () => {
  development = await startTestApp({ environment: { NODE_ENV: "development" }, renderGraphiQL });
  production = await startTestApp({ database: development.database, environment: { NODE_ENV: "production", COOKIE_SECURE: "false" }, renderGraphiQL });
}, 120_000);
afterAll(async () => {
  await production?.close();
  await development?.close();
});

describe("GraphiQL", () => {
  it("is served complete by the server in development, with no script, style or font from another host", async () => {
    const response = await development.anonymous.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain("YogaGraphiQL.renderYogaGraphiQL");
    expect(page).toContain("Trædesten GraphQL");
    // No external references in tags: <script src>, <link href>, @import url().
    expect(page).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(page).not.toMatch(/<link[^>]+href=["']https?:/i);
    expect(page).not.toMatch(/unpkg\.com|cdn\.jsdelivr|esm\.sh/);
    // And the browser would refuse anything else: the policy names no other host.
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).not.toMatch(/https?:\/\//);
    expect(policy).toContain("worker-src 'self' blob:");
  });

  it("is off in production", async () => {
    const response = await production.anonymous.fetch("/graphql", { headers: { accept: "text/html" } });
    expect(await response.text()).not.toContain("YogaGraphiQL");
  });
});
