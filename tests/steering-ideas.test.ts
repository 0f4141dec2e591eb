// Ideas and barriers over HTTP: anyone raises one at a centre (anonymously through the public
// page, rate limited per address; staff and volunteers recorded as such, never by name), nothing
// about the submitter is stored, CPR numbers are refused, a coordinator qualifies it — accepts
// it into the initiative catalogue, answers or closes it — and the answer is public.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { dataOf, startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

/** The anonymous public path may raise this many in the test (the product's default is 10 an hour). */
const PUBLIC_LIMIT = 6;

let app: TestApp;
let ids: { organisation: string; otherOrganisation: string; centre: string; otherCentre: string; coordinator: string; orgAdmin: string };
let callers: { staff: Caller; volunteer: Caller; stranger: Caller; coordinator: Caller; orgAdmin: Caller };

const RAISE = graphql(`mutation ($input: RaiseIdeaInput!) {
  raiseIdea(input: $input) {
    __typename
    ... on RaiseIdeaSuccess { isRecorded }
    ... on RateLimitedError { retryAfterSeconds }
    ... on CprRefusedError { fields }
    ... on Error { code }
  }
}`);
const QUALIFY = graphql(`mutation ($input: QualifyIdeaInput!) {
  qualifyIdea(input: $input) {
    __typename
    ... on QualifyIdeaSuccess { idea { id status answer initiative { id title status } } }
    ... on Error { code }
  }
}`);
const IdeaFields = graphql(`fragment IdeaFields on Idea @_unmask {
  id kind source text raisedOn status answer answeredAt centre { id name } initiative { id title status centres { id } ownerOrganisation { id } }
}`);
const PUBLIC_LIST = graphql(`query ($centreId: ID) { ideas(centreId: $centreId) { ...IdeaFields } }`, [IdeaFields]);
const OPEN_LIST = graphql(`{ openIdeas { ...IdeaFields } }`, [IdeaFields]);
type RaiseInput = VariablesOf<typeof RAISE>["input"];
type QualifyInput = VariablesOf<typeof QUALIFY>["input"];

beforeAll(async () => {
  app = await startTestApp({ rateLimits: { raiseIdeaAddress: { points: PUBLIC_LIMIT } } });
  // A late evening in Copenhagen (22:47), so the stored day is checked against the local date.
  app.clock.set("2026-11-25T21:47:13.000Z");
  const organisation = await createOrganisation(app.prisma, { name: "Fjordby Kommune" });
  const other = await createOrganisation(app.prisma, { name: "Foreningen Trappen", kind: "CIVIL_SOCIETY" });
  const centre = await createCentre(app.prisma, organisation.id, { name: "Værestedet Lyset" });
  const otherCentre = await createCentre(app.prisma, other.id, { name: "Nattecaféen" });
  ids = {
    organisation: organisation.id,
    otherOrganisation: other.id,
    centre: centre.centre.id,
    otherCentre: otherCentre.centre.id,
    coordinator: (await createUser(app.prisma, { globalRole: "COORDINATOR" })).id,
    orgAdmin: (await createUser(app.prisma, { organisationAdminOf: [other.id] })).id,
  };
  callers = {
    staff: await app.as((await createUser(app.prisma, { memberships: [{ unitId: centre.unit.id }] })).id),
    volunteer: await app.as((await createUser(app.prisma, { memberships: [{ unitId: centre.unit.id, role: "VOLUNTEER" }] })).id),
    // Staff of another centre: at this centre they are one of the public.
    stranger: await app.as((await createUser(app.prisma, { memberships: [{ unitId: otherCentre.unit.id }] })).id),
    coordinator: await app.as(ids.coordinator),
    orgAdmin: await app.as(ids.orgAdmin),
  };
});
afterAll(async () => {
  await app.close();
});

const raise = async (caller: Caller, text: string, kind: RaiseInput["kind"] = "IDEA", centreId = ids.centre) =>
  dataOf(await run(caller, RAISE, { input: { centreId, kind, text } })).raiseIdea;
const ideaByText = (text: string) => app.prisma.idea.findFirstOrThrow({ where: { text } });

