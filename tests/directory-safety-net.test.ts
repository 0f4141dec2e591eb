// Issue 18, "never a dead end": when nothing in the directory is open (03:00 on Christmas Eve),
// search, openElsewhere and the centre card's data show the always-open safety net with phone
// numbers; at an ordinary open hour the open centres come first and the safety net is still
// there. Only platform admins keep the list. GraphQL over HTTP into the real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dataOf, startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let platformAdmin: Caller;
let coordinator: Caller;
let dayCentreId: string;
let otherCentreId: string;
let eveningCentreId: string;

const CHRISTMAS_EVE_0300 = "2026-12-24T02:00:00Z"; // 03:00 Europe/Copenhagen
const WEDNESDAY_1000 = "2026-11-25T09:00:00Z"; // 10:00 Europe/Copenhagen

const CREATE = /* GraphQL */ `
  mutation($input: SafetyNetEntryInput!) {
    createSafetyNetEntry(input: $input) {
      __typename
      ... on CreateSafetyNetEntrySuccess { data { id name kind phone phoneHref alwaysOpen } }
      ... on ValidationError { issues { field } }
      ... on CprRefusedError { fields }
    }
  }
`;

const SEARCH = /* GraphQL */ `
  query($filter: CentreFilter) {
    centres(filter: $filter) {
      nothingOpenNow
      edges { node { id name openingStatus { isOpen } } }
      safetyNet { name kind phone phoneHref alwaysOpen hoursText }
    }
  }
`;

interface SearchData {
  centres: {
    nothingOpenNow: boolean;
    edges: { node: { id: string; name: string; openingStatus: { isOpen: boolean } } }[];
    safetyNet: { name: string; kind: string; phone: string; phoneHref: string; alwaysOpen: boolean; hoursText: string | null }[];
  };
}

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
  for (const input of [
    { name: "Fjordby Nattelefon", kind: "HELPLINE", phone: "70 10 00 03", description: "Anonym samtale." },
    { name: "Herberget Fjordly", kind: "SHELTER", phone: "70 10 00 01", address: "Havnegade 12, Fjordby" },
    { name: "Psykiatrisk Akutmodtagelse", kind: "ACUTE_PSYCHIATRY", phone: "70 10 00 02" },
  ]) {
    const created = dataOf(await platformAdmin.graphql(CREATE, { input }));
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
    const { centres } = dataOf<SearchData>(await app.anonymous.graphql(SEARCH, { filter: { openPreset: "NOW" } }));
    expect(centres.edges).toEqual([]);
    expect(centres.nothingOpenNow).toBe(true);
    expect(centres.safetyNet).toEqual(EXPECTED_NET);
  });

  it("a search without a time filter lists the closed centres and still says nothing is open", async () => {
    app.clock.set(CHRISTMAS_EVE_0300);
    const { centres } = dataOf<SearchData>(await app.anonymous.graphql(SEARCH, { filter: { targetGroups: ["HOMELESSNESS"] } }));
    expect(centres.edges.map((edge) => edge.node.name).sort()).toEqual(["Aftenstuen", "Dagvarmestuen", "Morgencaféen"]);
    expect(centres.edges.every((edge) => !edge.node.openingStatus.isOpen)).toBe(true);
    expect(centres.nothingOpenNow).toBe(true);
    expect(centres.safetyNet.map((entry) => entry.phone)).toEqual(["70 10 00 01", "70 10 00 02", "70 10 00 03"]);
  });

  it("openElsewhere has no open centre; the safety net query gives the phone numbers instead", async () => {
    app.clock.set(CHRISTMAS_EVE_0300);
    const data = dataOf(
      await app.anonymous.graphql(
        `query($id: ID!) { openElsewhere(centreId: $id) { centre { id } } safetyNet { name phone phoneHref alwaysOpen kind } }`,
        { id: dayCentreId },
      ),
    );
    expect(data.openElsewhere).toEqual([]);
    expect(data.safetyNet.map((entry: { phoneHref: string }) => entry.phoneHref)).toEqual(["tel:+4570100001", "tel:+4570100002", "tel:+4570100003"]);
  });
});

