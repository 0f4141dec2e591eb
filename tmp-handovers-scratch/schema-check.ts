import "../server/graphql/common.schema.ts";
import "../server/modules/handovers/handovers.schema.ts";
import { builder } from "../server/graphql/builder.ts";
import { printSchema } from "graphql";
const schema = builder.toSchema({ sortSchema: true });
console.log(printSchema(schema));
