// Findings 5, 6 and 7 as attacks over HTTP, in development mode (what `npm start` runs) and in
// production: a forced database error reaches the client as "Unexpected error." with the
// request id and nothing else — no stack, no database message, no file path — unless
// EXPOSE_ERRORS=true; the server log carries neither the database message nor a stack that
// repeats it; and anonymous introspection is refused in production.
import { Writable } from "node:stream";
import { print } from "graphql";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCentre, createOrganisation, createUser } from "../support/world.ts";
import { HOOK_TIMEOUT_MS, SLOW_TEST_MS, startTestApp, type TestApp } from "../support/app.ts";
import { graphql, run, runOk } from "../support/graphql.ts";

// A column renamed behind the application's back: every read of centres becomes a database error
// whose message names the column.
const BROKEN_COLUMN = "description_broken_by_test";
const CENTRES = graphql(`query CentresWithDescription { centres(first: 5) { edges { node { id name description } } } }`);

async function brokenApp(environment: Record<string, string>, lines: string[]): Promise<TestApp> {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const app = await startTestApp({ environment, logger: pino({ level: "trace" }, sink) });
  const organisation = await createOrganisation(app.prisma);
  await createCentre(app.prisma, organisation.id);
  await app.prisma.$executeRawUnsafe(`ALTER TABLE "Centre" RENAME COLUMN "description" TO "${BROKEN_COLUMN}"`);
  return app;
}

const LEAKS = [BROKEN_COLUMN, "does not exist", "Centre.description", "prisma", "Prisma", "node_modules", "/server/", ".ts:", "    at "];

for (const mode of ["development", "production"] as const) {
  describe(`a database error in ${mode} mode`, () => {
    const lines: string[] = [];
    let app: TestApp;
    beforeAll(async () => {
      app = await brokenApp({ NODE_ENV: mode }, lines);
    }, HOOK_TIMEOUT_MS);
    afterAll(async () => {
      await app.close();
    }, HOOK_TIMEOUT_MS);

    it("reaches the client masked, with the request id and nothing inside", async () => {
      const response = await app.anonymous.fetch("/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-graphql-csrf": "1" },
        body: JSON.stringify({ query: print(CENTRES) }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
      expect(body.errors[0]).toMatchObject({ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } });
      expect(body.errors[0]!.extensions["requestId"]).toBe(response.headers.get("x-request-id"));
      expect(Object.keys(body.errors[0]!.extensions).sort()).toEqual(["code", "requestId"]);
      for (const leak of LEAKS) expect(text, `response contains "${leak}"`).not.toContain(leak);
    });

    it("is logged with its request id but without the database message or a stack repeating it", async () => {
      const log = lines.join("");
      expect(log).toContain('"msg":"graphql error"');
      for (const leak of [BROKEN_COLUMN, "does not exist", "Centre.description"]) expect(log, `log contains "${leak}"`).not.toContain(leak);
      const errorLines = lines.filter((line) => line.includes('"graphql error"'));
      expect(errorLines.some((line) => /"requestId":"[0-9a-f-]{36}"/.test(line))).toBe(true);
    });
  });
}

describe("EXPOSE_ERRORS=true, for local debugging only", () => {
  it("adds the original message, so the switch (and only it) turns masking off", async () => {
    const lines: string[] = [];
    const app = await brokenApp({ NODE_ENV: "development", EXPOSE_ERRORS: "true" }, lines);
    try {
      const response = await run(app.anonymous, CENTRES);
      expect(response.errors?.[0]?.extensions?.["originalError"]).toBeDefined();
      expect(JSON.stringify(response.errors)).toContain("does not exist");
    } finally {
      await app.close();
    }
  }, SLOW_TEST_MS);
});

// Introspection stays a plain string: gql.tada does not type __schema or __type (they come out unknown).
const INTROSPECTION = `{ __schema { queryType { name } types { name } } }`;
const TYPENAME = graphql(`query Typename { __typename }`);

describe("introspection", () => {
  it("is refused to anonymous callers in production, and answers signed-in ones", async () => {
    const app = await startTestApp({ environment: { NODE_ENV: "production" } });
    try {
      const anonymous = await app.anonymous.graphql(INTROSPECTION);
      expect(anonymous.data).toBeUndefined();
      expect(anonymous.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
      const byType = await app.anonymous.graphql(`{ __type(name: "Handover") { fields { name } } }`);
      expect(byType.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
      // __typename is not introspection of the schema; clients rely on it.
      expect(await runOk(app.anonymous, TYPENAME)).toEqual({ __typename: "Query" });
      const user = await createUser(app.prisma);
      const signedIn = await (await app.as(user.id)).graphql(INTROSPECTION);
      expect(signedIn.data?.["__schema"].queryType.name).toBe("Query");
    } finally {
      await app.close();
    }
  }, SLOW_TEST_MS);

  it("stays available in development (GraphiQL)", async () => {
    const app = await startTestApp({ environment: { NODE_ENV: "development" } });
    try {
      expect((await app.anonymous.graphql(INTROSPECTION)).data?.["__schema"].queryType.name).toBe("Query");
    } finally {
      await app.close();
    }
  }, SLOW_TEST_MS);
});