describe("at an ordinary open hour", () => {
  it("open centres come first and the safety net is still reachable", async () => {
    app.clock.set(WEDNESDAY_1000);
    const { centres } = dataOf<SearchData>(await app.anonymous.graphql(SEARCH, { filter: { openPreset: "NOW" } }));
    expect(centres.edges.map((edge) => edge.node.name).sort()).toEqual(["Dagvarmestuen", "Morgencaféen"]);
    expect(centres.edges.every((edge) => edge.node.openingStatus.isOpen)).toBe(true);
    expect(centres.nothingOpenNow).toBe(false);
    expect(centres.safetyNet).toEqual(EXPECTED_NET);
  });

  it("openElsewhere for the closed evening centre names the open centres", async () => {
    app.clock.set(WEDNESDAY_1000);
    const data = dataOf(await app.anonymous.graphql(`query($id: ID!) { openElsewhere(centreId: $id) { centre { id } } }`, { id: eveningCentreId }));
    expect(data.openElsewhere.map((row: { centre: { id: string } }) => row.centre.id).sort()).toEqual([dayCentreId, otherCentreId].sort());
  });
});

describe("platform admins keep the safety net", () => {
  it("creates, updates and deletes an entry; hours in words mean not around the clock", async () => {
    const created = dataOf(
      await platformAdmin.graphql(CREATE, { input: { name: "Krisetelefonen Vest", kind: "HELPLINE", phone: "+45 70 10 00 09" } }),
    );
    expect(created.createSafetyNetEntry).toMatchObject({ __typename: "CreateSafetyNetEntrySuccess", data: { phoneHref: "tel:+4570100009", alwaysOpen: true } });
    const id = created.createSafetyNetEntry.data.id;
    const updated = dataOf(
      await platformAdmin.graphql(
        `mutation($id: ID!, $input: SafetyNetEntryInput!) { updateSafetyNetEntry(id: $id, input: $input) { __typename ... on UpdateSafetyNetEntrySuccess { data { alwaysOpen hoursText } } } }`,
        { id, input: { name: "Krisetelefonen Vest", kind: "HELPLINE", phone: "70 10 00 09", hoursText: "Hverdage 17–08, weekend hele døgnet" } },
      ),
    );
    expect(updated.updateSafetyNetEntry).toEqual({
      __typename: "UpdateSafetyNetEntrySuccess",
      data: { alwaysOpen: false, hoursText: "Hverdage 17–08, weekend hele døgnet" },
    });
    const deleted = dataOf(await platformAdmin.graphql(`mutation($id: ID!) { deleteSafetyNetEntry(id: $id) { __typename } }`, { id }));
    expect(deleted.deleteSafetyNetEntry.__typename).toBe("DeleteSafetyNetEntrySuccess");
    expect(await app.prisma.safetyNetEntry.count({ where: { id } })).toBe(0);
    const again = dataOf(await platformAdmin.graphql(`mutation($id: ID!) { deleteSafetyNetEntry(id: $id) { __typename } }`, { id }));
    expect(again.deleteSafetyNetEntry.__typename).toBe("NotFoundError");
  });

  it("refuses CPR numbers, bad phone numbers and duplicate names without writing", async () => {
    const before = await app.prisma.safetyNetEntry.count();
    const cpr = dataOf(
      await platformAdmin.graphql(CREATE, { input: { name: "Natcafé", kind: "SHELTER", phone: "70 10 00 05", description: "Spørg efter 010190-1234" } }),
    );
    expect(cpr.createSafetyNetEntry).toMatchObject({ __typename: "CprRefusedError", fields: ["description"] });
    const phone = dataOf(await platformAdmin.graphql(CREATE, { input: { name: "Natcafé", kind: "SHELTER", phone: "ring os" } }));
    expect(phone.createSafetyNetEntry).toMatchObject({ __typename: "ValidationError", issues: [{ field: "phone" }] });
    const duplicate = dataOf(await platformAdmin.graphql(CREATE, { input: { name: "Herberget Fjordly", kind: "SHELTER", phone: "70 10 00 01" } }));
    expect(duplicate.createSafetyNetEntry.__typename).toBe("ConflictError");
    expect(await app.prisma.safetyNetEntry.count()).toBe(before);
  });

  it("a coordinator may not edit it", async () => {
    const response = await coordinator.graphql(CREATE, { input: { name: "Uofficiel linje", kind: "HELPLINE", phone: "70 10 00 07" } });
    const refused = response.errors?.[0]?.extensions?.code ?? response.data?.createSafetyNetEntry?.__typename;
    expect(["FORBIDDEN", "ForbiddenError", "UNAUTHORIZED"]).toContain(refused);
    expect(await app.prisma.safetyNetEntry.count({ where: { name: "Uofficiel linje" } })).toBe(0);
  });
});
