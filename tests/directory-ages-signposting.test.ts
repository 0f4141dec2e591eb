// Issue 18 item 7: optional age limits on centres and services, filterable in the directory
// search; offers outside the platform (clubs, associations) listed as "signposting only"
// services without an inbox, which caseworkers find and point to but can never hand over to.
// GraphQL over HTTP into the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { buildHandoverWorld, createCentre, createService, type HandoverWorld } from "./support/world.ts";
import { createHandoverError, createHandoverRaw } from "./support/handovers.ts";

let app: TestApp;
let world: HandoverWorld;
let youthCentreId: string;
let seniorCentreId: string;
let youthServiceId: string;

/** What every mutation below selects of its failure members. */
const Failure = graphql(`fragment Failure on Error @_unmask { code ... on ValidationError { issues { field message messageDa } } }`);
const CENTRE_PROFILE = graphql(
  `mutation UpdateCentreAges($input: UpdateCentreProfileInput!) {
    updateCentreProfile(input: $input) { __typename ...Failure ... on UpdateCentreProfileSuccess { data { id minAge maxAge } } }
  }`,
  [Failure],
);
const SERVICE_PROFILE = graphql(
  `mutation UpdateServiceAges($input: UpdateServiceProfileInput!) {
    updateServiceProfile(input: $input) { __typename ...Failure ... on UpdateServiceProfileSuccess { data { id minAge maxAge } } }
  }`,
  [Failure],
);
const CENTRES = graphql(`query Centres($filter: CentreFilter) { centres(filter: $filter) { edges { reasons { kind da en } node { id name minAge maxAge } } } }`);
const SERVICES = graphql(`query Services($filter: ServiceFilter) {
  services(filter: $filter) { totalCount edges { reasons { kind da en } node { id unitId name isSignpostingOnly minAge maxAge operatorName phone website } } }
}`);
const CREATE_SIGNPOST = graphql(
  `mutation CreateSignpost($input: CreateSignpostingServiceInput!) {
    createSignpostingService(input: $input) {
      __typename ...Failure
      ... on CreateSignpostingServiceSuccess { data { id unitId name kind isSignpostingOnly operatorName operatorKind targetGroups minAge maxAge } }
    }
  }`,
  [Failure],
);
const DELETE_SIGNPOST = graphql(
  `mutation DeleteSignpost($input: DeleteSignpostingServiceInput!) { deleteSignpostingService(input: $input) { __typename ...Failure ... on DeleteSignpostingServiceSuccess { data } } }`,
  [Failure],
);

const namesOf = (edges: { node: { name: string } }[]) => edges.map((edge) => edge.node.name).sort();

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
  youthCentreId = (await createCentre(app.prisma, world.organisationId, { name: "Ungestedet" })).centre.id;
  seniorCentreId = (await createCentre(app.prisma, world.organisationId, { name: "Seniorstuen" })).centre.id;
  youthServiceId = (await createService(app.prisma, world.organisationId, { name: "Ungebostøtten" })).service.id;
});

afterAll(async () => {
  await app?.close();
});

