// Housekeeping for sign-in data: attempts older than the rate-limit window serve no purpose,
// and ended sessions need not linger. Both are plain deletes, safe with several instances.
import type { Job } from "../../jobs.ts";

// Longer than any rate-limit or lockout window (15 minutes), so no limit is weakened.
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 3_600_000;
// Keep ended sessions a week for the record, then delete them.
const ENDED_SESSION_RETENTION_MS = 7 * 24 * 3_600_000;

export const accountJobs: Job[] = [
  {
    name: "pruneLoginAttempts",
    async run({ prisma, clock }) {
      const cutoff = new Date(clock.now().getTime() - LOGIN_ATTEMPT_RETENTION_MS);
      return (await prisma.loginAttempt.deleteMany({ where: { at: { lt: cutoff } } })).count;
    },
  },
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
