// Who may see what in insights. Figures are about centres: a centre's own people, the
// administrators of its organisation and the coordinators see them. Survey free text stays
// with the centre's own people, never coordinators, however senior.
import type { Context } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import { findCentreUnitId } from "../directory/directory.policy.ts";

/** Scopes that may read a centre's figures and survey results (any one suffices). */
export async function centreReaderScopes(context: Context, centreId: string) {
  const unitId = await findCentreUnitId(context.prisma, centreId);
  // An unknown centre is for coordinators to discover as NOT_FOUND; others are simply refused.
  return unitId ? { memberOfUnit: unitId, unitAdmin: unitId, coordinator: true } : { coordinator: true };
}

/** Scopes that may record tallies and activities: the centre's own members. */
export async function centreMemberScopes(context: Context, centreId: string) {
  const unitId = await findCentreUnitId(context.prisma, centreId);
  return unitId ? { memberOfUnit: unitId } : { platformAdmin: true };
}

/** Scopes that may read the raw daily tallies and activities: the centre's members and its admins. */
export async function centreStaffScopes(context: Context, centreId: string) {
  const unitId = await findCentreUnitId(context.prisma, centreId);
  return unitId ? { memberOfUnit: unitId, unitAdmin: unitId } : { platformAdmin: true };
}

/** Scopes that may open a survey: the centre's unit administrators (and organisation/platform admins). */
export async function centreAdminScopes(context: Context, centreId: string) {
  const unitId = await findCentreUnitId(context.prisma, centreId);
  return unitId ? { unitAdmin: unitId } : { platformAdmin: true };
}

/** Survey results: the same people who may read the survey's centre's figures. */
export async function surveyReaderScopes(context: Context, surveyId: string) {
  const survey = await context.prisma.survey.findUnique({ where: { id: surveyId }, select: { centreId: true } });
  return survey ? centreReaderScopes(context, survey.centreId) : { coordinator: true };
}

/** Free-text answers: members of the centre's unit and admins of its organisation only. */
export async function mayReadSurveyFreeText(context: Context, centreId: string): Promise<boolean> {
  const centre = await context.prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true, unit: { select: { organisationId: true } } } });
  if (!centre) return false;
  return isMemberOf(context.viewer, centre.unitId) || (context.viewer?.organisationAdminOf.includes(centre.unit.organisationId) ?? false);
}
