// The volunteers module's slice of the graph.
import "./rota.schema.ts";
import "./recruiting.schema.ts";
import "./volunteer-feed.schema.ts";
