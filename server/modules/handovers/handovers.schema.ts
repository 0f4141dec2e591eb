// The handovers module's slice of the graph.
import "./handover.schema.ts";
import "./handover-mutations.schema.ts";
import "./handover-live.schema.ts";
import "./service-figures.schema.ts";
import "./handover-thread.schema.ts";
import "./service-proposals.schema.ts";
import "./open-requests.schema.ts";
