// Issue 18, "never a dead end": when nothing in the directory is open (03:00 on Christmas Eve),
// search, openElsewhere and the centre card's data show the always-open safety net with phone
// numbers; at an ordinary open hour the open centres come first and the safety net is still
// there. Only platform admins keep the list. GraphQL over HTTP into the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let platformAdmin: Caller;
let coordinator: Caller;
let dayCentreId: string;
let otherCentreId: string;
let eveningCentreId: string;

const CHRISTMAS_EVE_0300 = "2026-12-24T02:00:00Z"; // 03:00 Europe/Copenhagen
const WEDNESDAY_1000 = "2026-11-25T09:00:00Z"; // 10:00 Europe/Copenhagen

const CREATE = graphql(`
  mutation CreateEntry($input: SafetyNetEntryInput!) {
    createSafetyNetEntry(input: $input) {
      __typename
      ... on CreateSafetyNetEntrySuccess { data { id name kind phone phoneHref alwaysOpen } }
      ... on ValidationError { issues { field } }
      ... on CprRefusedError { fields }
    }
  }
`);

const SEARCH = graphql(`
  query Search($filter: CentreFilter) {
    centres(filter: $filter) {
      nothingOpenNow
      edges { node { id name openingStatus { isOpen } } }
      safetyNet { name kind phone phoneHref alwaysOpen hoursText }
    }
  }
`);
const OPEN_ELSEWHERE_AND_NET = graphql(`query OpenElsewhereAndNet($id: ID!) { openElsewhere(centreId: $id) { centre { id } } safetyNet { name phone phoneHref alwaysOpen kind } }`);
const OPEN_ELSEWHERE = graphql(`query OpenElsewhere($id: ID!) { openElsewhere(centreId: $id) { centre { id } } }`);
const UPDATE = graphql(`mutation UpdateEntry($id: ID!, $input: SafetyNetEntryInput!) {
  updateSafetyNetEntry(id: $id, input: $input) { __typename ... on UpdateSafetyNetEntrySuccess { data { alwaysOpen hoursText } } }
}`);
const DELETE = graphql(`mutation DeleteEntry($id: ID!) { deleteSafetyNetEntry(id: $id) { __typename } }`);

async function addCentre(organisationId: string, name: string, startMinute = 9 * 60, endMinute = 17 * 60) {
  const { centre } = await createCentre(app.prisma, organisationId, { name, targetGroups: ["HOMELESSNESS"] });
  await app.prisma.openingPeriod.createMany({
    data: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ centreId: centre.id, weekday, startMinute, endMinute })),
  });
  return centre.id;
}

beforeAll(async () => {
  app = await startTestApp();
  const organisation = await createOrganisation(app.prisma);
  dayCentreId = await addCentre(organisation.id, "Dagvarmestuen");
  otherCentreId = await addCentre(organisation.id, "Morgencaféen");
  eveningCentreId = await addCentre(organisation.id, "Aftenstuen", 18 * 60, 22 * 60);
  platformAdmin = await app.as((await createUser(app.prisma, { globalRole: "PLATFORM_ADMIN" })).id);
  coordinator = await app.as((await createUser(app.prisma, { globalRole: "COORDINATOR" })).id);
  const entries: VariablesOf<typeof CREATE>["input"][] = [
    { name: "Fjordby Nattelefon", kind: "HELPLINE", phone: "70 10 00 03", description: "Anonym samtale." },
    { name: "Herberget Fjordly", kind: "SHELTER", phone: "70 10 00 01", address: "Havnegade 12, Fjordby" },
    { name: "Psykiatrisk Akutmodtagelse", kind: "ACUTE_PSYCHIATRY", phone: "70 10 00 02" },
  ];
  for (const input of entries) {
    const created = await runOk(platformAdmin, CREATE, { input });
    expect(created.createSafetyNetEntry.__typename).toBe("CreateSafetyNetEntrySuccess");
  }
});

afterAll(async () => {
  await app.close();
});

const EXPECTED_NET = [
  { name: "Herberget Fjordly", kind: "SHELTER", phone: "70 10 00 01", phoneHref: "tel:+4570100001", alwaysOpen: true, hoursText: null },
  { name: "Psykiatrisk Akutmodtagelse", kind: "ACUTE_PSYCHIATRY", phone: "70 10 00 02", phoneHref: "tel:+4570100002", alwaysOpen: true, hoursText: null },
  { name: "Fjordby Nattelefon", kind: "HELPLINE", phone: "70 10 00 03", phoneHref: "tel:+4570100003", alwaysOpen: true, hoursText: null },
];

