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
import { builder } from "./builder.ts";

export const schema = builder.toSchema({ sortSchema: true });
