// Keeping the rota in step with opening hours, and deleting applications nobody accepted.
import { remindRotaGaps } from "./rota-reminders.ts";
import { reconcileUpcomingRotas } from "./rota.commands.ts";
import type { Job } from "../../shared/job.ts";

export const volunteerJobs: Job[] = [
  {
    // An exception or holiday added in the directory cancels or moves the shifts it touches
    // within one job interval, without the directory knowing about rotas.
    name: "reconcileRotas",
    run: ({ prisma, clock }) => reconcileUpcomingRotas(prisma, clock.now()),
  },
  {
    // After reconciling, so a gap that a closure just cancelled is not reminded of.
    name: "remindRotaGaps",
    run: ({ prisma, clock }) => remindRotaGaps(prisma, clock.now()),
  },
  {
    // Applications hold personal data: gone after the retention window unless accepted.
    name: "deleteExpiredVolunteerApplications",
    async run({ prisma, clock }) {
      return (await prisma.volunteerApplication.deleteMany({ where: { status: { not: "ACCEPTED" }, deleteAfter: { lte: clock.now() } } })).count;
    },
  },
];
