// Background jobs run inside the server on an interval. Each job is an idempotent
// set-based UPDATE/DELETE guarded by its own WHERE clause, so several instances running the
// same job at once do no harm.
import type { Logger } from "pino";
import type { Clock } from "./clock.ts";
import type { Config } from "./config.ts";
import type { Prisma } from "./db/database.ts";
import type { PubSub } from "./graphql/pubsub.ts";
import { accountJobs } from "./modules/accounts/accounts.jobs.ts";
import { handoverJobs } from "./modules/handovers/handover.jobs.ts";

export interface JobDependencies {
  prisma: Prisma;
  clock: Clock;
  config: Config;
  pubsub: PubSub;
}

export interface Job {
  name: string;
  /** Returns how many rows it changed (a count only: never what they were). */
  run(deps: JobDependencies): Promise<number>;
}

export const jobs: Job[] = [...handoverJobs, ...accountJobs];

/** Runs every job once; used by the scheduler and by tests with a set clock. */
export async function runJobsOnce(deps: JobDependencies, logger?: Logger): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const job of jobs) {
    try {
      results[job.name] = await job.run(deps);
      if (results[job.name]! > 0) logger?.info({ job: job.name, changed: results[job.name] }, "job ran");
    } catch (error) {
      // The error's code says what went wrong; its message could echo data, so it stays out.
      logger?.error({ job: job.name, errorName: (error as Error).name, code: (error as { code?: unknown }).code }, "job failed");
    }
  }
  return results;
}

export function startScheduler(deps: JobDependencies, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await runJobsOnce(deps, logger);
    } finally {
      running = false;
    }
  }, deps.config.jobIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
