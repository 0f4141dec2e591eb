// The citizen's page: public operations opened by a link token (anyone holding it, signed in
// or not), the sending unit issues the link and PIN, coordinators read the counted answers.
import type { HandoverStatus } from "../../../server/generated/prisma/enums.ts";
import { generateLinkToken, hashLinkToken, hashPin } from "../../../server/modules/citizen/citizen-link.ts";
import { generateHandoverCode } from "../../../server/modules/handovers/handover-code.ts";
import { graphql } from "../../support/graphql.ts";
import { matrixRequest, type MatrixContext, type MatrixRow } from "../matrix.ts";
import { EVERYONE } from "../personas.ts";

/** A throwaway handover with a citizen link; returns the link token. */
async function handoverWithLink({ app, world }: MatrixContext, status: HandoverStatus): Promise<string> {
  const now = app.clock.now();
  const token = generateLinkToken();
  const handover = await app.prisma.handover.create({
    data: {
      code: generateHandoverCode(),
      fromUnitId: world.sendingCentre.unitId,
      toUnitId: world.receivingService.unitId,
      createdById: world.userIds.sendingMember,
      status,
      purpose: "Matrix",
      helpCategories: ["OTHER"],
      sentAt: now,
      expiresAt: new Date(now.getTime() + 5 * 86_400_000),
      closedAt: status === "COMPLETED" ? now : null,
    },
  });
  await app.prisma.citizenAccess.create({ data: { handoverId: handover.id, tokenHash: hashLinkToken(token), pinHash: hashPin(handover.id, "0000"), issuedAt: now } });
  return token;
}

export const rows: MatrixRow[] = [
  {
    operation: "Query.citizenHandover",
    allowed: EVERYONE,
    request: async (context) =>
      matrixRequest(
        graphql(`query ($access: CitizenAccessInput!) { citizenHandover(access: $access) { __typename } }`),
        { access: { token: await handoverWithLink(context, "SENT") } },
      ),
  },
  {
    operation: "Mutation.closeHandoverAsCitizen",
    allowed: EVERYONE,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: CloseHandoverAsCitizenInput!) { closeHandoverAsCitizen(input: $input) { __typename } }`),
        { input: { access: { token: await handoverWithLink(context, "SENT") }, action: "NO_LONGER_NEEDED" } },
      ),
  },
  {
    operation: "Mutation.answerCitizenFeedback",
    allowed: EVERYONE,
    request: async (context) =>
      matrixRequest(
        graphql(`mutation ($input: AnswerCitizenFeedbackInput!) { answerCitizenFeedback(input: $input) { __typename } }`),
        { input: { access: { token: await handoverWithLink(context, "COMPLETED") }, answer: "PARTLY" } },
      ),
  },
  {
    operation: "Mutation.issueCitizenAccess",
    // The sending unit only: the receiver gets a typed ForbiddenError, everyone else is not a participant.
    allowed: ["sendingMember", "unitAdmin"],
    request: async ({ world }) =>
      matrixRequest(
        graphql(`mutation ($input: IssueCitizenAccessInput!) { issueCitizenAccess(input: $input) { __typename } }`),
        { input: { handoverId: world.handoverId } },
      ),
  },
  {
    operation: "Query.citizenFeedbackFigures",
    allowed: ["coordinator", "platformAdmin"],
    request: async () =>
      matrixRequest(graphql(`{ citizenFeedbackFigures(fromMonth: "2026-01", toMonth: "2026-12") { unitName total { display } } }`)),
  },
];
