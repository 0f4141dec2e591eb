// Who may see what in insights. Figures are about centres: a centre's own people, the
// administrators of its organisation and the coordinators see them. Survey free text stays
// with the centre's own people, never coordinators, however senior. An unknown id is refused
// (server/shared/policy.ts).
import type { Context } from "../../graphql/context.ts";
import { isMemberOf } from "../../graphql/context.ts";
import { scopesForRow } from "../../shared/policy.ts";
import { findCentreUnitId } from "../directory/index.ts";

/** Scopes that may read a centre's figures and survey results (any one suffices). */
export function centreReaderScopes(context: Context, centreId: string) {
  return scopesForRow(findCentreUnitId(context.prisma, centreId), (unitId) => ({ memberOfUnit: unitId, unitAdmin: unitId, coordinator: true }));
}

/** Scopes that may record tallies and activities: the centre's own members. */
export function centreMemberScopes(context: Context, centreId: string) {
  return scopesForRow(findCentreUnitId(context.prisma, centreId), (unitId) => ({ memberOfUnit: unitId }));
}

/** Scopes that may read the raw daily tallies and activities: the centre's members and its admins. */
export function centreStaffScopes(context: Context, centreId: string) {
  return scopesForRow(findCentreUnitId(context.prisma, centreId), (unitId) => ({ memberOfUnit: unitId, unitAdmin: unitId }));
}

/** Scopes that may open a survey: the centre's unit administrators (and organisation/platform admins). */
export function centreAdminScopes(context: Context, centreId: string) {
  return scopesForRow(findCentreUnitId(context.prisma, centreId), (unitId) => ({ unitAdmin: unitId }));
}

/** Survey results: the same people who may read the survey's centre's figures. */
export async function surveyReaderScopes(context: Context, surveyId: string) {
  const survey = await context.prisma.survey.findUnique({ where: { id: surveyId }, select: { centreId: true } });
  return survey ? centreReaderScopes(context, survey.centreId) : false;
}

/** Free-text answers: members of the centre's unit and admins of its organisation only. */
export async function mayReadSurveyFreeText(context: Context, centreId: string): Promise<boolean> {
  const centre = await context.prisma.centre.findUnique({ where: { id: centreId }, select: { unitId: true, unit: { select: { organisationId: true } } } });
  if (!centre) return false;
  return isMemberOf(context.viewer, centre.unitId) || (context.viewer?.organisationAdminOf.includes(centre.unit.organisationId) ?? false);
}