describe("at 03:00 on 24 December nothing is open, and the safety net answers", () => {
  it("searching for open now finds no centre but the safety net with phone numbers", async () => {
    app.clock.set(CHRISTMAS_EVE_0300);
    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { openPreset: "NOW" } });
    expect(centres.edges).toEqual([]);
    expect(centres.nothingOpenNow).toBe(true);
    expect(centres.safetyNet).toEqual(EXPECTED_NET);
  });

  it("a search without a time filter lists the closed centres and still says nothing is open", async () => {
    app.clock.set(CHRISTMAS_EVE_0300);
    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { targetGroups: ["HOMELESSNESS"] } });
    expect(centres.edges.map((edge) => edge.node.name).sort()).toEqual(["Aftenstuen", "Dagvarmestuen", "Morgencaféen"]);
    expect(centres.edges.every((edge) => !edge.node.openingStatus.isOpen)).toBe(true);
    expect(centres.nothingOpenNow).toBe(true);
    expect(centres.safetyNet.map((entry) => entry.phone)).toEqual(["70 10 00 01", "70 10 00 02", "70 10 00 03"]);
  });

  it("openElsewhere has no open centre; the safety net query gives the phone numbers instead", async () => {
    app.clock.set(CHRISTMAS_EVE_0300);
    const data = await runOk(app.anonymous, OPEN_ELSEWHERE_AND_NET, { id: dayCentreId });
    expect(data.openElsewhere).toEqual([]);
    expect(data.safetyNet.map((entry) => entry.phoneHref)).toEqual(["tel:+4570100001", "tel:+4570100002", "tel:+4570100003"]);
  });
});

describe("at an ordinary open hour", () => {
  it("open centres come first and the safety net is still reachable", async () => {
    app.clock.set(WEDNESDAY_1000);
    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { openPreset: "NOW" } });
    expect(centres.edges.map((edge) => edge.node.name).sort()).toEqual(["Dagvarmestuen", "Morgencaféen"]);
    expect(centres.edges.every((edge) => edge.node.openingStatus.isOpen)).toBe(true);
    expect(centres.nothingOpenNow).toBe(false);
    expect(centres.safetyNet).toEqual(EXPECTED_NET);
  });

  it("openElsewhere for the closed evening centre names the open centres", async () => {
    app.clock.set(WEDNESDAY_1000);
    const data = await runOk(app.anonymous, OPEN_ELSEWHERE, { id: eveningCentreId });
    expect(data.openElsewhere.map((row) => row.centre.id).sort()).toEqual([dayCentreId, otherCentreId].sort());
  });
});

describe("platform admins keep the safety net", () => {
  it("creates, updates and deletes an entry; hours in words mean not around the clock", async () => {
    const created = await runOk(platformAdmin, CREATE, { input: { name: "Krisetelefonen Vest", kind: "HELPLINE", phone: "+45 70 10 00 09" } });
    expect(created.createSafetyNetEntry).toMatchObject({ __typename: "CreateSafetyNetEntrySuccess", data: { phoneHref: "tel:+4570100009", alwaysOpen: true } });
    if (created.createSafetyNetEntry.__typename !== "CreateSafetyNetEntrySuccess") return expect.fail(created.createSafetyNetEntry.__typename);
    const id = created.createSafetyNetEntry.data.id;
    const updated = await runOk(platformAdmin, UPDATE, {
      id,
      input: { name: "Krisetelefonen Vest", kind: "HELPLINE", phone: "70 10 00 09", hoursText: "Hverdage 17–08, weekend hele døgnet" },
    });
    expect(updated.updateSafetyNetEntry).toEqual({
      __typename: "UpdateSafetyNetEntrySuccess",
      data: { alwaysOpen: false, hoursText: "Hverdage 17–08, weekend hele døgnet" },
    });
    const deleted = await runOk(platformAdmin, DELETE, { id });
    expect(deleted.deleteSafetyNetEntry.__typename).toBe("DeleteSafetyNetEntrySuccess");
    expect(await app.prisma.safetyNetEntry.count({ where: { id } })).toBe(0);
    await runError(platformAdmin, DELETE, { id }, "NotFoundError");
  });

  it("refuses CPR numbers, bad phone numbers and duplicate names without writing", async () => {
    const before = await app.prisma.safetyNetEntry.count();
    const cpr = await runError(platformAdmin, CREATE, { input: { name: "Natcafé", kind: "SHELTER", phone: "70 10 00 05", description: "Spørg efter 010190-1234" } }, "CprRefusedError");
    expect(cpr).toMatchObject({ __typename: "CprRefusedError", fields: ["description"] });
    const phone = await runError(platformAdmin, CREATE, { input: { name: "Natcafé", kind: "SHELTER", phone: "ring os" } }, "ValidationError");
    expect(phone).toMatchObject({ __typename: "ValidationError", issues: [{ field: "phone" }] });
    await runError(platformAdmin, CREATE, { input: { name: "Herberget Fjordly", kind: "SHELTER", phone: "70 10 00 01" } }, "ConflictError");
    expect(await app.prisma.safetyNetEntry.count()).toBe(before);
  });

  it("a coordinator may not edit it", async () => {
    // The raw response: the test accepts a refusal either as a top-level error or as a result member.
    const response = await run(coordinator, CREATE, { input: { name: "Uofficiel linje", kind: "HELPLINE", phone: "70 10 00 07" } });
    const refused = response.errors?.[0]?.extensions?.["code"] ?? response.data?.createSafetyNetEntry.__typename;
    expect(["FORBIDDEN", "ForbiddenError", "UNAUTHORIZED"]).toContain(refused);
    expect(await app.prisma.safetyNetEntry.count({ where: { name: "Uofficiel linje" } })).toBe(0);
  });
});