describe("raising an idea or a barrier", () => {
  it("lets anyone raise one anonymously and stores nothing about who raised it, not even the time of day", async () => {
    const result = await raise(app.anonymous, "Åbent søndag formiddag med brunch, tak.");
    expect(result).toEqual({ __typename: "RaiseIdeaSuccess", isRecorded: true });
    const row = await ideaByText("Åbent søndag formiddag med brunch, tak.");
    // The columns are the whole record: no user, session, address, user agent or timestamp.
    expect(Object.keys(row).sort()).toEqual(["answer", "answeredAt", "centreId", "id", "initiativeId", "kind", "raisedOn", "source", "status", "text"]);
    expect(row).toMatchObject({ centreId: ids.centre, kind: "IDEA", source: "PUBLIC_PAGE", status: "OPEN", answer: null, answeredAt: null, initiativeId: null });
    // 22:47 in Copenhagen: the local day, at midnight, nothing finer.
    expect(row.raisedOn.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    const everything = JSON.stringify(await app.prisma.$queryRaw`SELECT * FROM "Idea"`);
    expect(everything).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
  });

  it("records the centre's staff and volunteers as such, never by name, and anyone else as the public", async () => {
    await raise(callers.staff, "Vi mangler et stille rum.", "BARRIER");
    await raise(callers.volunteer, "Spilleaften om torsdagen.");
    await raise(callers.stranger, "Trappen er svær med rollator.", "BARRIER");
    expect((await ideaByText("Vi mangler et stille rum.")).source).toBe("CENTRE_STAFF");
    expect((await ideaByText("Spilleaften om torsdagen.")).source).toBe("CENTRE_VOLUNTEER");
    expect((await ideaByText("Trappen er svær med rollator.")).source).toBe("PUBLIC_PAGE");
  });

  it("refuses a CPR number naming the field, empty text and an unknown centre, and stores nothing", async () => {
    const before = await app.prisma.idea.count();
    const cpr = await raise(app.anonymous, "Min bror har cpr 010203-1234 og kommer her");
    expect(cpr).toEqual({ __typename: "CprRefusedError", fields: ["text"], code: "CPR_NUMBER_REFUSED" });
    expect((await runError(app.anonymous, RAISE, { input: { centreId: ids.centre, kind: "IDEA", text: "   " } }, "ValidationError")).code).toBe("VALIDATION_FAILED");
    expect((await runError(app.anonymous, RAISE, { input: { centreId: "00000000-0000-4000-8000-000000000000", kind: "IDEA", text: "En idé" } }, "NotFoundError")).code).toBe("NOT_FOUND");
    expect(await app.prisma.idea.count()).toBe(before);
  });

  it("keeps open ideas from the public: only coordinators list them", async () => {
    expect((await runOk(app.anonymous, PUBLIC_LIST, {})).ideas).toEqual([]);
    expect((await run(app.anonymous, OPEN_LIST)).errors?.[0]?.extensions?.["code"]).toBe("NOT_AUTHENTICATED");
    expect((await run(callers.staff, OPEN_LIST)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const open = (await runOk(callers.coordinator, OPEN_LIST)).openIdeas;
    expect(open.map((idea) => idea.text)).toEqual(
      expect.arrayContaining(["Åbent søndag formiddag med brunch, tak.", "Vi mangler et stille rum.", "Spilleaften om torsdagen.", "Trappen er svær med rollator."]),
    );
    expect(open[0]).toMatchObject({ raisedOn: "2026-11-25", status: "OPEN", centre: { name: "Værestedet Lyset" } });
  });
});

describe("qualifying an idea", () => {
  it("accepts an idea into the catalogue as an initiative with status IDEA at its centre, with a public answer", async () => {
    const idea = await ideaByText("Åbent søndag formiddag med brunch, tak.");
    const input: QualifyInput = {
      ideaId: idea.id,
      decision: "ACCEPT_INTO_CATALOGUE",
      answer: "Tak! Vi undersøger, om frivillige kan bære en søndagsbrunch.",
      initiative: { title: "Søndagsbrunch", description: "Brunch søndag formiddag, båret af frivillige.", kind: "CITIZEN_FACING", ownerOrganisationId: ids.organisation, quickEffect: 3, maturity: 1, resourceDraw: 2 },
    };
    const qualified = (await runOk(callers.coordinator, QUALIFY, { input })).qualifyIdea;
    expect(qualified).toMatchObject({ __typename: "QualifyIdeaSuccess", idea: { status: "ACCEPTED", answer: input.answer, initiative: { title: "Søndagsbrunch", status: "IDEA" } } });

    const listed = (await runOk(app.anonymous, PUBLIC_LIST, { centreId: ids.centre })).ideas;
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      text: "Åbent søndag formiddag med brunch, tak.",
      status: "ACCEPTED",
      answer: input.answer,
      initiative: { title: "Søndagsbrunch", status: "IDEA", centres: [{ id: ids.centre }], ownerOrganisation: { id: ids.organisation } },
    });
    const catalogue = (await runOk(app.anonymous, graphql(`{ initiatives { title status quickEffect idea { id centre { name } } } }`))).initiatives;
    expect(catalogue).toContainEqual({ title: "Søndagsbrunch", status: "IDEA", quickEffect: 3, idea: { id: idea.id, centre: { name: "Værestedet Lyset" } } });
  });

  it("answers a barrier and closes an idea, each with an answer everyone can read", async () => {
    const barrier = await ideaByText("Trappen er svær med rollator.");
    const answered = (await runOk(callers.coordinator, QUALIFY, { input: { ideaId: barrier.id, decision: "ANSWER", answer: "Der kommer en rampe i foråret." } })).qualifyIdea;
    if (answered.__typename !== "QualifyIdeaSuccess") expect.fail(answered.__typename);
    expect(answered.idea).toMatchObject({ status: "ANSWERED", answer: "Der kommer en rampe i foråret.", initiative: null });
    const games = await ideaByText("Spilleaften om torsdagen.");
    const closed = (await runOk(callers.coordinator, QUALIFY, { input: { ideaId: games.id, decision: "CLOSE", answer: "Det findes allerede om onsdagen." } })).qualifyIdea;
    if (closed.__typename !== "QualifyIdeaSuccess") expect.fail(closed.__typename);
    expect(closed.idea.status).toBe("CLOSED");
    const listed = (await runOk(app.anonymous, PUBLIC_LIST, {})).ideas;
    expect(listed.map((idea) => idea.status).sort()).toEqual(["ACCEPTED", "ANSWERED", "CLOSED"]);
    expect(listed.find((idea) => idea.id === barrier.id)!.answer).toBe("Der kommer en rampe i foråret.");
    expect((await runOk(callers.coordinator, OPEN_LIST)).openIdeas.map((idea) => idea.text)).toEqual(["Vi mangler et stille rum."]);
  });

  it("qualifies an idea once, and wants an initiative exactly when accepting", async () => {
    const barrier = await ideaByText("Trappen er svær med rollator.");
    const again = await runError(callers.coordinator, QUALIFY, { input: { ideaId: barrier.id, decision: "CLOSE", answer: "Igen." } }, "IllegalTransitionError");
    expect(again.code).toBe("ILLEGAL_TRANSITION");
    const open = await ideaByText("Vi mangler et stille rum.");
    const noInitiative = await runError(callers.coordinator, QUALIFY, { input: { ideaId: open.id, decision: "ACCEPT_INTO_CATALOGUE", answer: "Ja." } }, "ValidationError");
    expect(noInitiative.code).toBe("VALIDATION_FAILED");
    const cpr = await runError(callers.coordinator, QUALIFY, { input: { ideaId: open.id, decision: "ANSWER", answer: "Ring til 010203-1234" } }, "CprRefusedError");
    expect(cpr.code).toBe("CPR_NUMBER_REFUSED");
    expect((await ideaByText("Vi mangler et stille rum.")).status).toBe("OPEN");
  });

  it("lets only one of two coordinators acting at once accept an idea, leaving one initiative", async () => {
    await raise(callers.staff, "Fælles busbillet til udflugter.");
    const idea = await ideaByText("Fælles busbillet til udflugter.");
    const secondCoordinator = await app.as((await createUser(app.prisma, { globalRole: "COORDINATOR" })).id);
    const accept = (caller: Caller) =>
      run(caller, QUALIFY, {
        input: {
          ideaId: idea.id,
          decision: "ACCEPT_INTO_CATALOGUE",
          answer: "Optaget.",
          initiative: { title: "Busbilletter", description: "Fælles billetter.", kind: "COLLABORATION", ownerOrganisationId: ids.organisation, quickEffect: 1, maturity: 1, resourceDraw: 1 },
        },
      });
    const results = (await Promise.all([accept(callers.coordinator), accept(secondCoordinator)])).map((response) => dataOf(response).qualifyIdea);
    expect(results.map((result) => result.__typename).sort()).toEqual(["IllegalTransitionError", "QualifyIdeaSuccess"]);
    expect(await app.prisma.initiative.count({ where: { title: "Busbilletter" } })).toBe(1);
  });

  it("refuses qualifying to everyone but coordinators", async () => {
    const open = await ideaByText("Vi mangler et stille rum.");
    const input: QualifyInput = { ideaId: open.id, decision: "ANSWER", answer: "Svar." };
    expect((await runError(callers.staff, QUALIFY, { input }, "ForbiddenError")).code).toBe("FORBIDDEN");
    expect((await runError(callers.orgAdmin, QUALIFY, { input }, "ForbiddenError")).code).toBe("FORBIDDEN");
    expect((await runError(app.anonymous, QUALIFY, { input }, "NotAuthenticatedError")).code).toBe("NOT_AUTHENTICATED");
  });

  it("deletes an idea for good", async () => {
    await raise(callers.stranger, "Reklame for noget helt andet.");
    const spam = await ideaByText("Reklame for noget helt andet.");
    const DELETE = graphql(`mutation ($id: ID!) { deleteIdea(id: $id) { __typename ... on Error { code } } }`);
    expect((await runError(callers.staff, DELETE, { id: spam.id }, "ForbiddenError")).code).toBe("FORBIDDEN");
    expect((await runOk(callers.coordinator, DELETE, { id: spam.id })).deleteIdea.__typename).toBe("DeleteIdeaSuccess");
    expect(await app.prisma.idea.findUnique({ where: { id: spam.id } })).toBeNull();
    expect((await runError(callers.coordinator, DELETE, { id: spam.id }, "NotFoundError")).code).toBe("NOT_FOUND");
  });
});

describe("the anonymous public path's rate limit", () => {
  it("refuses the public from one address once its budget is spent, with the wait, while the centre's staff go on", async () => {
    const publicSoFar = await app.prisma.idea.count({ where: { source: "PUBLIC_PAGE" } });
    // Deleted spam counted too: the limiter counts attempts, not rows.
    const spent = publicSoFar + 1;
    for (let index = spent; index < PUBLIC_LIMIT; index += 1) {
      expect((await raise(app.anonymous, `Idé nummer ${index}`, "IDEA", ids.otherCentre)).__typename).toBe("RaiseIdeaSuccess");
    }
    const refused = await runError(app.anonymous, RAISE, { input: { centreId: ids.otherCentre, kind: "IDEA", text: "Én for meget" } }, "RateLimitedError");
    expect(refused.__typename).toBe("RateLimitedError");
    expect(refused.code).toBe("RATE_LIMITED");
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    // A signed-in member of another centre is the public here too, from the same address.
    expect((await runError(callers.stranger, RAISE, { input: { centreId: ids.centre, kind: "IDEA", text: "Også for meget" } }, "RateLimitedError")).code).toBe("RATE_LIMITED");
    expect(await app.prisma.idea.count({ where: { text: { in: ["Én for meget", "Også for meget"] } } })).toBe(0);
    expect((await raise(callers.staff, "Personalet kan stadig skrive.")).__typename).toBe("RaiseIdeaSuccess");
  });
});

describe("the initiative form's choices", () => {
  it("offers coordinators every organisation and an organisation's admins only their own", async () => {
    const QUERY = graphql(`{ initiativeEditorOptions { organisations { name } centres { name } commonQuestions { position } } }`);
    const forCoordinator = (await runOk(callers.coordinator, QUERY)).initiativeEditorOptions;
    expect(forCoordinator.organisations.map((organisation) => organisation.name)).toEqual(["Fjordby Kommune", "Foreningen Trappen"]);
    expect(forCoordinator.centres.map((centre) => centre.name)).toEqual(["Nattecaféen", "Værestedet Lyset"]);
    const forAdmin = (await runOk(callers.orgAdmin, QUERY)).initiativeEditorOptions;
    expect(forAdmin.organisations).toEqual([{ name: "Foreningen Trappen" }]);
    expect((await run(callers.staff, QUERY)).errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});
