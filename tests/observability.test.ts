// Operations: Prometheus metrics at /metrics behind a bearer token, and the request id on
// every log line written while handling a request.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metricValue } from "./support/server-process.ts";
import { buildHandoverWorld, type HandoverWorld } from "./support/world.ts";
import { createHandoverRaw } from "./support/handovers.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run } from "./support/graphql.ts";

const METRICS_TOKEN = "metrics-token-for-the-tests-0123";
const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
    done();
  },
});

let app: TestApp;
let withoutToken: TestApp;
let world: HandoverWorld;
beforeAll(async () => {
  app = await startTestApp({ environment: { METRICS_TOKEN }, logger: pino({ level: "trace" }, sink) });
  withoutToken = await startTestApp({ database: app.database });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await withoutToken?.close();
  await app?.close();
}, HOOK_TIMEOUT_MS);

// The operation names are what the metrics are labelled with.
const DIRECTORY_SEARCH = graphql(`query DirectorySearch { centres(first: 5) { edges { node { id } } } }`);
const INBOX = graphql(`query Inbox { me { user { name } } handovers(first: 1) { edges { node { id } } } }`);

const scrape = (token?: string) => app.anonymous.fetch("/metrics", token ? { headers: { authorization: `Bearer ${token}` } } : {});

describe("/metrics", { timeout: SLOW_TEST_MS }, () => {
  it("is off without METRICS_TOKEN and refuses a missing or wrong token", async () => {
    expect((await withoutToken.anonymous.fetch("/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    expect((await scrape()).status).toBe(401);
    expect((await scrape("metrics-token-for-the-tests-0124")).status).toBe(401);
    expect((await scrape("short")).status).toBe(401);
  });

  it("shows search and handover operations with latency buckets, typed errors by code, HTTP routes and the pool", async () => {
    const search = await run(app.anonymous, DIRECTORY_SEARCH);
    expect(search.errors).toBeUndefined();
    const refused = await createHandoverRaw(world.staff, {
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      purpose: "Borgerens nummer er 010203-1234",
      helpCategories: ["HOUSING"],
    });
    expect(JSON.stringify(refused.data)).toContain("CPR_NUMBER_REFUSED");
    const unauthenticated = await run(app.anonymous, INBOX);
    const topLevelCode = unauthenticated.errors?.[0]?.extensions?.["code"] as string;
    expect(topLevelCode).toBeDefined();

    const response = await scrape(METRICS_TOKEN);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(metricValue(text, "graphql_operation_duration_seconds_count", { operation_name: "DirectorySearch", operation_type: "query" })).toBe(1);
    expect(metricValue(text, "graphql_operation_duration_seconds_bucket", { operation_name: "DirectorySearch", le: "+Inf" })).toBe(1);
    expect(metricValue(text, "graphql_operation_duration_seconds_count", { operation_name: "CreateHandover", operation_type: "mutation" })).toBe(1);
    expect(metricValue(text, "graphql_errors_total", { code: "CPR_NUMBER_REFUSED" })).toBe(1);
    expect(metricValue(text, "graphql_errors_total", { code: topLevelCode })).toBeGreaterThanOrEqual(1);
    expect(metricValue(text, "http_request_duration_seconds_count", { method: "POST", route: "/graphql", status: "200" })).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/^db_pool_max\{[^}]*\} \d+$/m);
    // No personal data or free text in the metrics: the refused purpose is nowhere.
    expect(text).not.toContain("010203");
  });

  it("caps operation names a client invents, so the series stay bounded", async () => {
    // A plain string on purpose: the over-long operation name is generated, and it is the point.
    await app.anonymous.graphql(`query ${"x".repeat(80)} { health }`);
    const text = await (await scrape(METRICS_TOKEN)).text();
    expect(text).not.toContain("x".repeat(80));
    expect(metricValue(text, "graphql_operation_duration_seconds_count", { operation_name: "invalid" })).toBe(1);
  });
});

describe("request ids in the logs", { timeout: SLOW_TEST_MS }, () => {
  it("puts the request's id on every line logged while handling it, and on a refused request's answer", async () => {
    const response = await app.anonymous.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
      body: JSON.stringify({ query: `query Named { health }` }),
    });
    const requestId = response.headers.get("x-request-id");
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await response.text();
    expect(lines.filter((line) => line["requestId"] === requestId).map((line) => line["msg"])).toEqual(["request"]);

    // A path that cannot be decoded is refused by the input guard (400, never a 500); the answer
    // names the same request id as its log line, so a user's report can be found in the log.
    const refused = await app.anonymous.fetch("/%E0%A4%A");
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { requestId?: string };
    const requestLine = lines.find((line) => line["msg"] === "request" && line["path"] === "/%E0%A4%A");
    expect(requestLine?.["requestId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.requestId).toBe(requestLine?.["requestId"]);
    expect(refused.headers.get("x-request-id")).toBe(requestLine?.["requestId"]);
    // Nothing at all is logged without a request id while only requests run.
    expect(lines.filter((line) => !line["requestId"])).toEqual([]);
  });
});
