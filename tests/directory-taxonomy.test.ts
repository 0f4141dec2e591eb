// Issue 18 item 7, a taxonomy that can grow: target groups and offers are data. The migration
// carries every former enum value over as a term with the same code; a platform admin adds,
// renames, retires and reinstates terms; centres, services, filters, figures' labels and the HSDS
// export follow; the database refuses a code that is no term, a deleted term and a changed code.
// GraphQL over HTTP into the real database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, type SqlConnection } from "../server/db/migrate.ts";
import { loadPgliteExtensions } from "../server/db/pglite.ts";
import { termId } from "../server/modules/opendata/hsds/hsds-taxonomy.ts";
import { withDatabase } from "./support/global-setup.ts";
import { startTestApp, type TestApp } from "./support/app.ts";
import { graphql, run, runError, runOk, type VariablesOf } from "./support/graphql.ts";
import { buildHandoverWorld, createCentre, type HandoverWorld } from "./support/world.ts";

let app: TestApp;
let world: HandoverWorld;

const MIGRATED_TARGET_GROUPS = ["MENTAL_VULNERABILITY", "LONELINESS", "ADDICTION", "HOMELESSNESS", "COGNITIVE_DISABILITY", "YOUNG_ADULTS", "ADULTS"];
const MIGRATED_OFFERS = ["MEAL", "COMMUNITY", "ADVICE", "ACTIVITIES", "CREATIVE_WORKSHOP", "COMPUTER_ACCESS", "SHOWER_LAUNDRY", "REST"];

const TERMS = graphql(`query Terms($vocabulary: TaxonomyVocabulary, $includeRetired: Boolean) {
  taxonomyTerms(vocabulary: $vocabulary, includeRetired: $includeRetired) { id vocabulary code nameDa nameEn isRetired }
}`);
/** What every mutation below selects of its failure members. */
const Failure = graphql(`fragment Failure on Error @_unmask { code ... on ValidationError { issues { field message messageDa } } }`);
const CREATE = graphql(
  `mutation CreateTerm($input: CreateTaxonomyTermInput!) {
    createTaxonomyTerm(input: $input) { __typename ...Failure ... on CreateTaxonomyTermSuccess { data { id code nameDa nameEn position isRetired usageCount } } }
  }`,
  [Failure],
);
const UPDATE = graphql(
  `mutation UpdateTerm($input: UpdateTaxonomyTermInput!) {
    updateTaxonomyTerm(input: $input) { __typename ...Failure ... on UpdateTaxonomyTermSuccess { data { id code nameDa nameEn } } }
  }`,
  [Failure],
);
const RETIRE = graphql(
  `mutation RetireTerm($input: TaxonomyTermIdInput!) {
    retireTaxonomyTerm(input: $input) { __typename ...Failure ... on RetireTaxonomyTermSuccess { data { id isRetired retiredAt usageCount } } }
  }`,
  [Failure],
);
const REINSTATE = graphql(
  `mutation ReinstateTerm($input: TaxonomyTermIdInput!) {
    reinstateTaxonomyTerm(input: $input) { __typename ...Failure ... on ReinstateTaxonomyTermSuccess { data { id isRetired retiredAt } } }
  }`,
  [Failure],
);
const PROFILE = graphql(
  `mutation UpdateProfile($input: UpdateCentreProfileInput!) {
    updateCentreProfile(input: $input) { __typename ...Failure ... on UpdateCentreProfileSuccess { data { id targetGroups offers targetGroupTerms { code nameDa nameEn } } } }
  }`,
  [Failure],
);
const ACTIVITY = graphql(
  `mutation CreateActivity($input: CreateActivityInput!) { createActivity(input: $input) { __typename ...Failure ... on CreateActivitySuccess { data { offers } } } }`,
  [Failure],
);
const SEARCH = graphql(`query Search($filter: CentreFilter) {
  centres(filter: $filter) { edges { reasons { kind da en } node { id name targetGroups targetGroupTerms { code nameDa } } } }
}`);
const USAGE = graphql(`query Usage { taxonomyTerms { code usageCount } }`);
const BY_LITERALS = graphql(`query ByLiterals { centres(filter: { targetGroups: [PHYSICAL_DISABILITY, ADDICTION] }) { edges { node { id } } } }`);
const COVERAGE_UNKNOWN = graphql(`query CoverageUnknown { coverage(targetGroup: NO_SUCH_GROUP) { weekStart } }`);

const PHYSICAL: VariablesOf<typeof CREATE>["input"] = {
  vocabulary: "TARGET_GROUP",
  code: "PHYSICAL_DISABILITY",
  nameDa: "Fysisk funktionsnedsættelse",
  nameEn: "Physical disability",
};

