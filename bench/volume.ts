// The workflow at national volume: inbox, sent list and unread counts at 10,000 and 1,000,000
// handovers (with three events each) for one service, plus a burst of 500 concurrent
// overlapping bookings. Needs PostgreSQL: creates (and finally drops) its own database.
// The server runs as a child process (as in production); this process seeds with
// generate_series SQL and drives 8 concurrent connections. Prints p50/p95 and req/s; no
// pass/fail.
// Usage: npm run bench -- volume   (BENCH_DATABASE_URL, default postgresql://postgres@127.0.0.1:5432/postgres;
//        BENCH_SIZES=10000,1000000; BENCH_SECONDS=8 per query; BENCH_PORT=44010;
//        BENCH_QUERIES=received,unread: only the queries whose names contain one of these, no burst)
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { loadavg, cpus } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { CSRF_HEADER } from "../server/app.ts";
import { systemClock } from "../server/clock.ts";
import { loadConfig } from "../server/config.ts";
import { openPostgres } from "../server/db/database.ts";
import { createSession, SESSION_COOKIE } from "../server/modules/accounts/session.ts";
import { startCompiledServer } from "./support/compiled-server.ts";

const BASE_URL = process.env["BENCH_DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const SIZES = (process.env["BENCH_SIZES"] ?? "10000,1000000").split(",").map(Number);
const SECONDS = Number(process.env["BENCH_SECONDS"] ?? 8);
const PORT = Number(process.env["BENCH_PORT"] ?? 44010);
const CONNECTIONS = 8;
const WARM_UP_SECONDS = 2;
const BURST = 500;
const DATABASE = "traedesten_bench_volume";
const CHUNK = 100_000;
const root = path.resolve(import.meta.dirname, "..");

const admin = new pg.Client({ connectionString: BASE_URL });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
await admin.query(`CREATE DATABASE "${DATABASE}"`);
const url = Object.assign(new URL(BASE_URL), { pathname: `/${DATABASE}` }).toString();
const database = openPostgres(url);
await database.migrate();
const prisma = database.prisma;
const sql = new pg.Client({ connectionString: url });
await sql.connect();

// ── the world: one service (Bostøtten), six sending centres, a space for the burst ──
const organisation = await prisma.organisation.create({ data: { name: "Volumen Kommune", kind: "MUNICIPAL" } });
const serviceUnit = await prisma.unit.create({ data: { organisationId: organisation.id, kind: "SERVICE", name: "Bostøtten" } });
const centreUnits = await Promise.all(
  Array.from({ length: 6 }, (_, index) => prisma.unit.create({ data: { organisationId: organisation.id, kind: "CENTRE", name: `Værested ${index + 1}` } })),
);
const centre = await prisma.centre.create({
  data: { unitId: centreUnits[0]!.id, name: "Værested 1", description: "Benchmark", street: "Benchvej 1", postalCode: "6000", city: "Fjordby", latitude: 55.49, longitude: 9.47 },
});
const space = await prisma.space.create({ data: { centreId: centre.id, name: "Samtalerummet" } });
await prisma.visitWindow.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ centreId: centre.id, weekday, startMinute: 0, endMinute: 24 * 60 - 1 })) });
const worker = await prisma.user.create({ data: { email: "bostoette@volume.example", name: "Bo", memberships: { create: { unitId: serviceUnit.id, role: "MEMBER" } } } });
const staff = await prisma.user.create({ data: { email: "staff@volume.example", name: "Mette", memberships: { create: { unitId: centreUnits[0]!.id, role: "MEMBER" } } } });
const config = loadConfig({ NODE_ENV: "production", SMTP_URL: "smtp://127.0.0.1:9", SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "24" });
const workerCookie = `${SESSION_COOKIE}=${(await createSession(prisma, systemClock, config, worker.id)).token}`;
const staffCookie = `${SESSION_COOKIE}=${(await createSession(prisma, systemClock, config, staff.id)).token}`;

/**
 * Adds handovers with ages `from`..`to` (minutes before now; 0 is the newest) and three events
 * each, in one statement per chunk. The columns the event trigger keeps are computed here and
 * the trigger is off while seeding, so seeding a million rows takes minutes, not hours.
 * The newest two weeks are open (sent, received, accepted); older ones are closed.
 */