describe("age limits", () => {
  it("a centre's and a service's admins set optional limits; null clears one", async () => {
    const youth = (await runOk(world.platformAdmin, CENTRE_PROFILE, { input: { centreId: youthCentreId, minAge: 18, maxAge: 30 } })).updateCentreProfile;
    expect(youth).toMatchObject({ __typename: "UpdateCentreProfileSuccess", data: { minAge: 18, maxAge: 30 } });
    const senior = (await runOk(world.platformAdmin, CENTRE_PROFILE, { input: { centreId: seniorCentreId, minAge: 60, maxAge: 99 } })).updateCentreProfile;
    expect(senior.__typename).toBe("UpdateCentreProfileSuccess");
    const opened = (await runOk(world.platformAdmin, CENTRE_PROFILE, { input: { centreId: seniorCentreId, maxAge: null } })).updateCentreProfile;
    if (opened.__typename !== "UpdateCentreProfileSuccess") return expect.fail(opened.__typename);
    expect(opened.data).toMatchObject({ minAge: 60, maxAge: null });
    const service = (await runOk(world.platformAdmin, SERVICE_PROFILE, { input: { serviceId: youthServiceId, minAge: 18, maxAge: 29 } })).updateServiceProfile;
    expect(service).toMatchObject({ __typename: "UpdateServiceProfileSuccess", data: { minAge: 18, maxAge: 29 } });
  });

  it("refuses limits out of range or in the wrong order, also against the limit already stored", async () => {
    const order = await runError(world.platformAdmin, CENTRE_PROFILE, { input: { centreId: youthCentreId, minAge: 40, maxAge: 30 } }, "ValidationError");
    expect(order).toMatchObject({ __typename: "ValidationError", issues: [{ field: "maxAge" }] });
    const belowStored = await runError(world.platformAdmin, CENTRE_PROFILE, { input: { centreId: youthCentreId, maxAge: 17 } }, "ValidationError");
    expect(belowStored).toMatchObject({ __typename: "ValidationError", issues: [{ field: "maxAge" }] });
    const range = await runError(world.platformAdmin, SERVICE_PROFILE, { input: { serviceId: youthServiceId, minAge: -1, maxAge: 121 } }, "ValidationError");
    expect(range.issues.map((issue) => issue.field).sort()).toEqual(["maxAge", "minAge"]);
    expect(await app.prisma.centre.findUniqueOrThrow({ where: { id: youthCentreId }, select: { minAge: true, maxAge: true } })).toEqual({ minAge: 18, maxAge: 30 });
  });

  it("the centre search admits an age within the limits, with the limits as the reason; no limits admit everyone", async () => {
    const at25 = (await runOk(app.anonymous, CENTRES, { filter: { age: 25 } })).centres.edges;
    expect(namesOf(at25)).toEqual(["Ungestedet", "Uvedkommende Værested", "Værestedet Test"]);
    expect(at25.find((edge) => edge.node.name === "Ungestedet")?.reasons).toContainEqual({ kind: "AGE", da: "for 18–30 år", en: "for ages 18–30" });
    expect(at25.find((edge) => edge.node.name === "Værestedet Test")?.reasons).toContainEqual({ kind: "AGE", da: "ingen aldersgrænse", en: "no age limit" });
    const at70 = (await runOk(app.anonymous, CENTRES, { filter: { age: 70 } })).centres.edges;
    expect(namesOf(at70)).toEqual(["Seniorstuen", "Uvedkommende Værested", "Værestedet Test"]);
    expect(at70.find((edge) => edge.node.name === "Seniorstuen")?.reasons).toContainEqual({ kind: "AGE", da: "for fra 60 år", en: "for ages 60 and over" });
    const at18 = (await runOk(app.anonymous, CENTRES, { filter: { age: 18 } })).centres.edges;
    expect(namesOf(at18)).toContain("Ungestedet");
  });

  it("the service search filters by age in the same way", async () => {
    const at30 = (await runOk(app.anonymous, SERVICES, { filter: { age: 30 } })).services.edges;
    expect(namesOf(at30)).toEqual(["Bostøtten Test"]);
    const at20 = (await runOk(app.anonymous, SERVICES, { filter: { age: 20 } })).services.edges;
    expect(namesOf(at20)).toEqual(["Bostøtten Test", "Ungebostøtten"]);
  });

  it("an age outside 0–120 is a validation error naming filter.age", async () => {
    // The raw responses: the error's extensions name the field.
    for (const age of [-1, 121]) {
      const response = await run(app.anonymous, CENTRES, { filter: { age } });
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["filter.age"] });
    }
    const services = await run(app.anonymous, SERVICES, { filter: { age: 500 } });
    expect(services.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["filter.age"] });
  });
});

