// Findings 4 and 9 as attacks over HTTP: input that cannot be stored (NUL and other control
// characters, lone surrogates, over-long strings, malformed ids, implausible dates) is a
// ValidationError naming the field (HTTP 400 on REST paths), never a 500, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STRING_LENGTH } from "../../server/shared/input-guard.ts";
import { buildHandoverWorld, type HandoverWorld } from "../support/world.ts";
import { createHandoverRaw, ErrorFields } from "../support/handovers.ts";
import { HOOK_TIMEOUT_MS, startTestApp, type TestApp } from "../support/app.ts";
import { graphql, run, runError } from "../support/graphql.ts";

let app: TestApp;
let world: HandoverWorld;
beforeAll(async () => {
  app = await startTestApp({ environment: { NODE_ENV: "production" } });
  world = await buildHandoverWorld(app);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

const UPDATE_CENTRE_PROFILE = graphql(
  `mutation UpdateCentreProfile($input: UpdateCentreProfileInput!) { updateCentreProfile(input: $input) { __typename ...ErrorFields } }`,
  [ErrorFields],
);
const SET_OPENING_PERIODS = graphql(
  `mutation SetOpeningPeriods($input: SetOpeningPeriodsInput!) { setOpeningPeriods(input: $input) { __typename ...ErrorFields } }`,
  [ErrorFields],
);
const HANDOVER_ID = graphql(`query HandoverId($id: ID!) { handover(id: $id) { id } }`);
const INLINE_MALFORMED_ID = graphql(`query InlineMalformedId { handover(id: "abc\\u0000def") { id } }`);
const TALLY = graphql(
  `mutation RecordVisitorTally($input: RecordVisitorTallyInput!) { recordVisitorTally(input: $input) { __typename ...ErrorFields } }`,
  [ErrorFields],
);
const CENTRE_FIGURES = graphql(`query CentreFigures($id: ID!, $date: Date!) { centreFigures(centreId: $id, from: $date, to: $date) { centreId } }`);
// The dates are literals in the document on purpose: the leap day is read from the document, not from variables.
const LEAP_DAY_FIGURES = graphql(`query LeapDayFigures($id: ID!) { centreFigures(centreId: $id, from: "2024-02-29", to: "2024-02-29") { from } }`);

/** The fields a ValidationError names (failing the test on a result without issues). */
const fieldsOf = (result: { __typename: string; issues?: readonly { field: string | null }[] }) => result.issues!.map((issue) => issue.field);

describe("strings that cannot be stored", () => {
  it.each([
    ["NUL", "Hjælp\u0000til bolig"],
    ["another control character", "Hjælp\u0007til bolig"],
    ["a lone high surrogate", "Hjælp \uD83D til bolig"],
    ["a lone low surrogate", "Hjælp \uDE00 til bolig"],
    ["an over-long string", "x".repeat(MAX_STRING_LENGTH + 1)],
  ])("in a handover's purpose (%s) is a ValidationError naming the field, and nothing is created", async (_label, purpose) => {
    const before = await app.prisma.handover.count();
    const response = await createHandoverRaw(world.staff, {
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      purpose,
      helpCategories: ["HOUSING"],
    });
    expect(response.status).toBe(200);
    expect(response.errors).toBeUndefined();
    const result = response.data!["createHandover"];
    expect(result).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(fieldsOf(result)).toEqual(["input.purpose"]);
    expect(await app.prisma.handover.count()).toBe(before);
  });

  it("allows newlines and tabs in free text", async () => {
    const response = await createHandoverRaw(world.staff, {
      fromUnitId: world.centreUnitId,
      toUnitId: world.serviceUnitId,
      purpose: "Første linje\nAnden linje\tmed tabulator",
      helpCategories: ["HOUSING"],
    });
    expect(response.data!["createHandover"]["__typename"]).toBe("CreateHandoverSuccess");
  });

  it("in a centre's name and an opening period's note is refused the same way", async () => {
    const centre = await run(world.centreAdmin, UPDATE_CENTRE_PROFILE, { input: { centreId: world.centreId, name: "Lyset\u0000" } });
    expect(fieldsOf(centre.data!.updateCentreProfile)).toEqual(["input.name"]);
    const periods = await run(world.centreAdmin, SET_OPENING_PERIODS, {
      input: { centreId: world.centreId, periods: [{ weekday: 1, startMinute: 600, endMinute: 900, note: "Kaffe\u0000" }] },
    });
    expect(fieldsOf(periods.data!.setOpeningPeriods)).toEqual(["input.periods.note"]);
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: world.centreId } })).name).toBe("Værestedet Test");
  });

  it("in an id, in a query, is a VALIDATION_FAILED error naming the argument, not INTERNAL_SERVER_ERROR", async () => {
    for (const id of ["abc\u0000def", "not a uuid", "'; DROP TABLE \"Handover\"; --", "x".repeat(200)]) {
      const response = await run(world.staff, HANDOVER_ID, { id });
      expect(response.status).toBe(200);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["id"] });
    }
    // Inline in the document too.
    const inline = await run(world.staff, INLINE_MALFORMED_ID);
    expect(inline.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["id"] });
  });
});

