// Every query, mutation and subscription in schema.graphql, run as each of the ten
// personas against the real server. Fails when an operation has no row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../server/graphql/schema.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { outcomeOf, type MatrixRow } from "./authorization/matrix.ts";
import { buildWorld, PERSONAS, type Persona, type World } from "./authorization/personas.ts";
import { rows as accountRows } from "./authorization/rows/accounts.rows.ts";
import { rows as areaRows } from "./authorization/rows/areas.rows.ts";
import { rows as citizenRows } from "./authorization/rows/citizen.rows.ts";
import { rows as directoryRows } from "./authorization/rows/directory.rows.ts";
import { rows as handoverRows } from "./authorization/rows/handovers.rows.ts";
import { rows as insightsRows } from "./authorization/rows/insights.rows.ts";
import { rows as notificationRows } from "./authorization/rows/notifications.rows.ts";
import { rows as opendataRows } from "./authorization/rows/opendata.rows.ts";
import { rows as visitsRows } from "./authorization/rows/visits.rows.ts";
import { rows as volunteersRows } from "./authorization/rows/volunteers.rows.ts";
import { rows as steeringRows } from "./authorization/rows/steering.rows.ts";
import { rows as safetyNetRows } from "./authorization/rows/safety-net.rows.ts";
import { rows as taxonomyRows } from "./authorization/rows/taxonomy.rows.ts";

const rows: MatrixRow[] = [...accountRows, ...areaRows, ...citizenRows, ...directoryRows, ...handoverRows, ...insightsRows, ...notificationRows, ...opendataRows, ...visitsRows, ...volunteersRows, ...steeringRows, ...safetyNetRows, ...taxonomyRows];

let app: TestApp;
let world: World;
let callers: Record<Persona, Caller>;
beforeAll(async () => {
  app = await startTestApp();
  ({ world, callers } = await buildWorld(app));
});
afterAll(async () => {
  await app.close();
});

function operationsInSchema(): string[] {
  return (["Query", "Mutation", "Subscription"] as const).flatMap((typeName) => {
    const type = schema.getType(typeName) as { getFields?: () => Record<string, unknown> } | undefined;
    return type?.getFields ? Object.keys(type.getFields()).map((field) => `${typeName}.${field}`) : [];
  });
}

describe("authorization matrix", () => {
  it("has a row for every operation in the schema, and no row for a missing one", () => {
    const listed = rows.map((row) => row.operation).sort();
    expect(listed).toEqual(operationsInSchema().sort());
  });

  for (const row of rows) {
    for (const persona of PERSONAS) {
      const expected = row.allowed.includes(persona) ? "allowed" : "denied";
      it(`${row.operation} is ${expected} for ${persona}`, async () => {
        const context = {
          app,
          world,
          persona,
          freshCaller: async () => (persona === "anonymous" ? app.anonymous : app.as(world.userIds[persona])),
        };
        const caller = callers[persona];
        const outcome = row.run
          ? await row.run(caller, context)
          : await (async () => {
              const request = await row.request(context);
              return outcomeOf(await request.send(caller), row.expectedErrors);
            })();
        expect(outcome).toBe(expected);
      });
    }
  }
});