async function seedHandovers(from: number, to: number): Promise<void> {
  const units = centreUnits.map((unit) => unit.id);
  await sql.query(`ALTER TABLE "HandoverEvent" DISABLE TRIGGER "HandoverEvent_track_activity"`);
  for (let start = from; start < to; start += CHUNK) {
    const end = Math.min(to, start + CHUNK) - 1;
    await sql.query(
      `WITH base AS (
         SELECT i, 'bench-' || i AS id, (now() AT TIME ZONE 'UTC') - i * interval '1 minute' AS created,
                ($1::text[])[1 + i % 6] AS from_unit,
                CASE WHEN i < 20160 THEN (ARRAY['SENT', 'RECEIVED', 'ACCEPTED'])[1 + i % 3]
                     ELSE (ARRAY['COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'COMPLETED', 'DECLINED', 'EXPIRED', 'CANCELLED'])[1 + i % 10]
                END AS status
         FROM generate_series($3::int, $4::int) AS i
       ), rows AS (
         SELECT base.*, created + interval '1 day' AS answered,
                CASE WHEN status = 'EXPIRED' THEN NULL WHEN status = 'CANCELLED' THEN from_unit ELSE $2 END AS third_actor
         FROM base
       ), handovers AS (
         INSERT INTO "Handover" (id, code, kind, status, "fromUnitId", "toUnitId", "createdById", purpose, "helpCategories",
                                 "createdAt", "sentAt", "firstResponseAt", "closedAt", "expiresAt", outcome,
                                 "receiverActivityAt", "senderActivityAt", "receiverReadAt", "senderReadAt")
         SELECT id, 'V' || upper(to_hex(i)), 'BRIDGE', status::"HandoverStatus", from_unit, $2, $5, 'Hjælp til bolig', ARRAY['HOUSING']::"HelpCategory"[],
                created, created,
                CASE WHEN status IN ('ACCEPTED', 'COMPLETED', 'DECLINED') THEN answered END,
                CASE WHEN status IN ('COMPLETED', 'DECLINED', 'EXPIRED', 'CANCELLED') THEN answered END,
                created + interval '5 days',
                CASE WHEN status = 'COMPLETED' THEN 'CONNECTED'::"HandoverOutcome" END,
                CASE WHEN status = 'SENT' OR third_actor IS DISTINCT FROM $2 THEN CASE WHEN status = 'SENT' THEN created ELSE answered END ELSE created END,
                CASE WHEN status IN ('SENT', 'CANCELLED') THEN NULL ELSE answered END,
                -- The service opened everything but what is still SENT; the centre has not yet seen the recent acceptances.
                CASE WHEN status = 'SENT' THEN NULL ELSE answered + interval '1 hour' END,
                CASE WHEN status IN ('SENT', 'RECEIVED', 'ACCEPTED') THEN NULL ELSE answered + interval '1 hour' END
         FROM rows
       )
       INSERT INTO "HandoverEvent" (id, "handoverId", type, "fromStatus", "toStatus", "actorUnitId", at)
       SELECT rows.id || '-' || event.n, rows.id, event.type::"HandoverEventType", event.from_status::"HandoverStatus", event.to_status::"HandoverStatus", event.actor, event.at
       FROM rows CROSS JOIN LATERAL (VALUES
         (1, 'CREATED', NULL, 'DRAFT', rows.from_unit, rows.created),
         (2, 'SENT', 'DRAFT', 'SENT', rows.from_unit, rows.created),
         (3, CASE WHEN rows.status = 'SENT' THEN NULL ELSE rows.status END, 'SENT', rows.status, rows.third_actor, rows.answered)
       ) AS event(n, type, from_status, to_status, actor, at)
       WHERE event.type IS NOT NULL`,
      [units, serviceUnit.id, start, end, staff.id],
    );
    process.stdout.write(`  seeded ${(end + 1).toLocaleString("en")} handovers\r`);
  }
  await sql.query(`ALTER TABLE "HandoverEvent" ENABLE TRIGGER "HandoverEvent_track_activity"`);
  await sql.query(`VACUUM ANALYZE "Handover"`);
  await sql.query(`VACUUM ANALYZE "HandoverEvent"`);
  process.stdout.write("\n");
}

// ── the server, as a child process ──
function startServer(): Promise<ChildProcess> {
  return startCompiledServer(PORT, { DATABASE_URL: url, LOG_LEVEL: "silent", SESSION_IDLE_MINUTES: "1440", SESSION_ABSOLUTE_HOURS: "24" });
}

