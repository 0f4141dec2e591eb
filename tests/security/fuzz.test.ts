// Property-based fuzzing of every query and mutation that takes arguments. The arguments are
// derived from the built schema by introspecting its types; fast-check generates values
// (hostile strings, foreign and malformed ids, huge numbers, implausible dates) and sends them
// over HTTP as three kinds of caller. For every call: no 5xx, no INTERNAL_SERVER_ERROR, and a
// rejected call changes no row (a checksum over every table, compared before and after).
import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../server/graphql/schema.ts";
import { startTestApp, type TestApp } from "../support/app.ts";
import { buildHandoverWorld, type HandoverWorld } from "../support/world.ts";
import { createHandover, WITH_CONSENT } from "../support/handovers.ts";
import { type Caller, HOOK_TIMEOUT_MS } from "../support/app.ts";

/** Runs per field; with ~75 fields this is over two thousand calls on an idle machine. */
const RUNS_PER_FIELD = Number(process.env["FUZZ_RUNS"] ?? 30);
/** Per field, so the whole test stays bounded (about 75 × 1.5 s at most) on a busy machine. */
const TIME_LIMIT_PER_FIELD_MS = Number(process.env["FUZZ_MS_PER_FIELD"] ?? 1_500);
// Tables written on purpose by calls that are refused: the security log (failed sign-ins) and
// sessions (last seen on every request).
const TABLES_REFUSALS_MAY_WRITE = new Set(["SecurityEvent", "Session", "_prisma_migrations"]);

let app: TestApp;
let world: HandoverWorld;
let callers: Caller[];
let ids: string[];
let checksumSql: string;

