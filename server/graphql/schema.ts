// Imports every module's slice of the graph; exports the built schema.
import "./common.schema.ts";
import "../modules/accounts/session.schema.ts";
import "../modules/accounts/user-admin.schema.ts";
import "../modules/accounts/security-event.schema.ts";
import "../modules/directory/directory.schema.ts";
import "../modules/visits/visit.schema.ts";
import "../modules/visits/calendar-feed.schema.ts";
import "../modules/handovers/handovers.schema.ts";
import "../modules/insights/insights.schema.ts";
import "../modules/insights/survey.schema.ts";
import "../modules/notifications/notification.schema.ts";
import "../modules/notifications/preferences.schema.ts";
import "../modules/citizen/citizen.schema.ts";
import "../modules/opendata/hsds/verification.schema.ts";
import "../modules/volunteers/volunteers.schema.ts";
import "../modules/steering/core-task.schema.ts";
import "../modules/steering/area-survey.schema.ts";
import "../modules/steering/demand.schema.ts";
import "../modules/steering/trends.schema.ts";
import "../modules/steering/initiative.schema.ts";
import "../modules/steering/ideas.schema.ts";
import { builder } from "./builder.ts";
import { guardInputs } from "./guard-inputs.ts";

export const schema = guardInputs(builder.toSchema({ sortSchema: true }));
