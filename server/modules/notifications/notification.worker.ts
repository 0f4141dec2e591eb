// A faster loop than the general job scheduler for moving messages along, so a message leaves
// seconds after its event rather than up to a job interval later. Several instances may run it.
import type { Logger } from "pino";
import { notificationDeliveryJobs } from "./notification.jobs.ts";
import type { JobDependencies } from "../../shared/job.ts";

export const NOTIFICATION_INTERVAL_MS = 5_000;

export function startNotificationWorker(deps: JobDependencies, logger: Logger, intervalMs = NOTIFICATION_INTERVAL_MS): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      for (const job of notificationDeliveryJobs) {
        try {
          const changed = await job.run(deps);
          if (changed > 0) logger.info({ job: job.name, changed }, "job ran");
        } catch (error) {
          logger.error({ job: job.name, errorName: (error as Error).name, code: (error as { code?: unknown }).code }, "job failed");
        }
      }
    } finally {
      running = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
