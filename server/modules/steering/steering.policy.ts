// Who may see what in steering. The strategic group reads aggregates only: area figures,
// survey roll-ups (suppressed like every figure) and the catalogue; never raw tallies.
import type { Context } from "../../graphql/context.ts";
import { scopesForRow } from "../../shared/policy.ts";
import { centreReaderScopes } from "../insights/index.ts";

/** A centre compared with the area: whoever reads the centre's figures, and the strategic group. */
export async function centreVersusAreaScopes(context: Context, centreId: string) {
  const readerScopes = await centreReaderScopes(context, centreId);
  return readerScopes && { ...readerScopes, strategicGroup: true };
}

/** Adding a centre's own questions to its round survey: the centre's admins. */
export function surveyAdminScopes(context: Context, surveyId: string) {
  const survey = context.prisma.survey.findUnique({ where: { id: surveyId }, select: { centre: { select: { unitId: true } } } });
  return scopesForRow(survey, (row) => ({ unitAdmin: row.centre.unitId }));
}
