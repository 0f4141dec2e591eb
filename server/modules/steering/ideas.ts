// Ideas and barriers: raised at a centre by its staff, its volunteers or, anonymously, by anyone
// through the centre's public page; qualified by a coordinator, whose answer is public.
// Nothing about who raised one is stored (no user, address or session; the day, not the time).
import type { Clock } from "../../clock.ts";
import type { Prisma } from "../../db/database.ts";
import type { IdeaKind, IdeaSource, InitiativeKind } from "../../generated/prisma/enums.ts";
import type { Viewer } from "../../graphql/context.ts";
import { IllegalTransitionError, NotFoundError } from "../../shared/errors.ts";
import { dateColumn } from "../insights/index.ts";
import { localDateOf } from "../../shared/copenhagen-time.ts";

const THE_CENTRE = { da: "Værestedet", en: "The centre" };
const THE_IDEA = { da: "Idéen", en: "The idea" };
const THE_ORGANISATION = { da: "Organisationen", en: "The organisation" };

/** How the idea reached us: from the centre's own staff or volunteers, otherwise through its public page. */
export function ideaSourceFor(viewer: Viewer | null, centreUnitId: string): IdeaSource {
  if (viewer?.memberships.some((membership) => membership.unitId === centreUnitId)) return "CENTRE_STAFF";
  if (viewer?.volunteerAt.includes(centreUnitId)) return "CENTRE_VOLUNTEER";
  return "PUBLIC_PAGE";
}

/** The centre an idea is raised at, with its unit (to tell staff and volunteers from the public). */
export async function findIdeaCentreOrThrow(prisma: Prisma, centreId: string) {
  const centre = await prisma.centre.findUnique({ where: { id: centreId }, select: { id: true, unitId: true } });
  if (!centre) throw new NotFoundError(THE_CENTRE);
  return centre;
}

/** Stores an idea or a barrier. Only the day is kept, and nothing about who raised it. */
export async function raiseIdea(prisma: Prisma, clock: Clock, input: { centreId: string; kind: IdeaKind; source: IdeaSource; text: string }): Promise<void> {
  await prisma.idea.create({
    data: { centreId: input.centreId, kind: input.kind, source: input.source, text: input.text, raisedOn: dateColumn(localDateOf(clock.now())) },
    select: { id: true },
  });
}

export type IdeaDecision = "ACCEPT_INTO_CATALOGUE" | "ANSWER" | "CLOSE";

export interface AcceptedInitiativeInput {
  title: string;
  description: string;
  kind: InitiativeKind;
  ownerOrganisationId: string;
  quickEffect: number;
  maturity: number;
  resourceDraw: number;
}

export interface QualifyIdeaInput {
  ideaId: string;
  decision: IdeaDecision;
  answer: string;
  initiative?: AcceptedInitiativeInput | null | undefined;
}

const STATUS_OF: Record<IdeaDecision, "ACCEPTED" | "ANSWERED" | "CLOSED"> = { ACCEPT_INTO_CATALOGUE: "ACCEPTED", ANSWER: "ANSWERED", CLOSE: "CLOSED" };

/**
 * Qualifies an open idea: accepts it into the catalogue (a new initiative with status IDEA at
 * the idea's centre, in the same transaction), answers it, or closes it. The answer is public.
 * An idea is qualified once; a second coordinator acting at the same moment gets ILLEGAL_TRANSITION.
 */
export async function qualifyIdea(prisma: Prisma, clock: Clock, input: QualifyIdeaInput) {
  return prisma.$transaction(async (tx) => {
    const idea = await tx.idea.findUnique({ where: { id: input.ideaId }, select: { id: true, status: true, centreId: true } });
    if (!idea) throw new NotFoundError(THE_IDEA);
    if (idea.status !== "OPEN") throw new IllegalTransitionError(idea.status, "qualify");
    let initiativeId: string | null = null;
    if (input.decision === "ACCEPT_INTO_CATALOGUE" && input.initiative) {
      const initiative = input.initiative;
      if (!(await tx.organisation.findUnique({ where: { id: initiative.ownerOrganisationId }, select: { id: true } }))) throw new NotFoundError(THE_ORGANISATION);
      const created = await tx.initiative.create({
        data: { ...initiative, status: "IDEA", centres: { connect: [{ id: idea.centreId }] } },
        select: { id: true },
      });
      initiativeId = created.id;
    }
    // Conditional on OPEN, so two coordinators cannot both qualify it (the loser's initiative is rolled back).
    const updated = await tx.idea.updateMany({
      where: { id: idea.id, status: "OPEN" },
      data: { status: STATUS_OF[input.decision], answer: input.answer, answeredAt: clock.now(), initiativeId },
    });
    if (updated.count === 0) throw new IllegalTransitionError("QUALIFIED", "qualify");
    return tx.idea.findUniqueOrThrow({ where: { id: idea.id } });
  });
}

/** Deletes an idea for good (spam, or text about a person): nothing of it is kept. */
export async function deleteIdea(prisma: Prisma, ideaId: string): Promise<void> {
  const deleted = await prisma.idea.deleteMany({ where: { id: ideaId } });
  if (deleted.count === 0) throw new NotFoundError(THE_IDEA);
}