describe("signposting-only entries", () => {
  let clubId: string;
  let clubUnitId: string;

  it("a platform admin lists a club with its association (created once, found by name after)", async () => {
    const input: VariablesOf<typeof CREATE_SIGNPOST>["input"] = {
      name: "Krolf for alle",
      operatorName: "Fjordby Krolfklub",
      description: "Krolf tirsdag og torsdag; køller kan lånes.",
      targetGroups: ["LONELINESS", "ADULTS"],
      minAge: 18,
      phone: "70 10 40 01",
      website: "https://krolf.fjordby.example",
    };
    const created = (await runOk(world.platformAdmin, CREATE_SIGNPOST, { input })).createSignpostingService;
    expect(created).toMatchObject({
      __typename: "CreateSignpostingServiceSuccess",
      data: { name: "Krolf for alle", kind: "CIVIL_SOCIETY_OFFER", isSignpostingOnly: true, operatorName: "Fjordby Krolfklub", operatorKind: "CIVIL_SOCIETY", minAge: 18, maxAge: null },
    });
    if (created.__typename !== "CreateSignpostingServiceSuccess") return expect.fail(created.__typename);
    clubId = created.data.id;
    clubUnitId = created.data.unitId;
    const second = (await runOk(world.platformAdmin, CREATE_SIGNPOST, { input: { ...input, name: "Krolf om aftenen" } })).createSignpostingService;
    if (second.__typename !== "CreateSignpostingServiceSuccess") return expect.fail(second.__typename);
    expect(second.data.operatorName).toBe("Fjordby Krolfklub");
    expect(await app.prisma.organisation.count({ where: { name: "Fjordby Krolfklub" } })).toBe(1);
    // Nobody belongs to it: there is no inbox.
    expect(await app.prisma.membership.count({ where: { unitId: clubUnitId } })).toBe(0);
  });

  it("refuses an entry without a target group, or with an unknown one; only platform admins list entries", async () => {
    const none = await runError(world.platformAdmin, CREATE_SIGNPOST, { input: { name: "Tom", operatorName: "Forening", description: "x", targetGroups: [] } }, "ValidationError");
    expect(none).toMatchObject({ __typename: "ValidationError", issues: [{ field: "targetGroups" }] });
    const unknown = await runError(world.platformAdmin, CREATE_SIGNPOST, { input: { name: "Tom", operatorName: "Forening", description: "x", targetGroups: ["NOPE"] } }, "ValidationError");
    expect(unknown).toMatchObject({ __typename: "ValidationError", issues: [{ field: "targetGroups.0" }] });
    await runError(world.centreAdmin, CREATE_SIGNPOST, { input: { name: "Tom", operatorName: "Forening", description: "x", targetGroups: ["ADULTS"] } }, "ForbiddenError");
  });

  it("caseworkers find it in the service search, marked as signposting only, with its contact details", async () => {
    const { services } = await runOk(app.anonymous, SERVICES, { filter: { targetGroups: ["LONELINESS"] } });
    const club = services.edges.find((edge) => edge.node.id === clubId);
    if (!club) return expect.fail("the club is not in the search");
    expect(club.node).toMatchObject({ isSignpostingOnly: true, phone: "70 10 40 01", website: "https://krolf.fjordby.example" });
    expect(club.reasons).toContainEqual({
      kind: "SIGNPOSTING",
      da: "kun til henvisning: kontakt stedet direkte (ingen indbakke i Trædesten)",
      en: "signposting only: contact the place directly (no inbox in Trædesten)",
    });
    expect(club.reasons.map((reason) => reason.kind)).not.toContain("INTAKE");
  });

  it("filters to or away from signposting-only entries", async () => {
    const only = (await runOk(app.anonymous, SERVICES, { filter: { isSignpostingOnly: true } })).services;
    expect(namesOf(only.edges)).toEqual(["Krolf for alle", "Krolf om aftenen"]);
    const withInbox = (await runOk(app.anonymous, SERVICES, { filter: { isSignpostingOnly: false } })).services;
    expect(namesOf(withInbox.edges)).toEqual(["Bostøtten Test", "Ungebostøtten"]);
    expect(withInbox.totalCount).toBe(2);
  });

  it("can never receive a handover: creating one is refused naming the recipient, and nothing is written", async () => {
    const before = await app.prisma.handover.count();
    const result = await createHandoverError(world.staff, { fromUnitId: world.centreUnitId, toUnitId: clubUnitId, purpose: "Fællesskab", helpCategories: ["COMMUNITY"] }, "ValidationError");
    expect(result).toMatchObject({ issues: [{ field: "toUnitId" }] });
    expect(result.issues[0]!.message).toContain("for signposting only");
    expect(await app.prisma.handover.count()).toBe(before);
  });

  it("the HSDS export says how to reach it and marks it signposting only, with its age limit", async () => {
    const row = await (await app.anonymous.fetch(`/hsds/services/${clubId}`)).json();
    expect(row).toMatchObject({ id: clubId, minimum_age: 18, application_process: "Kontakt stedet direkte." });
    expect(row.attributes.map((attribute: { taxonomy_term?: { code: string } }) => attribute.taxonomy_term?.code)).toContain("SIGNPOSTING_ONLY");
  });

  it("a platform admin removes it; a service with an inbox is never removed this way", async () => {
    const removed = (await runOk(world.platformAdmin, DELETE_SIGNPOST, { input: { serviceId: clubId } })).deleteSignpostingService;
    expect(removed).toEqual({ __typename: "DeleteSignpostingServiceSuccess", data: true });
    expect(await app.prisma.unit.count({ where: { id: clubUnitId } })).toBe(0);
    const refused = await runError(world.platformAdmin, DELETE_SIGNPOST, { input: { serviceId: youthServiceId } }, "ValidationError");
    expect(refused).toMatchObject({ __typename: "ValidationError", issues: [{ field: "serviceId" }] });
    expect(await app.prisma.service.count({ where: { id: youthServiceId } })).toBe(1);
  });
});
