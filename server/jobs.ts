// Background jobs run inside the server on an interval. Each job works through its due rows in
// bounded batches (shared/batch-job.ts), each a short transaction that claims rows with
// FOR UPDATE SKIP LOCKED and re-checks its WHERE, so several instances running the same job at
// once share the work and never do anything twice. Even so, only one instance runs them: the
// one holding the job lock (Database.holdJobLock), so each tick runs once across all instances.
import type { Logger } from "pino";
import type { Metrics } from "./observability/metrics.ts";
import type { Job, JobDependencies } from "./shared/job.ts";
import { accountJobs } from "./modules/accounts/accounts.jobs.ts";
import { handoverJobs } from "./modules/handovers/handover.jobs.ts";
import { purgeIdempotencyKeys } from "./shared/idempotency.ts";
import { notificationJobs } from "./modules/notifications/notification.jobs.ts";
import { volunteerJobs } from "./modules/volunteers/volunteers.jobs.ts";
import { openIntervalJobs } from "./modules/directory/open-intervals.ts";
import { visitJobs } from "./modules/visits/visit.jobs.ts";

// Notifications run last: they send what the other jobs (expiry) have just enqueued.
export const jobs: Job[] = [...handoverJobs, ...accountJobs, ...volunteerJobs, purgeIdempotencyKeys, ...visitJobs, ...notificationJobs, ...openIntervalJobs];

/** Runs every job once; used by the scheduler and by tests with a set clock. */
export async function runJobsOnce(deps: JobDependencies, logger?: Logger, metrics?: Metrics): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const job of jobs) {
    const started = performance.now();
    try {
      results[job.name] = await job.run(deps);
      metrics?.countJobRun(job.name, "ok", (performance.now() - started) / 1000);
      if (results[job.name]! > 0) logger?.info({ job: job.name, changed: results[job.name] }, "job ran");
    } catch (error) {
      metrics?.countJobRun(job.name, "failed", (performance.now() - started) / 1000);
      // The error's code says what went wrong; its message could echo data, so it stays out.
      logger?.error({ job: job.name, errorName: (error as Error).name, code: (error as { code?: unknown }).code }, "job failed");
    }
  }
  return results;
}

export interface SchedulerOptions {
  metrics?: Metrics;
  /** Resolves true while this instance may run the jobs (see Database.holdJobLock). */
  holdJobLock?: () => Promise<boolean>;
}

export function startScheduler(deps: JobDependencies, logger: Logger, options: SchedulerOptions = {}): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      if (options.holdJobLock && !(await options.holdJobLock())) {
        options.metrics?.countJobSkip();
        return;
      }
      await runJobsOnce(deps, logger, options.metrics);
    } finally {
      running = false;
    }
  }, deps.config.jobIntervalSeconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