function post(cookie: string, query: string, variables: Record<string, unknown>) {
  return fetch(`http://127.0.0.1:${PORT}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie },
    body: JSON.stringify({ query, variables }),
  });
}

const LIST = `totalCount totalCountIsCapped pageInfo { hasNextPage endCursor }
  edges { cursor node { id code kind status outcome purpose urgency isUnread hasConsent createdAt sentAt fromUnit { id name } toUnit { id name } } }`;
const QUERIES = [
  {
    name: "receivedHandovers, default",
    cookie: workerCookie,
    query: `query ($unitId: ID!) { receivedHandovers(unitId: $unitId, first: 20) { ${LIST} } }`,
    variables: { unitId: serviceUnit.id },
  },
  {
    name: "receivedHandovers, status filter (open)",
    cookie: workerCookie,
    query: `query ($unitId: ID!, $filter: HandoverFilter) { receivedHandovers(unitId: $unitId, filter: $filter, first: 20) { ${LIST} } }`,
    variables: { unitId: serviceUnit.id, filter: { statuses: ["DRAFT", "SENT", "RECEIVED", "ACCEPTED"], kinds: [] } },
  },
  { name: "handoverUnreadCounts", cookie: workerCookie, query: `{ handoverUnreadCounts { unit { id } receivedUnread sentUnread } }`, variables: {} },
  {
    name: "sentHandovers (a sending centre)",
    cookie: staffCookie,
    query: `query ($unitId: ID!) { sentHandovers(unitId: $unitId, first: 20) { ${LIST} } }`,
    variables: { unitId: centreUnits[0]!.id },
  },
  // What every signed-in request costs before it does anything: the floor under the rows above.
  { name: "signed in, { __typename }", cookie: workerCookie, query: `{ __typename }`, variables: {} },
].filter((request) => !process.env["BENCH_QUERIES"] || process.env["BENCH_QUERIES"].split(",").some((part) => request.name.includes(part)));

/**
 * CPU seconds (user + system) the server process has used so far, from /proc: divided by the
 * requests answered it is the cost of one request, which other load on the machine does not
 * change the way it changes latencies.
 */
function serverCpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Throws unless the request answers without errors: the timed runs below do not read bodies. */
async function check(request: (typeof QUERIES)[number]) {
  const response = await post(request.cookie, request.query, request.variables);
  const body = (await response.json()) as { errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`${request.name}: ${response.status} ${JSON.stringify(body.errors)}`);
}

/**
 * CONNECTIONS connections sending the same request for `seconds` (autocannon: it costs the
 * shared machine less CPU than fetch, so the server's figures are less disturbed by the load
 * generator); latency of each answered request.
 */
async function measure(request: (typeof QUERIES)[number], pid: number | undefined, seconds = SECONDS) {
  const cpuBefore = serverCpuSeconds(pid);
  const latencies: number[] = [];
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${PORT}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", [CSRF_HEADER]: "1", cookie: request.cookie },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 30,
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, status, _bytes, responseTime) => {
      if (status === 200) latencies.push(responseTime);
      else failures += 1;
    });
  });
  failures += result.errors + result.timeouts;
  latencies.sort((a, b) => a - b);
  const at = (quantile: number) => latencies[Math.min(latencies.length - 1, Math.floor(quantile * latencies.length))] ?? Number.NaN;
  const cpuMs = ((serverCpuSeconds(pid) - cpuBefore) * 1000) / Math.max(latencies.length, 1);
  return { p50: at(0.5), p95: at(0.95), rps: latencies.length / seconds, failures, cpuMs };
}

const figures: Record<string, Record<number, { p50: number; p95: number; rps: number; failures: number; cpuMs: number }>> = {};
let seededUpTo = 0;
for (const size of SIZES) {
  const seedStarted = performance.now();
  await seedHandovers(seededUpTo, size);
  seededUpTo = size;
  console.log(`${size.toLocaleString("en")} handovers (${(size * 3).toLocaleString("en")} events) seeded in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`);
  const server = await startServer();
  try {
    // Warm-up: the first requests compile and cache, and V8 optimises the hot code on threads
    // whose CPU counts for the server; none of that is what a busy morning sees.
    for (const request of QUERIES) {
      await check(request);
      await measure(request, server.pid, WARM_UP_SECONDS);
    }
    for (const request of QUERIES) {
      const result = await measure(request, server.pid);
      (figures[request.name] ??= {})[size] = result;
      console.log(
        `  ${request.name.padEnd(42)} p50 ${result.p50.toFixed(1).padStart(7)} ms  p95 ${result.p95.toFixed(1).padStart(7)} ms  ${result.rps.toFixed(1).padStart(7)} req/s  server CPU ${result.cpuMs.toFixed(1).padStart(5)} ms/request${result.failures ? `  (${result.failures} failed)` : ""}`,
      );
    }
    if (size === SIZES[SIZES.length - 1] && !process.env["BENCH_QUERIES"]) {
      // 500 concurrent, overlapping bookings of one space.
      const responses = await Promise.all(
        Array.from({ length: BURST }, async (_, index) => {
          const startsAt = new Date(Date.now() + 7 * 86_400_000 + (index % 60) * 60_000);
          const response = await post(workerCookie, `mutation ($input: BookVisitInput!) { bookVisit(input: $input) { __typename } }`, {
            input: {
              centreId: centre.id,
              spaceId: space.id,
              serviceUnitId: serviceUnit.id,
              startsAt: startsAt.toISOString(),
              endsAt: new Date(startsAt.getTime() + 70 * 60_000).toISOString(),
              title: `Forsøg ${index}`,
            },
          });
          const body = (await response.json()) as { data?: { bookVisit?: { __typename: string } }; errors?: { message: string; extensions?: { code?: string } }[] };
          return body.data?.bookVisit?.__typename ?? `${response.status} ${body.errors?.[0]?.extensions?.code ?? body.errors?.[0]?.message ?? "?"}`;
        }),
      );
      const tally: Record<string, number> = {};
      for (const outcome of responses) tally[outcome] = (tally[outcome] ?? 0) + 1;
      console.log(`  booking burst of ${BURST}: ${JSON.stringify(tally)}`);
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
}

console.log(`\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}; load average ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
await sql.end();
await database.close();
// BENCH_KEEP=1 keeps the database for looking at query plans.
if (!process.env["BENCH_KEEP"]) await admin.query(`DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
await admin.end();
process.exit(0);
