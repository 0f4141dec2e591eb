// Imports every module's slice of the graph; exports the built schema.
import "./common.schema.ts";
import "../modules/accounts/session.schema.ts";
import { builder } from "./builder.ts";

export const schema = builder.toSchema({ sortSchema: true });
