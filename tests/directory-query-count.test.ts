// A search costs the same number of SQL statements whatever the page size: no N+1 over the
// edges (periods, activities, operator and reasons are loaded for the whole page at once).
// Statements are counted where they leave for the database: PGlite's query method, or pg's
// Client.query on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, runOk, type VariablesOf } from "./support/graphql.ts";
import { countingDatabase } from "./support/counting-database.ts";
import { coverageFor } from "../server/modules/directory/centre-hours.ts";
import { moveOpenIntervalCalendar } from "../server/modules/directory/open-intervals.ts";
import { createCentre, createOrganisation } from "./support/world.ts";

// Measured 13 for a whole request after the merge of this round (the search, its page loads,
// the taxonomy's terms for the filter's codes and the reasons' names, and the request's own
// look-ups); what matters most is that it does not grow with the page size.
const STATEMENT_BOUND = 14;
let statements: () => number = () => 0;
let app: TestApp;

beforeAll(async () => {
  const counting = await countingDatabase();
  statements = counting.statements;
  app = await startTestApp({ database: counting.database });
  const organisation = await createOrganisation(app.prisma, { name: "Tællekommune" });
  for (let index = 0; index < 30; index++) {
    const { centre } = await createCentre(app.prisma, organisation.id, {
      name: `Værested ${String(index).padStart(2, "0")}`,
      latitude: 55.49 + index * 0.001,
      longitude: 9.47,
      targetGroups: ["HOMELESSNESS"],
    });
    await app.prisma.openingPeriod.createMany({
      data: [1, 2, 3, 4, 5].map((weekday) => ({ centreId: centre.id, weekday, startMinute: 9 * 60, endMinute: 20 * 60 })),
    });
    await app.prisma.activity.create({
      data: { centreId: centre.id, title: "Fællesspisning", weekday: 3, startMinute: 17 * 60, endMinute: 19 * 60, offers: ["MEAL"] },
    });
  }
}, 300_000);

afterAll(async () => {
  await app?.close();
  await app?.database.close();
});

const SEARCH = graphql(`query FullSearch($first: Int, $after: String) {
  centres(first: $first, after: $after, filter: { targetGroups: [HOMELESSNESS], openPreset: THIS_EVENING, near: { latitude: 55.49, longitude: 9.47, radiusKm: 25 } }) {
    pageInfo { hasNextPage endCursor }
    edges {
      reasons { kind da }
      distanceKm
      node {
        id name operator { name }
        openingPeriods { weekday startMinute endMinute }
        openingStatus { isOpen textDa }
        activities { title whenDa }
      }
    }
  }
}`);

// What a result list shows (the benchmark's typical search): the node's columns and weekly periods
// come from the page's one statement, with the schedules and activities the reasons need.
const LEAN_SEARCH = graphql(`query LeanSearch($first: Int, $after: String) {
  centres(first: $first, after: $after, filter: { targetGroups: [HOMELESSNESS], openAt: "2026-11-25T16:30:00Z", near: { latitude: 55.49, longitude: 9.47, radiusKm: 25 } }) {
    pageInfo { hasNextPage endCursor }
    edges { cursor distanceKm reasons { kind da } node { id name street city openingPeriods { weekday startMinute endMinute isOvernight staffing } } }
  }
}`);

async function statementsFor(
  variables: VariablesOf<typeof SEARCH>,
  search: typeof SEARCH | typeof LEAN_SEARCH = SEARCH,
): Promise<{ statements: number; edges: number; endCursor: string | null }> {
  const before = statements();
  const data = await runOk(app.anonymous, search, variables);
  return { statements: statements() - before, edges: data.centres.edges.length, endCursor: data.centres.pageInfo.endCursor };
}

describe("SQL statements per search", () => {
  it("a page of 3 and a page of 25 take the same, bounded number of statements", async () => {
    app.clock.set("2026-11-25T15:00:00Z");
    const small = await statementsFor({ first: 3 });
    const large = await statementsFor({ first: 25 });
    expect(small.edges).toBe(3);
    expect(large.edges).toBe(25);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(STATEMENT_BOUND);
  });

  it("a later page costs the same as the first", async () => {
    const first = await statementsFor({ first: 10 });
    const second = await statementsFor({ first: 10, after: first.endCursor });
    expect(second.edges).toBe(10);
    expect(second.statements).toBe(first.statements);
  });

  it("a result list takes two statements: the taxonomy, and the ranked page with its rows", async () => {
    app.clock.set("2026-11-25T15:00:00Z");
    // The calendar holds the searched dates, as the server's job keeps it for the coming weeks
    // (otherwise the ranked page is asked again with the computed opening-hours test).
    await moveOpenIntervalCalendar(app.prisma, app.clock.now());
    const small = await statementsFor({ first: 3 }, LEAN_SEARCH);
    const large = await statementsFor({ first: 25 }, LEAN_SEARCH);
    expect(small.edges).toBe(3);
    expect(large.edges).toBe(25);
    expect(small.statements).toBe(2);
    expect(large.statements).toBe(2);
  });

  it("coverage counts take two statements, the calendar check and the week's kept counts, and so does a request per target group", async () => {
    app.clock.set("2026-11-25T15:00:00Z");
    await moveOpenIntervalCalendar(app.prisma, app.clock.now());
    const before = statements();
    const coverage = await coverageFor(app.prisma, "HOMELESSNESS", "2026-11-25", { withCentreIds: false });
    expect(statements() - before).toBe(2);
    // Wednesday 10–11: every centre (Monday–Friday 09–20).
    expect(coverage.days[2]?.hours[10]?.openCount).toBe(30);
    const COVERAGE = graphql(`query CountedCoverage { coverage(targetGroup: HOMELESSNESS, weekOf: "2026-11-25") { days { hours { openCount } } gaps { da } } }`);
    const COVERAGE_TWICE = graphql(`query CountedCoverageTwice {
      homelessness: coverage(targetGroup: HOMELESSNESS, weekOf: "2026-11-25") { days { hours { openCount } } gaps { da } }
      addiction: coverage(targetGroup: ADDICTION, weekOf: "2026-11-25") { days { hours { openCount } } gaps { da } }
    }`);
    const once = statements();
    await runOk(app.anonymous, COVERAGE);
    const twice = statements();
    await runOk(app.anonymous, COVERAGE_TWICE);
    expect(statements() - twice - (twice - once)).toBe(2);
  });
});
