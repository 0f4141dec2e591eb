// The directory module's slice of the graph.
import "./centre.schema.ts";
import "./service.schema.ts";
import "./directory-maintenance.schema.ts";
import "./unit-place.schema.ts";
import "./centre-card.schema.ts";
import "./area.schema.ts";
import "./safety-net.schema.ts";
import "./taxonomy.schema.ts";
import "./signposting.schema.ts";
