import type { Job } from "../../shared/job.ts";
// Housekeeping for sign-in data: ended sessions need not linger. A plain delete, safe with
// several instances. (Failed sign-ins are counted by the rate limiter, which forgets by itself.)

// Keep ended sessions a week for the record, then delete them.
const ENDED_SESSION_RETENTION_MS = 7 * 24 * 3_600_000;

export const accountJobs: Job[] = [
  {
    name: "pruneEndedSessions",
    async run({ prisma, clock }) {
      const cutoff = new Date(clock.now().getTime() - ENDED_SESSION_RETENTION_MS);
      return (
        await prisma.session.deleteMany({
          where: { OR: [{ expiresAt: { lt: cutoff } }, { revokedAt: { lt: cutoff } }] },
        })
      ).count;
    },
  },
];
