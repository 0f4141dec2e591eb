// The directory module's slice of the graph.
import "./centre.schema.ts";
import "./service.schema.ts";
import "./directory-maintenance.schema.ts";
