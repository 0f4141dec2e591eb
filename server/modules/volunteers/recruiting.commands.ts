// Recruiting volunteers: a centre's "Vi søger frivillige" calls, public applications, and turning
// an accepted application into an invitation to a volunteer account.
import type { Config } from "../../config.ts";
import type { Prisma } from "../../db/database.ts";
import type { VolunteerApplication, VolunteerCall } from "../../generated/prisma/client.ts";
import { ConflictError, NotFoundError } from "../../shared/errors.ts";
import { type Actor, addVolunteerMembership, type PasswordLink } from "../accounts/index.ts";
import { VOLUNTEER_CONSENT } from "./volunteer-consent.ts";

const CENTRE = { da: "Værestedet", en: "The centre" };
const CALL = { da: "Opslaget", en: "The call for volunteers" };
const APPLICATION = { da: "Henvendelsen", en: "The application" };

export interface VolunteerCallValues {
  title: string;
  whenText: string;
  skills: string | null;
  description: string | null;
  isPublished: boolean;
}

/** Creates a call for volunteers, or updates one of the same centre. */
export async function saveVolunteerCall(prisma: Prisma, centreId: string, callId: string | null, values: VolunteerCallValues): Promise<VolunteerCall> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) throw new NotFoundError(CENTRE);
    if (callId === null) return tx.volunteerCall.create({ data: { centreId, ...values } });
    const call = await tx.volunteerCall.findUnique({ where: { id: callId } });
    if (!call || call.centreId !== centreId) throw new NotFoundError(CALL);
    return tx.volunteerCall.update({ where: { id: callId }, data: values });
  });
}

/** Stores a public application; it is deleted after the retention window unless accepted. */
export async function submitVolunteerApplication(
  prisma: Prisma,
  config: Config,
  now: Date,
  input: { centreId: string; callId: string | null; name: string; email: string; phone: string | null; message: string | null },
): Promise<VolunteerApplication> {
  return prisma.$transaction(async (tx) => {
    if (!(await tx.centre.findUnique({ where: { id: input.centreId }, select: { id: true } }))) throw new NotFoundError(CENTRE);
    if (input.callId) {
      const call = await tx.volunteerCall.findUnique({ where: { id: input.callId }, select: { centreId: true, isPublished: true } });
      if (!call || call.centreId !== input.centreId || !call.isPublished) throw new NotFoundError(CALL);
    }
    return tx.volunteerApplication.create({
      data: {
        ...input,
        consentVersion: VOLUNTEER_CONSENT.version,
        receivedAt: now,
        deleteAfter: new Date(now.getTime() + config.retentionDays * 86_400_000),
      },
    });
  });
}

/**
 * Accepts an application: the applicant becomes a volunteer of the centre. A new person gets an
 * account and a one-time set-password link (the same flow as any new user); someone who already
 * has an account gets the volunteer membership and no link. The message is no longer needed and
 * is deleted.
 */
export async function acceptVolunteerApplication(
  prisma: Prisma,
  config: Config,
  actor: Actor,
  applicationId: string,
): Promise<{ application: VolunteerApplication; passwordLink: PasswordLink | null }> {
  return prisma.$transaction(async (tx) => {
    const application = await tx.volunteerApplication.findUnique({
      where: { id: applicationId },
      include: { centre: { select: { unitId: true, unit: { select: { organisationId: true } } } } },
    });
    if (!application) throw new NotFoundError(APPLICATION);
    if (application.status === "ACCEPTED") {
      throw new ConflictError({ da: "Henvendelsen er allerede accepteret.", en: "The application has already been accepted." });
    }
    const { unitId, unit } = application.centre;
    const { userId, passwordLink } = await addVolunteerMembership(tx, config, actor, {
      email: application.email,
      name: application.name,
      unitId,
      organisationId: unit.organisationId,
    });
    const accepted = await tx.volunteerApplication.update({
      where: { id: application.id },
      data: { status: "ACCEPTED", acceptedAt: actor.now, invitedUserId: userId, message: null },
    });
    return { application: accepted, passwordLink };
  });
}

/** Declines an application: its personal data is deleted at once. */
export async function declineVolunteerApplication(prisma: Prisma, applicationId: string): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const application = await tx.volunteerApplication.findUnique({ where: { id: applicationId }, select: { status: true } });
    if (!application) throw new NotFoundError(APPLICATION);
    if (application.status === "ACCEPTED") {
      throw new ConflictError({ da: "En accepteret henvendelse kan ikke afvises.", en: "An accepted application cannot be declined." });
    }
    await tx.volunteerApplication.delete({ where: { id: applicationId } });
  });
}