beforeAll(async () => {
  app = await startTestApp({ environment: { NODE_ENV: "production" } });
  world = await buildHandoverWorld(app);
  const handover = await createHandover(world.staff, world, { send: true, ...WITH_CONSENT(new Date(app.clock.now().getTime() + 30 * 86_400_000).toISOString()) });
  callers = [world.staff, world.centreAdmin, world.platformAdmin];
  // Real ids give the generator a chance to reach past "not found" into the commands. The
  // callers' own user ids are left out, so a fuzzed deactivateUser cannot end the fuzzing.
  ids = [
    world.centreUnitId, world.serviceUnitId, world.unrelatedUnitId, world.centreId, world.organisationId, handover.id,
    world.userIds.worker, world.userIds.unrelated, world.userIds.coordinator,
  ];
  const tables = await app.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`;
  checksumSql = `SELECT md5(concat_ws('|', ${tables
    .filter((table) => !TABLES_REFUSALS_MAY_WRITE.has(table.table_name))
    .map((table) => `(SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) FROM "${table.table_name}" t)`)
    .join(", ")})) AS sum`;
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await app?.close();
}, HOOK_TIMEOUT_MS);

async function checksum(): Promise<string> {
  const [row] = await app.prisma.$queryRawUnsafe<{ sum: string }[]>(checksumSql);
  return row!.sum;
}

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "", " ", "\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u0007bell", "line\nbreak\ttab", "010203-1234", "0102031234",
    "'; DROP TABLE \"Handover\"; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "\u202Eevil", "😀🏳️‍🌈", "null", "undefined",
  ),
  fc.constantFrom("x".repeat(10_001), "y".repeat(5_000), "æ".repeat(1_000)),
);
const idArb = () => fc.oneof(fc.constantFrom(...ids), fc.uuid(), hostileString);
const dateArb = fc.oneof(
  fc.date({ min: new Date("2000-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom("1900-01-01", "9999-12-31", "2026-02-30", "2026-13-01", "0000-00-00", "today"),
);
const dateTimeArb = fc.oneof(
  fc.date({ min: new Date("1970-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }).map((date) => date.toISOString()),
  fc.constantFrom("1900-01-01T00:00:00Z", "not a date", "2026-11-25", "2026-11-25T25:61:00Z"),
);

function arbitraryFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryFor(type.ofType as GraphQLInputType, depth);
  if (isListType(type)) return fc.array(arbitraryFor(type.ofType as GraphQLInputType, depth + 1), { maxLength: 3 });
  if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const model = Object.fromEntries(fields.map((field) => [field.name, depth > 3 ? fc.constant(null) : arbitraryFor(field.type, depth + 1)]));
    return fc.record(model, { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case "ID":
        return idArb();
      case "Int":
        return fc.oneof(fc.integer({ min: -5, max: 2_000 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));
      case "Float":
        return fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom(0, -0, 1e308, -1e308, 5e-324));
      case "Boolean":
        return fc.boolean();
      case "Date":
        return dateArb;
      case "DateTime":
        return dateTimeArb;
      // Taxonomy codes: real ones, unknown ones and anything hostile.
      case "TargetGroup":
        return fc.oneof(fc.constantFrom("ADULTS", "ADDICTION", "NO_SUCH_GROUP"), hostileString);
      case "Offer":
        return fc.oneof(fc.constantFrom("MEAL", "REST", "NO_SUCH_OFFER"), hostileString);
      default:
        return hostileString;
    }
  }
  return fc.constant(null);
}

function nullable(type: GraphQLInputType, arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return isNonNullType(type) ? arbitrary : fc.option(arbitrary, { nil: null, freq: 4 });
}

interface Target {
  operation: "query" | "mutation";
  field: GraphQLField<unknown, unknown>;
}

const targets: Target[] = [
  ...Object.values(schema.getQueryType()!.getFields()).map((field) => ({ operation: "query" as const, field })),
  ...Object.values(schema.getMutationType()!.getFields()).map((field) => ({ operation: "mutation" as const, field })),
].filter((target) => target.field.args.length > 0);

function documentFor({ operation, field }: Target): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(", ");
  const argumentsText = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(", ");
  const selection = isLeafType(getNamedType(field.type)) ? "" : "{ __typename }";
  return `${operation} Fuzz(${definitions}) { result: ${field.name}(${argumentsText}) ${selection} }`;
}

const stats = { calls: 0, refused: 0, accepted: 0 };

describe("fuzzing every query and mutation with arguments", () => {
  it("derives its targets from the schema", () => {
    expect(targets.length).toBeGreaterThan(60);
    expect(targets.map((target) => target.field.name)).toEqual(expect.arrayContaining(["createHandover", "handover", "recordVisitorTally", "signIn"]));
  });

  it.each(targets.map((target) => [`${target.operation} ${target.field.name}`, target] as const))(
    "%s: no 5xx, no INTERNAL_SERVER_ERROR, a refused call changes nothing",
    async (_name, target) => {
      const document = documentFor(target);
      const variables = fc.record(Object.fromEntries(target.field.args.map((arg) => [arg.name, nullable(arg.type, arbitraryFor(arg.type))])));
      let baseline = await checksum();
      // A time budget per field that never cuts the first calls: once it is spent, the remaining
      // runs pass without sending anything.
      const deadline = performance.now() + TIME_LIMIT_PER_FIELD_MS;
      let sent = 0;
      await fc.assert(
        fc.asyncProperty(variables, fc.constantFrom(...callers), async (values, caller) => {
          if (sent >= 3 && performance.now() > deadline) return;
          sent += 1;
          // A plain string on purpose: the document is built from the schema per field, and the
          // variables are generated (often of the wrong shape), so neither can be a typed document.
          const response = await caller.graphql(document, values);
          stats.calls += 1;
          expect(response.status, JSON.stringify(response.errors)).toBeLessThan(500);
          const codes = (response.errors ?? []).map((error) => error.extensions?.["code"]);
          expect(codes, JSON.stringify(response.errors)).not.toContain("INTERNAL_SERVER_ERROR");
          const result = (response.data as Record<string, unknown> | null | undefined)?.["result"];
          const typename = result && typeof result === "object" ? String((result as { __typename?: unknown }).__typename) : "";
          const refused = (response.errors?.length ?? 0) > 0 || typename.endsWith("Error");
          const after = await checksum();
          if (refused) {
            stats.refused += 1;
            expect(after, `${target.field.name} was refused but changed rows`).toBe(baseline);
          } else {
            stats.accepted += 1;
          }
          baseline = after;
        }),
        { numRuns: RUNS_PER_FIELD, endOnFailure: true },
      );
    },
    120_000,
  );

  it("sent generated inputs to every field (thousands on an idle machine; fewer when the time limit cuts in)", () => {
    console.log(`fuzz: ${stats.calls} calls over ${targets.length} fields, ${stats.refused} refused, ${stats.accepted} accepted`);
    expect(stats.calls).toBeGreaterThanOrEqual(targets.length * 3);
    expect(stats.refused).toBeGreaterThan(0);
  });
});
