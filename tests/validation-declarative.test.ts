// Input rules are declared in the schema (`validate:` with a zod schema, @pothos/plugin-zod) and
// fail with the same ValidationError the resolvers' parseInput gave: Danish and English messages
// per field, named relative to `input`, as a member of the mutation's result union, before the
// resolver runs — so nothing is written. Over GraphQL and HTTP into a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builder } from "../server/graphql/builder.ts";
import { schema } from "../server/graphql/schema.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { graphql, runError, runOk } from "./support/graphql.ts";
import { createUser } from "./support/world.ts";

let app: TestApp;
let coordinator: Caller;

beforeAll(async () => {
  app = await startTestApp();
  coordinator = await app.as((await createUser(app.prisma, { globalRole: "COORDINATOR" })).id);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const CREATE_AREA = graphql(`
  mutation CreateArea($input: AreaInput!) {
    createArea(input: $input) {
      __typename
      ... on ValidationError { code message messageDa issues { field message messageDa } }
      ... on Error { code }
    }
  }
`);
const CREATE_AREA_NAME = graphql(`mutation CreateAreaName($input: AreaInput!) { createArea(input: $input) { __typename ... on CreateAreaSuccess { data { name } } } }`);
const SIGN_IN = graphql(`mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename ... on ValidationError { issues { field message messageDa } } } }`);

describe("validation declared in the schema", () => {
  it("refuses an area with a one-letter name and a point outside Denmark with ValidationError in both languages, writing nothing", async () => {
    const before = await app.prisma.area.count();
    const result = await runError(coordinator, CREATE_AREA, { input: { name: " Ø ", latitude: 40, longitude: 9.4 } }, "ValidationError");
    expect(result).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: expect.stringContaining("Must be at least 2 characters. Must be at least 54.5."),
      messageDa: expect.stringContaining("Skal være mindst 2 tegn. Skal være mindst 54.5."),
      issues: [
        { field: "name", message: "Must be at least 2 characters.", messageDa: "Skal være mindst 2 tegn." },
        { field: "latitude", message: "Must be at least 54.5.", messageDa: "Skal være mindst 54.5." },
      ],
    });
    expect(await app.prisma.area.count()).toBe(before);
  });

  it("hands the resolver the parsed value: a name is stored trimmed", async () => {
    const result = await runOk(coordinator, CREATE_AREA_NAME, { input: { name: "  Nordbyen  ", latitude: 55.5, longitude: 9.5 } });
    expect(result.createArea).toEqual({ __typename: "CreateAreaSuccess", data: { name: "Nordbyen" } });
  });

  it("validates a public mutation the same way: an empty e-mail and password name both fields", async () => {
    const result = await runError(app.anonymous, SIGN_IN, { input: { email: "", password: "" } }, "ValidationError");
    expect(result).toEqual({
      __typename: "ValidationError",
      issues: [
        { field: "email", message: "This field is required.", messageDa: "Feltet skal udfyldes." },
        { field: "password", message: "This field is required.", messageDa: "Feltet skal udfyldes." },
      ],
    });
  });

  it("authorizes before it validates: a signed-out caller with bad input gets NotAuthenticatedError", async () => {
    const result = await runError(app.anonymous, CREATE_AREA, { input: { name: "Ø", latitude: 40, longitude: 9.4 } }, "NotAuthenticatedError");
    expect(result).toEqual({ __typename: "NotAuthenticatedError", code: "NOT_AUTHENTICATED" });
  });

  it("registers the zod plugin after errors and scope-auth, and its validator sits on the declared arguments", () => {
    const plugins = builder.options.plugins ?? [];
    expect(plugins).toContain("zod");
    expect(plugins.indexOf("errors")).toBeLessThan(plugins.indexOf("zod"));
    expect(plugins.indexOf("scopeAuth")).toBeLessThan(plugins.indexOf("zod"));
    const createArea = schema.getMutationType()!.getFields()["createArea"]!;
    expect(createArea.args.find((arg) => arg.name === "input")!.extensions).toHaveProperty("validator");
  });
});
