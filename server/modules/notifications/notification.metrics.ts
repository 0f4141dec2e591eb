// Delivery figures for /metrics, counted in the database when Prometheus scrapes: the same on
// every instance, and they survive restarts. status="failed" is a message the worker gave up on
// (after NOTIFICATION_MAX_ATTEMPTS tries or a bounce) — the one to alert on. Counts only: no
// address, kind of person or unit is a label.
import { Gauge, type Registry } from "prom-client";
import type { Prisma } from "../../db/database.ts";
import { NotificationChannel, NotificationDeliveryStatus } from "../../generated/prisma/enums.ts";

export const NOTIFICATION_DELIVERIES_METRIC = "notification_deliveries";

export function registerNotificationMetrics(registry: Registry, prisma: Prisma): void {
  if (registry.getSingleMetric(NOTIFICATION_DELIVERIES_METRIC)) return;
  new Gauge({
    name: NOTIFICATION_DELIVERIES_METRIC,
    help: "Notification deliveries in the outbox by channel and status (failed = given up after the last retry or a bounce)",
    labelNames: ["channel", "status"] as const,
    registers: [registry],
    async collect() {
      let rows: { channel: string; status: string; count: number }[];
      try {
        rows = await prisma.$queryRaw`
          SELECT channel::text AS channel, status::text AS status, count(*)::int AS count
          FROM "NotificationDelivery" GROUP BY channel, status`;
      } catch {
        return; // the database is away: keep the last figures rather than fail the whole scrape
      }
      // Every series always present (0 too), so an alert on status="failed" has something to watch.
      for (const channel of Object.values(NotificationChannel)) {
        for (const status of Object.values(NotificationDeliveryStatus)) this.set({ channel: channel.toLowerCase(), status: status.toLowerCase() }, 0);
      }
      for (const row of rows) this.set({ channel: row.channel.toLowerCase(), status: row.status.toLowerCase() }, row.count);
    },
  });
}