describe("REST paths", () => {
  it.each(["/calendar/centre/%00.ics", "/calendar/unit/%00.ics", "/calendar/centre/%E0%A4%A.ics", "/%00", "/assets/%ZZ.js"])("%s is a 400", async (path) => {
    const response = await fetch(`${app.url}${path}`);
    expect(response.status).toBe(400);
    expect(await response.text()).not.toMatch(/stack|at \/|node_modules/i);
  });

  it("a well-formed unknown calendar is still a plain 404", async () => {
    expect((await fetch(`${app.url}/calendar/centre/00000000-0000-0000-0000-000000000000.ics`)).status).toBe(404);
  });
});

describe("implausible dates", () => {
  it("a visitor tally for 1900-01-01 (or years back) is refused, naming the date", async () => {
    for (const date of ["1900-01-01", "2020-06-01"]) {
      const result = await runError(world.centreAdmin, TALLY, { input: { centreId: world.centreId, date, count: 12 } }, "ValidationError");
      expect(result.__typename).toBe("ValidationError");
      expect(fieldsOf(result)).toEqual(["input.date"]);
    }
    expect(await app.prisma.visitorTally.count()).toBe(0);
  });

  it("an instant in the year 1900 or 2200 is refused anywhere", async () => {
    for (const proposedMeetingAt of ["1900-01-01T10:00:00.000Z", "2200-01-01T10:00:00.000Z"]) {
      const response = await createHandoverRaw(world.staff, {
        fromUnitId: world.centreUnitId,
        toUnitId: world.serviceUnitId,
        purpose: "Bolig",
        helpCategories: ["HOUSING"],
        proposedMeetingAt,
      });
      expect(fieldsOf(response.data!["createHandover"])).toEqual(["input.proposedMeetingAt"]);
    }
  });

  it("a date with the right shape but no day on the calendar (30 February) is refused as bad input, never a 500", async () => {
    for (const date of ["2026-02-30", "2025-02-29", "2026-04-31"]) {
      const response = await run(world.centreAdmin, CENTRE_FIGURES, { id: world.centreId, date });
      expect(response.errors?.[0]?.message).toMatch(/existing calendar date/);
      expect(response.errors?.map((error) => error.extensions?.["code"])).not.toContain("INTERNAL_SERVER_ERROR");
    }
    const leapDay = await run(world.centreAdmin, LEAP_DAY_FIGURES, { id: world.centreId });
    expect(leapDay.data?.centreFigures).toEqual({ from: "2024-02-29" });
  });

  it("yesterday's tally is accepted", async () => {
    const yesterday = new Date(app.clock.now().getTime() - 86_400_000).toISOString().slice(0, 10);
    const response = await run(world.centreAdmin, TALLY, { input: { centreId: world.centreId, date: yesterday, count: 12 } });
    expect(response.data!.recordVisitorTally.__typename).toBe("RecordVisitorTallySuccess");
  });
});
