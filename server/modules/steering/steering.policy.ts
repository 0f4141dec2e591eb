// Who may see what in steering. The strategic group reads aggregates only: area figures,
// survey roll-ups (suppressed like every figure) and the catalogue; never raw tallies.
import type { Context } from "../../graphql/context.ts";
import { centreReaderScopes } from "../insights/insights.policy.ts";

/** A centre compared with the area: whoever reads the centre's figures, and the strategic group. */
export async function centreVersusAreaScopes(context: Context, centreId: string) {
  return { ...(await centreReaderScopes(context, centreId)), strategicGroup: true };
}

/** Adding a centre's own questions to its round survey: the centre's admins. */
export async function surveyAdminScopes(context: Context, surveyId: string) {
  const survey = await context.prisma.survey.findUnique({ where: { id: surveyId }, select: { centre: { select: { unitId: true } } } });
  return survey ? { unitAdmin: survey.centre.unitId } : { platformAdmin: true };
}
