// Prometheus metrics (prom-client), one registry per app so tests can run several apps in
// one process. Labels are bounded: operation names are checked and capped, so a client cannot
// grow the series without limit by inventing names.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface PoolUse {
  /** Connections open (busy + idle). */
  total: number;
  idle: number;
  /** Queries waiting for a connection. */
  waiting: number;
  max: number;
}

export interface Metrics {
  registry: Registry;
  observeHttp(labels: { method: string; route: string; status: number }, seconds: number): void;
  observeGraphQL(labels: { operationName: string | undefined; operationType: string }, seconds: number): void;
  countError(code: string): void;
  countJobRun(job: string, outcome: "ok" | "failed", seconds: number): void;
  /** Ticks this instance skipped because another instance holds the job lock. */
  countJobSkip(): void;
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_NAMES = 300;

export function createMetrics(options: { poolUse?: () => PoolUse; processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service: "traedesten" });
  if (options.processMetrics) collectDefaultMetrics({ register: registry });

  const http = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP requests by method, matched route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const graphql = new Histogram({
    name: "graphql_operation_duration_seconds",
    help: "GraphQL execution time by operation name and type",
    labelNames: ["operation_name", "operation_type"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: "graphql_errors_total",
    help: "Errors by code: typed errors returned in result unions and top-level GraphQL errors",
    labelNames: ["code"] as const,
    registers: [registry],
  });
  const jobRuns = new Counter({
    name: "job_runs_total",
    help: "Background job runs on this instance by job and outcome",
    labelNames: ["job", "outcome"] as const,
    registers: [registry],
  });
  const jobDuration = new Histogram({
    name: "job_duration_seconds",
    help: "Background job run time",
    labelNames: ["job"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const jobSkips = new Counter({
    name: "job_ticks_skipped_total",
    help: "Scheduler ticks skipped because another instance holds the job lock",
    registers: [registry],
  });
  const poolUse = options.poolUse;
  if (poolUse) {
    const gauge = (name: string, help: string, pick: (use: PoolUse) => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(pick(poolUse()));
        },
      });
    gauge("db_pool_connections", "Database connections open (busy and idle)", (use) => use.total);
    gauge("db_pool_connections_idle", "Idle database connections", (use) => use.idle);
    gauge("db_pool_waiting", "Queries waiting for a database connection", (use) => use.waiting);
    gauge("db_pool_max", "Largest number of database connections the pool opens", (use) => use.max);
  }

  const seenOperationNames = new Set<string>();
  const operationLabel = (name: string | undefined): string => {
    if (!name) return "anonymous";
    if (!OPERATION_NAME.test(name)) return "invalid";
    if (seenOperationNames.has(name)) return name;
    if (seenOperationNames.size >= MAX_OPERATION_NAMES) return "other";
    seenOperationNames.add(name);
    return name;
  };

  return {
    registry,
    observeHttp: ({ method, route, status }, seconds) => http.observe({ method, route, status: String(status) }, seconds),
    observeGraphQL: ({ operationName, operationType }, seconds) =>
      graphql.observe({ operation_name: operationLabel(operationName), operation_type: operationType }, seconds),
    countError: (code) => errors.inc({ code }),
    countJobRun(job, outcome, seconds) {
      jobRuns.inc({ job, outcome });
      jobDuration.observe({ job }, seconds);
    },
    countJobSkip: () => jobSkips.inc(),
  };
}
