// Directory search over HTTP against the real server (NODE_ENV=production), on PostgreSQL and
// on PGlite, at 3,000 and 30,000 synthetic centres (~12 periods each, 5% overnight, closed
// days, activities). For each server: autocannon at 1 and 32 connections, a bounded number of
// seconds per cell, for the typical search, the broad search, openElsewhere and `{ __typename }`
// (the ceiling of the same server in the same run); then coverage for all target groups.
// Prints figures and ratios; no pass/fail.
//
// Usage: npm run bench -- directory [--seconds 10] [--sizes 3000,30000] [--databases postgres,pglite]
//   BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) is the server to
//   create throwaway databases on; BENCH_PORT (default 43010) the first port to listen on.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, cpus, totalmem, tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import autocannon from "autocannon";
import pg from "pg";
import { openPglite, openPostgres, type Database } from "../server/db/database.ts";
import { loadPgliteExtensions } from "../server/db/pglite.ts";
import { seedSql } from "./support/directory-seed.ts";
import { startCompiledServer } from "./support/compiled-server.ts";
import { moveOpenIntervalCalendar } from "../server/modules/directory/open-intervals.ts";
import { addDays, instantAtWallClock, isoWeekdayOf, localDateOf } from "../server/shared/copenhagen-time.ts";

const argument = (name: string) => {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const SECONDS = Number(argument("seconds") ?? 10);
const SIZES = (argument("sizes") ?? "3000,30000").split(",").map(Number);
const DATABASES = (argument("databases") ?? "postgres,pglite").split(",") as ("postgres" | "pglite")[];
const ADMIN_URL = process.env["BENCH_DATABASE_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const FIRST_PORT = Number(process.env["BENCH_PORT"] ?? 43010);
// BENCH_QUERIES=typical,coverage runs only those (the ceiling always runs: the ratios need it).
const ONLY = process.env["BENCH_QUERIES"]?.split(",");
// Aarhus: a 25 km circle holds about 2% of a country-wide directory.
const ORIGIN = { latitude: 56.15, longitude: 10.2 };

interface Target {
  kind: "postgres" | "pglite";
  size: number;
  environment: Record<string, string>;
  dispose(): Promise<void>;
}

async function preparePostgres(size: number): Promise<Target> {
  const name = `bench_directory_${size}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = openPostgres(url.toString());
  await seed(database, size);
  return {
    kind: "postgres",
    size,
    environment: { DATABASE_URL: url.toString() },
    async dispose() {
      const dropper = new pg.Client({ connectionString: ADMIN_URL });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function preparePglite(size: number): Promise<Target> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "traedesten-bench-directory-"));
  const database = openPglite(await PGlite.create({ dataDir, extensions: loadPgliteExtensions() }));
  await seed(database, size);
  return { kind: "pglite", size, environment: { DATA_DIR: dataDir }, dispose: () => rm(dataDir, { recursive: true, force: true }) };
}

async function seed(database: Database, size: number): Promise<void> {
  const started = performance.now();
  await database.migrate();
  await database.sql.exec(seedSql(size));
  const seeded = performance.now();
  // The open intervals of the coming weeks (what the server would otherwise do after it starts).
  await moveOpenIntervalCalendar(database.prisma, new Date());
  await database.sql.exec(`VACUUM ANALYZE "CentreOpenInterval"`);
  await database.close();
  console.log(`  seeded ${size.toLocaleString("en")} centres in ${((seeded - started) / 1000).toFixed(1)} s, ` +
    `materialised their open intervals in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
}

function startServer(target: Target, port: number): Promise<ChildProcess> {
  return startCompiledServer(port, target.environment);
}

async function graphql(port: number, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

/** Next Tuesday 14:30 in Copenhagen. */
function nextTuesdayAt1430(): string {
  const today = localDateOf(new Date());
  const date = addDays(today, ((2 - isoWeekdayOf(today) + 7) % 7) || 7);
  return instantAtWallClock(date, 14 * 60 + 30).toISOString();
}

const QUERIES = {
  typical: {
    label: "(a) typical search",
    query: `query($at: DateTime!) {
      centres(first: 20, filter: { targetGroups: [HOMELESSNESS], openAt: $at, near: { latitude: ${ORIGIN.latitude}, longitude: ${ORIGIN.longitude}, radiusKm: 25 } }) {
        pageInfo { hasNextPage endCursor }
        edges { cursor distanceKm reasons { kind da } node { id name street city openingPeriods { weekday startMinute endMinute isOvernight staffing } } }
      }
    }`,
    variables: () => ({ at: nextTuesdayAt1430() }),
  },
  broad: {
    label: "(b) broad: open this evening",
    query: `{ centres(first: 20, filter: { openPreset: THIS_EVENING }) { pageInfo { hasNextPage endCursor } edges { cursor reasons { kind da } node { id name } } } }`,
    variables: () => ({}),
  },
  elsewhere: {
    label: "(c) openElsewhere",
    query: `query($centreId: ID!) { openElsewhere(centreId: $centreId, first: 5) { distanceKm closesAt reasons { kind da } centre { id name } } }`,
    variables: () => ({ centreId: "bench-centre-7" }),
  },
  ceiling: { label: "(d) { __typename }", query: "{ __typename }", variables: () => ({}) },
} as const;

interface Cell {
  connections: number;
  p50: number;
  p95: number;
  p99: number;
  requestsPerSecond: number;
  errors: number;
  rssMegabytes: number;
  /** The server's CPU (user + system) per answered request: what load elsewhere does not change. */
  cpuMs: number;
}

/** CPU seconds the process has used so far (/proc/<pid>/stat: utime + stime, in ticks of 1/100 s). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))]!;
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

async function measure(port: number, pid: number, body: string, connections: number): Promise<Cell> {
  const latencies: number[] = [];
  let rssMegabytes = 0;
  const sampler = setInterval(() => void rssOf(pid).then((rss) => (rssMegabytes = Math.max(rssMegabytes, rss))), 250);
  const cpuBefore = cpuSecondsOf(pid);
  let finish: (result: autocannon.Result) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve) => (finish = resolve));
  const instance = autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
    body,
    connections,
    duration: SECONDS,
    timeout: 30,
  }, (error, result) => {
    if (error) throw error;
    finish(result);
  });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await done;
  clearInterval(sampler);
  latencies.sort((left, right) => left - right);
  return {
    connections,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requestsPerSecond: latencies.length / SECONDS,
    errors: result.errors + result.timeouts + result.non2xx,
    rssMegabytes,
    cpuMs: ((cpuSecondsOf(pid) - cpuBefore) * 1000) / Math.max(latencies.length, 1),
  };
}

const format = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");

console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, Node ${process.version}`);
console.log(`Load average at start: ${loadavg().map((value) => value.toFixed(2)).join(" / ")} (shared machine: other engineers run tests at the same time)`);
console.log(`${SECONDS} s per cell; server NODE_ENV=production; latencies in ms\n`);

const rows: string[] = [];
let port = FIRST_PORT;
for (const kind of DATABASES) {
  for (const size of SIZES) {
    console.log(`${kind}, ${size.toLocaleString("en")} centres`);
    const target = kind === "postgres" ? await preparePostgres(size) : await preparePglite(size);
    const server = await startServer(target, port++);
    try {
      const results: Partial<Record<keyof typeof QUERIES, Cell[]>> = {};
      for (const [key, definition] of Object.entries(QUERIES) as [keyof typeof QUERIES, (typeof QUERIES)[keyof typeof QUERIES]][]) {
        if (ONLY && key !== "ceiling" && !ONLY.includes(key)) continue;
        const variables = definition.variables();
        const check = await graphql(port - 1, definition.query, variables);
        if (check.errors) throw new Error(`${key}: ${JSON.stringify(check.errors)}`);
        const found = key === "typical" || key === "broad" ? check.data?.["centres"].edges.length : key === "elsewhere" ? check.data?.["openElsewhere"].length : 1;
        const body = JSON.stringify({ query: definition.query, variables });
        const cells: Cell[] = [];
        for (const connections of [1, 32]) cells.push(await measure(port - 1, server.pid!, body, connections));
        results[key] = cells;
        console.log(`  ${definition.label} (${found} rows): ` + cells.map((cell) =>
          `${cell.connections} conn p50 ${format(cell.p50)} p95 ${format(cell.p95)} p99 ${format(cell.p99)} ${format(cell.requestsPerSecond, 0)} req/s ${format(cell.cpuMs, 2)} ms CPU` +
          `${cell.errors ? ` ${cell.errors} errors` : ""} RSS ${format(cell.rssMegabytes, 0)} MB`).join(" | "));
      }
      const ceiling = results.ceiling?.[1]?.requestsPerSecond ?? Number.NaN;
      for (const [key, cells] of Object.entries(results)) {
        const [one, many] = cells as Cell[];
        rows.push(`| ${kind} | ${size.toLocaleString("en")} | ${QUERIES[key as keyof typeof QUERIES].label} | ${format(one!.p50)} / ${format(one!.p95)} / ${format(one!.p99)} | ${format(one!.requestsPerSecond, 0)} | ${format(many!.p50)} / ${format(many!.p95)} / ${format(many!.p99)} | ${format(many!.requestsPerSecond, 0)} | ${format(many!.requestsPerSecond / ceiling, 2)} | ${format(many!.cpuMs, 2)} | ${format(many!.rssMegabytes, 0)} |`);
      }
      if (ONLY && !ONLY.includes("coverage")) continue;
      // Coverage for every target group in one request (counts and gaps), three times.
      const groups = ["MENTAL_VULNERABILITY", "COGNITIVE_DISABILITY", "ADDICTION", "HOMELESSNESS", "YOUNG_ADULTS", "ADULTS", "LONELINESS"];
      const coverageQuery = `{ ${groups.map((group) => `${group.toLowerCase()}: coverage(targetGroup: ${group}) { days { hours { openCount } } gaps { da } }`).join(" ")} }`;
      const timings: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        const answer = await graphql(port - 1, coverageQuery);
        if (answer.errors) throw new Error(`coverage: ${JSON.stringify(answer.errors)}`);
        timings.push(performance.now() - started);
      }
      console.log(`  coverage, all 7 target groups in one request: ${timings.map((timing) => format(timing, 0)).join(", ")} ms`);
      rows.push(`| ${kind} | ${size.toLocaleString("en")} | coverage, all 7 target groups (one request, 3 runs) | ${timings.map((timing) => format(timing, 0)).join(", ")} ms | | | | | | |`);
    } finally {
      server.kill("SIGTERM");
      await new Promise((resolve) => server.once("exit", resolve));
      await target.dispose();
    }
  }
}

console.log(`\nLoad average at end: ${loadavg().map((value) => value.toFixed(2)).join(" / ")}\n`);
console.log("| database | centres | query | 1 conn p50 / p95 / p99 ms | 1 conn req/s | 32 conn p50 / p95 / p99 ms | 32 conn req/s | ÷ __typename | server CPU ms / request | RSS MB |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const row of rows) console.log(row);
process.exit(0);
