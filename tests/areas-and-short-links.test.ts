// Areas that search can start near (kept by coordinators), and the centre card's short link
// (/v/<slug>) with its QR code: over GraphQL and HTTP into a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk } from "./support/graphql.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

let app: TestApp;
let coordinator: Caller;
let centreId: string;

beforeAll(async () => {
  app = await startTestApp();
  coordinator = await app.as((await createUser(app.prisma, { globalRole: "COORDINATOR" })).id);
  const organisation = await createOrganisation(app.prisma);
  const { centre } = await createCentre(app.prisma, organisation.id, { name: "Værestedet Kortet" });
  centreId = centre.id;
  await app.prisma.centre.update({ where: { id: centre.id }, data: { slug: "kortet" } });
});

afterAll(async () => {
  await app.close();
});

const CREATE = graphql(`
  mutation CreateArea($input: AreaInput!) {
    createArea(input: $input) {
      __typename
      ... on CreateAreaSuccess { data { id name latitude longitude } }
      ... on ValidationError { issues { field } }
      ... on Error { code message }
    }
  }
`);
const AREAS = graphql(`query Areas { areas { name latitude longitude } }`);
const UPDATE = graphql(`mutation UpdateArea($id: ID!, $input: AreaInput!) { updateArea(id: $id, input: $input) { __typename ... on UpdateAreaSuccess { data { name } } } }`);
const DELETE = graphql(`mutation DeleteArea($id: ID!) { deleteArea(id: $id) { __typename ... on Error { code } } }`);
const SHORT_LINK = graphql(`query ShortLink($id: ID!) { centre(id: $id) { slug shortLink shortLinkQrSvg } }`);

describe("areas", () => {
  it("a coordinator adds an area and everyone can list it", async () => {
    const created = await runOk(coordinator, CREATE, { input: { name: "Østbyen", latitude: 55.49, longitude: 9.49 } });
    expect(created.createArea).toMatchObject({ __typename: "CreateAreaSuccess", data: { name: "Østbyen" } });
    const listed = await runOk(app.anonymous, AREAS);
    expect(listed.areas).toContainEqual({ name: "Østbyen", latitude: 55.49, longitude: 9.49 });
  });

  it("refuses a point outside Denmark, a duplicate name and a CPR number, changing nothing", async () => {
    const before = await app.prisma.area.count();
    const outside = await runError(coordinator, CREATE, { input: { name: "Langt væk", latitude: 40, longitude: 9.4 } }, "ValidationError");
    expect(outside).toMatchObject({ __typename: "ValidationError", issues: [{ field: "latitude" }] });
    const duplicate = await runError(coordinator, CREATE, { input: { name: "Østbyen", latitude: 55.5, longitude: 9.5 } }, "CONFLICT");
    expect(duplicate).toMatchObject({ code: "CONFLICT" });
    const cpr = await runError(coordinator, CREATE, { input: { name: "Område 010190-1234", latitude: 55.5, longitude: 9.5 } }, "CprRefusedError");
    expect(cpr).toMatchObject({ __typename: "CprRefusedError" });
    expect(await app.prisma.area.count()).toBe(before);
  });

  it("renames and removes an area; an unknown id is NOT_FOUND", async () => {
    const { id } = await app.prisma.area.create({ data: { name: "Midlertidig", latitude: 55.48, longitude: 9.46 } });
    const renamed = await runOk(coordinator, UPDATE, { id, input: { name: "Vestbyen", latitude: 55.48, longitude: 9.46 } });
    expect(renamed.updateArea).toEqual({ __typename: "UpdateAreaSuccess", data: { name: "Vestbyen" } });
    const removed = await runOk(coordinator, DELETE, { id });
    expect(removed.deleteArea).toEqual({ __typename: "DeleteAreaSuccess" });
    const again = await runError(coordinator, DELETE, { id }, "NotFoundError");
    expect(again).toEqual({ __typename: "NotFoundError", code: "NOT_FOUND" });
  });
});

describe("the centre card's short link", () => {
  it("gives the short link and a QR code that encodes it", async () => {
    const data = await runOk(app.anonymous, SHORT_LINK, { id: centreId });
    expect(data.centre?.slug).toBe("kortet");
    expect(data.centre?.shortLink).toBe(`${app.config.publicUrl}/v/kortet`);
    expect(data.centre?.shortLinkQrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  it("redirects /v/<slug> to the centre page, also after a rename, and an unknown slug to the search", async () => {
    await app.prisma.centre.update({ where: { id: centreId }, data: { name: "Værestedet Det Nye Navn" } });
    const known = await app.anonymous.fetch("/v/kortet", { redirect: "manual" });
    expect(known.status).toBe(302);
    expect(known.headers.get("location")).toBe(`/vaerested/${centreId}`);
    const unknown = await app.anonymous.fetch("/v/findes-ikke", { redirect: "manual" });
    expect(unknown.headers.get("location")).toBe("/soeg");
    // A slug that cannot be stored never reaches the lookup: the input guard answers 400.
    const garbage = await app.anonymous.fetch("/v/%00%3Cscript%3E", { redirect: "manual" });
    expect(garbage.status).toBe(400);
    const odd = await app.anonymous.fetch("/v/%3Cscript%3E", { redirect: "manual" });
    expect(odd.headers.get("location")).toBe("/soeg");
  });

  it("a centre without a slug falls back to its id address", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { centre } = await createCentre(app.prisma, organisation.id);
    const data = await runOk(app.anonymous, SHORT_LINK, { id: centre.id });
    expect(data.centre?.shortLink).toBe(`${app.config.publicUrl}/vaerested/${centre.id}`);
  });
});