beforeAll(async () => {
  app = await startTestApp();
  world = await buildHandoverWorld(app);
});

afterAll(async () => {
  await app?.close();
});

describe("the migration carries today's values over", () => {
  it("every former enum value is a term with the same code and the names the client showed", async () => {
    const { taxonomyTerms } = await runOk(app.anonymous, TERMS, {});
    expect(taxonomyTerms.filter((term) => term.vocabulary === "TARGET_GROUP").map((term) => term.code)).toEqual(MIGRATED_TARGET_GROUPS);
    expect(taxonomyTerms.filter((term) => term.vocabulary === "OFFER").map((term) => term.code)).toEqual(MIGRATED_OFFERS);
    expect(taxonomyTerms.find((term) => term.code === "ADDICTION")).toMatchObject({ nameDa: "Misbrug og rusmidler", nameEn: "Addiction and substance use", isRetired: false });
  });

  it("rows written before the migration keep every value (applied to a database with enum columns)", async () => {
    // The migrations up to the one before this issue's, a centre, a service and an activity with
    // the old enum values, then the rest: every value is still there, now as a known code.
    const all = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    const mine = all.findIndex((name) => name.endsWith("_i18t_taxonomy"));
    expect(mine).toBeGreaterThan(0);
    const before = await mkdtemp(path.join(tmpdir(), "traedesten-migrations-"));
    for (const name of all.slice(0, mine)) await cp(path.join(MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    const database = await scratchDatabase();
    try {
      await applyMigrations(database.sql, before);
      await database.sql.exec(`
        INSERT INTO "Organisation" ("id", "name", "kind") VALUES ('o1', 'Gammel Kommune', 'MUNICIPAL');
        INSERT INTO "Unit" ("id", "organisationId", "kind", "name") VALUES ('u1', 'o1', 'CENTRE', 'Gammelt Værested'), ('u2', 'o1', 'SERVICE', 'Gammelt Tilbud');
        INSERT INTO "Centre" ("id", "unitId", "name", "description", "street", "postalCode", "city", "latitude", "longitude", "targetGroups", "offers", "languages", "updatedAt")
          VALUES ('c1', 'u1', 'Gammelt Værested', '', 'Vej 1', '6000', 'By', 55.5, 9.5,
                  ARRAY['MENTAL_VULNERABILITY', 'LONELINESS', 'ADDICTION', 'HOMELESSNESS', 'COGNITIVE_DISABILITY', 'YOUNG_ADULTS', 'ADULTS']::"TargetGroup"[],
                  ARRAY['MEAL', 'COMMUNITY', 'ADVICE', 'ACTIVITIES', 'CREATIVE_WORKSHOP', 'COMPUTER_ACCESS', 'SHOWER_LAUNDRY', 'REST']::"Offer"[], ARRAY['da'], now());
        INSERT INTO "Service" ("id", "unitId", "name", "kind", "description", "targetGroups", "languages", "updatedAt")
          VALUES ('s1', 'u2', 'Gammelt Tilbud', 'HOUSING_SUPPORT', '', ARRAY['HOMELESSNESS', 'YOUNG_ADULTS']::"TargetGroup"[], ARRAY['da'], now());
        INSERT INTO "Activity" ("id", "centreId", "title", "offers") VALUES ('a1', 'c1', 'Morgenmad', ARRAY['MEAL', 'REST']::"Offer"[]);
        -- A table another change of the same round may add with the enum type (e.g. visit wishes).
        CREATE TABLE "LaterTable" ("id" TEXT PRIMARY KEY, "targetGroups" "TargetGroup"[], "offer" "Offer");
        INSERT INTO "LaterTable" VALUES ('l1', ARRAY['LONELINESS']::"TargetGroup"[], 'REST');
      `);
      await applyMigrations(database.sql);
      const [centre] = (await database.sql.query<{ targetGroups: string[]; offers: string[] }>(`SELECT "targetGroups", "offers" FROM "Centre" WHERE "id" = 'c1'`)).rows;
      expect(centre).toEqual({ targetGroups: MIGRATED_TARGET_GROUPS, offers: MIGRATED_OFFERS });
      const [service] = (await database.sql.query<{ targetGroups: string[] }>(`SELECT "targetGroups" FROM "Service" WHERE "id" = 's1'`)).rows;
      expect(service).toEqual({ targetGroups: ["HOMELESSNESS", "YOUNG_ADULTS"] });
      const [activity] = (await database.sql.query<{ offers: string[] }>(`SELECT "offers" FROM "Activity" WHERE "id" = 'a1'`)).rows;
      expect(activity).toEqual({ offers: ["MEAL", "REST"] });
      const [later] = (await database.sql.query<{ targetGroups: string[]; offer: string }>(`SELECT "targetGroups", "offer" FROM "LaterTable"`)).rows;
      expect(later).toEqual({ targetGroups: ["LONELINESS"], offer: "REST" });
      const { rows: enumTypes } = await database.sql.query(`SELECT typname FROM pg_type WHERE typname IN ('TargetGroup', 'Offer')`);
      expect(enumTypes).toEqual([]);
      // Every stored code is a term of its vocabulary.
      const { rows: unknown } = await database.sql.query<{ code: string }>(`
        SELECT code FROM (SELECT unnest("targetGroups") AS code, 'TARGET_GROUP' AS vocabulary FROM "Centre"
                          UNION ALL SELECT unnest("offers"), 'OFFER' FROM "Centre"
                          UNION ALL SELECT unnest("targetGroups"), 'TARGET_GROUP' FROM "Service"
                          UNION ALL SELECT unnest("offers"), 'OFFER' FROM "Activity") AS used
        WHERE NOT EXISTS (SELECT 1 FROM "TaxonomyTerm" t WHERE t."vocabulary"::text = used.vocabulary AND t."code" = used.code)`);
      expect(unknown).toEqual([]);
    } finally {
      await database.close();
      await rm(before, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("a platform admin extends the taxonomy", () => {
  let physicalId: string;

  it("adds a target group the fixed list lacked, last in its list", async () => {
    const created = (await runOk(world.platformAdmin, CREATE, { input: PHYSICAL })).createTaxonomyTerm;
    expect(created).toMatchObject({ __typename: "CreateTaxonomyTermSuccess", data: { code: "PHYSICAL_DISABILITY", nameDa: "Fysisk funktionsnedsættelse", isRetired: false, usageCount: 0 } });
    if (created.__typename !== "CreateTaxonomyTermSuccess") return expect.fail(created.__typename);
    physicalId = created.data.id;
    const { taxonomyTerms } = await runOk(app.anonymous, TERMS, { vocabulary: "TARGET_GROUP" });
    expect(taxonomyTerms.at(-1)).toMatchObject({ code: "PHYSICAL_DISABILITY", nameEn: "Physical disability" });
  });

  it("refuses a code in use, a malformed code and a Danish name already in the list, naming the field", async () => {
    const again = await runError(world.platformAdmin, CREATE, { input: { ...PHYSICAL, nameDa: "Noget andet" } }, "ValidationError");
    expect(again).toMatchObject({ __typename: "ValidationError", issues: [{ field: "code" }] });
    const malformed = await runError(world.platformAdmin, CREATE, { input: { ...PHYSICAL, code: "fysisk handicap" } }, "ValidationError");
    expect(malformed).toMatchObject({ __typename: "ValidationError", issues: [{ field: "code" }] });
    const sameName = await runError(world.platformAdmin, CREATE, { input: { ...PHYSICAL, code: "PHYSICAL", nameDa: "fysisk funktionsnedsættelse" } }, "ValidationError");
    expect(sameName).toMatchObject({ __typename: "ValidationError", issues: [{ field: "nameDa" }] });
    expect(await app.prisma.taxonomyTerm.count({ where: { code: { startsWith: "PHYSICAL" } } })).toBe(1);
  });

  it("only platform admins may change the taxonomy; usage counts are theirs to see", async () => {
    await runError(world.centreAdmin, CREATE, { input: { ...PHYSICAL, code: "OTHER_GROUP", nameDa: "Anden gruppe" } }, "ForbiddenError");
    await runError(world.staff, USAGE, {}, "FORBIDDEN");
  });

  it("a unit admin gives the centre the new group; the search finds it with the group's name as the reason", async () => {
    const saved = (await runOk(world.centreAdmin, PROFILE, { input: { centreId: world.centreId, targetGroups: ["ADULTS", "PHYSICAL_DISABILITY"] } })).updateCentreProfile;
    expect(saved).toMatchObject({ __typename: "UpdateCentreProfileSuccess", data: { targetGroups: ["ADULTS", "PHYSICAL_DISABILITY"] } });
    if (saved.__typename !== "UpdateCentreProfileSuccess") return expect.fail(saved.__typename);
    // Terms in the taxonomy's order, with their names.
    expect(saved.data.targetGroupTerms).toEqual([
      { code: "ADULTS", nameDa: "Voksne (18+)", nameEn: "Adults (18+)" },
      { code: "PHYSICAL_DISABILITY", nameDa: "Fysisk funktionsnedsættelse", nameEn: "Physical disability" },
    ]);
    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { targetGroups: ["PHYSICAL_DISABILITY"] } });
    expect(centres.edges.map((edge) => edge.node.id)).toEqual([world.centreId]);
    expect(centres.edges[0]?.reasons[0]).toEqual({ kind: "TARGET_GROUP", da: "for fysisk funktionsnedsættelse", en: "for physical disability" });
  });

  it("old documents keep working: a bare former-enum literal is read as the code", async () => {
    const { centres } = await runOk(app.anonymous, BY_LITERALS);
    expect(centres.edges.map((edge) => edge.node.id)).toEqual([world.centreId]);
  });

  it("an unknown code in a filter is a validation error naming it; a malformed one never reaches the search", async () => {
    // The raw responses: the error's extensions (fields) and the absence of data are the point.
    const unknown = await run(app.anonymous, SEARCH, { filter: { targetGroups: ["ADULTS", "NO_SUCH_GROUP"] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["filter.targetGroups.1"] });
    const malformed = await run(app.anonymous, SEARCH, { filter: { offers: ["not a code"] } });
    expect(malformed.errors?.length).toBe(1);
    expect(malformed.data ?? null).toBeNull();
    const coverage = await run(app.anonymous, COVERAGE_UNKNOWN);
    expect(coverage.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED", fields: ["targetGroup"] });
  });

  it("renaming changes every label and keeps the code and every use", async () => {
    const renamed = (await runOk(world.platformAdmin, UPDATE, { input: { termId: physicalId, nameDa: "Fysisk handicap", nameEn: "Physical disabilities" } })).updateTaxonomyTerm;
    expect(renamed).toMatchObject({ __typename: "UpdateTaxonomyTermSuccess", data: { code: "PHYSICAL_DISABILITY", nameDa: "Fysisk handicap" } });
    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { targetGroups: ["PHYSICAL_DISABILITY"] } });
    expect(centres.edges[0]?.node.targetGroupTerms).toContainEqual({ code: "PHYSICAL_DISABILITY", nameDa: "Fysisk handicap" });
    expect(centres.edges[0]?.reasons[0]).toMatchObject({ da: "for fysisk handicap", en: "for physical disabilities" });
  });

  it("a retired term leaves the lists, stays on the centre that has it and is still searchable, but no other entry can gain it", async () => {
    const retired = (await runOk(world.platformAdmin, RETIRE, { input: { termId: physicalId } })).retireTaxonomyTerm;
    expect(retired).toMatchObject({ __typename: "RetireTaxonomyTermSuccess", data: { isRetired: true, retiredAt: app.clock.now().toISOString(), usageCount: 1 } });
    const active = (await runOk(app.anonymous, TERMS, { vocabulary: "TARGET_GROUP" })).taxonomyTerms;
    expect(active.map((term) => term.code)).not.toContain("PHYSICAL_DISABILITY");
    const withRetired = (await runOk(app.anonymous, TERMS, { vocabulary: "TARGET_GROUP", includeRetired: true })).taxonomyTerms;
    expect(withRetired.find((term) => term.code === "PHYSICAL_DISABILITY")).toMatchObject({ isRetired: true });

    const { centres } = await runOk(app.anonymous, SEARCH, { filter: { targetGroups: ["PHYSICAL_DISABILITY"] } });
    expect(centres.edges.map((edge) => edge.node.id)).toEqual([world.centreId]);
    // The centre that has it saves its profile with it unchanged.
    const kept = (await runOk(world.centreAdmin, PROFILE, { input: { centreId: world.centreId, targetGroups: ["PHYSICAL_DISABILITY", "ADULTS"], offers: ["MEAL"] } })).updateCentreProfile;
    expect(kept).toMatchObject({ __typename: "UpdateCentreProfileSuccess", data: { targetGroups: ["PHYSICAL_DISABILITY", "ADULTS"] } });
    // Another centre cannot take it on.
    const other = await createCentre(app.prisma, world.organisationId, { name: "Andet Værested" });
    const platform = await runError(world.platformAdmin, PROFILE, { input: { centreId: other.centre.id, targetGroups: ["ADULTS", "PHYSICAL_DISABILITY"] } }, "ValidationError");
    expect(platform).toMatchObject({ __typename: "ValidationError", issues: [{ field: "targetGroups.1" }] });
    expect((await app.prisma.centre.findUniqueOrThrow({ where: { id: other.centre.id } })).targetGroups).toEqual(["ADULTS"]);
  });

  it("a reinstated term can be chosen again", async () => {
    const back = (await runOk(world.platformAdmin, REINSTATE, { input: { termId: physicalId } })).reinstateTaxonomyTerm;
    expect(back).toMatchObject({ __typename: "ReinstateTaxonomyTermSuccess", data: { isRetired: false, retiredAt: null } });
    const other = await createCentre(app.prisma, world.organisationId, { name: "Tredje Værested" });
    const saved = (await runOk(world.platformAdmin, PROFILE, { input: { centreId: other.centre.id, targetGroups: ["PHYSICAL_DISABILITY"] } })).updateCentreProfile;
    expect(saved.__typename).toBe("UpdateCentreProfileSuccess");
  });

  it("an offer added by the admin can be given to an activity; an unknown offer is refused", async () => {
    const offer = (await runOk(world.platformAdmin, CREATE, { input: { vocabulary: "OFFER", code: "GARDENING", nameDa: "Havearbejde", nameEn: "Gardening" } })).createTaxonomyTerm;
    expect(offer.__typename).toBe("CreateTaxonomyTermSuccess");
    const input = { centreId: world.centreId, title: "Køkkenhaven", weekday: 3, startMinute: 600, endMinute: 720 };
    const created = (await runOk(world.centreAdmin, ACTIVITY, { input: { ...input, offers: ["GARDENING", "COMMUNITY"] } })).createActivity;
    expect(created).toMatchObject({ __typename: "CreateActivitySuccess", data: { offers: ["GARDENING", "COMMUNITY"] } });
    const unknown = await runError(world.centreAdmin, ACTIVITY, { input: { ...input, offers: ["KNITTING"] } }, "ValidationError");
    expect(unknown).toMatchObject({ __typename: "ValidationError", issues: [{ field: "offers.0" }] });
  });

  it("the HSDS export and API list the new terms and filter by them", async () => {
    const id = termId("target_group", "PHYSICAL_DISABILITY");
    const term = await (await app.anonymous.fetch(`/hsds/taxonomy_terms/${id}`)).json();
    expect(term).toMatchObject({ id, code: "PHYSICAL_DISABILITY", name: "Fysisk handicap", description: "Physical disabilities" });
    const page = await (await app.anonymous.fetch(`/hsds/services?taxonomy_term_id=${id}&per_page=50`)).json();
    expect(page.contents.map((service: { name: string }) => service.name).sort()).toEqual(["Tredje Værested", "Værestedet Test"]);
    const row = page.contents.find((service: { name: string }) => service.name === "Værestedet Test");
    const nested = await (await app.anonymous.fetch(`/hsds/services/${row.id}`)).json();
    expect(nested.attributes.find((attribute: { taxonomy_term_id: string }) => attribute.taxonomy_term_id === id)?.taxonomy_term).toMatchObject({ code: "PHYSICAL_DISABILITY" });
  });
});

describe("the database keeps the codes honest", () => {
  it("refuses an entry with a code that is no term, whoever writes it", async () => {
    await expect(createCentre(app.prisma, world.organisationId, { targetGroups: ["NOT_A_GROUP"] })).rejects.toThrow();
    await expect(app.prisma.activity.create({ data: { centreId: world.centreId, title: "X", offers: ["NOT_AN_OFFER"] } })).rejects.toThrow();
  });

  it("never deletes a term and never changes its code", async () => {
    await expect(app.prisma.taxonomyTerm.delete({ where: { vocabulary_code: { vocabulary: "TARGET_GROUP", code: "ADULTS" } } })).rejects.toThrow();
    await expect(app.prisma.taxonomyTerm.update({ where: { vocabulary_code: { vocabulary: "TARGET_GROUP", code: "ADULTS" } }, data: { code: "GROWN_UPS" } })).rejects.toThrow();
    expect(await app.prisma.taxonomyTerm.count({ where: { code: "ADULTS" } })).toBe(1);
  });
});

/** A fresh, empty database of the kind under test, with a raw connection for the migration runner. */
async function scratchDatabase(): Promise<{ sql: SqlConnection; close(): Promise<void> }> {
  const postgresUrl = process.env["TEST_DATABASE_URL"];
  if (!postgresUrl) {
    const pglite = await PGlite.create({ extensions: loadPgliteExtensions() });
    return { sql: pglite, close: () => pglite.close() };
  }
  const name = `taxonomy_migration_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const client = new pg.Client({ connectionString: withDatabase(postgresUrl, name) });
  await client.connect();
  return {
    sql: {
      exec: (script) => client.query(script),
      query: async <Row,>(text: string, params?: unknown[]) => ({ rows: (await client.query(text, params)).rows as Row[] }),
    },
    async close() {
      await client.end();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}
