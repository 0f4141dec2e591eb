// The HSDS 3 API, export and import, validated against the published standard with ajv:
// every endpoint's responses and every exported entity, on the demo directory and on random
// directories; the export → import → export round trip; refused packages change nothing.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData, seedId } from "../prisma/seed.ts";
import type { Prisma } from "../server/db/database.ts";
import { derivedId } from "../server/modules/opendata/hsds/hsds-ids.ts";
import { HSDS_TABLES, type HsdsTable } from "../server/modules/opendata/hsds/hsds-mapping.ts";
import { createHsdsAjv, STANDARD_DIR } from "../server/modules/opendata/hsds/hsds-standard.ts";
import { termId } from "../server/modules/opendata/hsds/hsds-taxonomy.ts";
import { startTestApp, type Caller, type TestApp } from "./support/app.ts";
import { createCentre, createOrganisation, createUser } from "./support/world.ts";

const REFERENCE_DIR = path.resolve(import.meta.dirname, "../../shared/standards/hsds-3");
const ajv = createHsdsAjv(REFERENCE_DIR);
const HOOK_TIMEOUT_MS = 400_000;
const SLOW_TEST_MS = 300_000;

function expectValid(schema: string, value: unknown, where: string) {
  const validate = ajv.getSchema(`${schema}.json`)!;
  const valid = validate(value);
  expect(valid ? [] : validate.errors!.map((error) => `${where} ${error.instancePath} ${error.message}`)).toEqual([]);
}

function expectPage(body: any, itemSchema: string, where: string) {
  for (const key of ["total_items", "total_pages", "page_number", "size"]) expect(Number.isInteger(body[key])).toBe(true);
  for (const key of ["first_page", "last_page", "empty"]) expect(typeof body[key]).toBe("boolean");
  expect(body.size).toBe(body.contents.length);
  body.contents.forEach((item: unknown, index: number) => expectValid(itemSchema, item, `${where}[${index}]`));
}

async function getJson(caller: Caller, url: string): Promise<any> {
  const response = await caller.fetch(url);
  expect(response.status, url).toBe(200);
  return response.json();
}

/** Walks every page of a list endpoint and validates each page and item. */
async function walk(caller: Caller, endpoint: string, itemSchema: string, perPage = 7): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const body = await getJson(caller, `${endpoint}${endpoint.includes("?") ? "&" : "?"}page=${page}&per_page=${perPage}`);
    expectPage(body, itemSchema, `${endpoint} page ${page}`);
    items.push(...body.contents);
    if (body.last_page) {
      expect(items.length).toBe(body.total_items);
      return items;
    }
  }
}

function validatePackage(tables: Record<string, any[]>) {
  for (const table of HSDS_TABLES) tables[table]!.forEach((row, index) => expectValid(table, row, `${table}[${index}]`));
}

let app: TestApp;
let empty: TestApp;
let coordinator: Caller;
let emptyCoordinator: Caller;

beforeAll(async () => {
  [app, empty] = await Promise.all([startTestApp(), startTestApp()]);
  await seedDemoData(app.prisma, app.clock);
  // A secret note on a booking must never reach the open data.
  await app.prisma.visit.updateMany({ where: { internalNote: { not: null } }, data: { internalNote: "HEMMELIG-INTERN-NOTE" } });
  await app.prisma.visitSeries.updateMany({ where: { internalNote: { not: null } }, data: { internalNote: "HEMMELIG-INTERN-NOTE" } });
  coordinator = await app.as(seedId("user:coordinator"));
  const emptyCoordinatorUser = await createUser(empty.prisma, { globalRole: "COORDINATOR" });
  emptyCoordinator = await empty.as(emptyCoordinatorUser.id);
}, HOOK_TIMEOUT_MS);
afterAll(async () => {
  await Promise.all([app?.close(), empty?.close()]);
}, HOOK_TIMEOUT_MS);

describe("the HSDS 3 standard", () => {
  it("ships an unchanged copy of the published schemas and API description", () => {
    const files = readdirSync(REFERENCE_DIR).filter((file) => file.endsWith(".json"));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) expect(readFileSync(path.join(STANDARD_DIR, file), "utf8"), file).toBe(readFileSync(path.join(REFERENCE_DIR, file), "utf8"));
  });
});

describe("HSDS read API on the demo directory", { timeout: SLOW_TEST_MS }, () => {
  it("answers / with the HSDS version and the API description", async () => {
    const root = await getJson(app.anonymous, "/hsds");
    expect(root.version).toBe("3.0");
    expect(root.openapi_url).toMatch(/\/hsds\/openapi\.json$/);
    const openapi = await getJson(app.anonymous, "/hsds/openapi.json");
    expect(Object.keys(openapi.paths)).toContain("/services");
  });

  it("pages /services in SQL order with valid services, and every /services/{id} is a valid nested service", async () => {
    const services = await walk(app.anonymous, "/hsds/services", "service");
    const [centres, directoryServices] = await Promise.all([app.prisma.centre.count(), app.prisma.service.count()]);
    expect(services.length).toBe(centres + directoryServices);
    expect(new Set(services.map((service) => service.id)).size).toBe(services.length);
    for (const service of services) {
      const nested = await getJson(app.anonymous, `/hsds/services/${service.id}`);
      expectValid("service", nested, `services/${service.id}`);
      expect(nested.organization.id).toBe(service.organization_id);
    }
    const five = await getJson(app.anonymous, "/hsds/services?per_page=5");
    expect(five.contents).toHaveLength(5);
    expect(five.total_pages).toBe(Math.ceil((centres + directoryServices) / 5));
  });

  it("maps a centre to a location and its own service at that location, with opening hours and holidays as schedules", async () => {
    const centreId = seedId("centre:lyset");
    const service = await getJson(app.anonymous, `/hsds/services/${derivedId(centreId, "centre-service")}`);
    expect(service.name).toBe("Værestedet Lyset");
    const atCentre = service.service_at_locations[0];
    expect(atCentre.location.id).toBe(centreId);
    expect(atCentre.location.addresses[0]).toMatchObject({ country: "DK", address_type: "physical" });
    const schedules = atCentre.location.schedules;
    expect(schedules.some((schedule: any) => schedule.freq === "WEEKLY" && /^(MO|TU|WE|TH|FR|SA|SU)$/.test(schedule.byday) && /^\d\d:\d\d$/.test(schedule.opens_at))).toBe(true);
    const kinds = schedules.flatMap((schedule: any) => schedule.attributes.filter((attribute: any) => attribute.link_type === "schedule_kind").map((attribute: any) => attribute.taxonomy_term.code));
    expect(kinds).toEqual(expect.arrayContaining(["WEEKLY", "PUBLIC_HOLIDAYS", "COMMON_CLOSED_DAYS"]));
    expect(service.attributes.map((attribute: any) => attribute.taxonomy_term.code)).toContain("CENTRE");
    expect(service.languages.every((language: any) => /^[a-z]{2,3}$/.test(language.code))).toBe(true);
  });

  it("splits an overnight period into the evening and the next morning", async () => {
    const organisation = await createOrganisation(app.prisma);
    const { centre } = await createCentre(app.prisma, organisation.id, { name: "Natcaféen Overnat" });
    await app.prisma.openingPeriod.create({ data: { centreId: centre.id, weekday: 5, startMinute: 20 * 60, endMinute: 2 * 60, isOvernight: true } });
    const location = (await getJson(app.anonymous, `/hsds/service_at_locations/${derivedId(centre.id, "centre-service-at-location")}`)).location;
    const weekly = location.schedules.filter((schedule: any) => schedule.freq === "WEEKLY").map((schedule: any) => [schedule.byday, schedule.opens_at, schedule.closes_at]);
    expect(weekly).toEqual([
      ["FR", "20:00", "24:00"],
      ["SA", "00:00", "02:00"],
    ]);
  });

  it("lists organisations and service_at_locations (visiting sessions included) and finds each by id", async () => {
    const organisations = await walk(app.anonymous, "/hsds/organizations", "organization", 3);
    expect(organisations.length).toBe(await app.prisma.organisation.count());
    for (const organisation of organisations) expectValid("organization", await getJson(app.anonymous, `/hsds/organizations/${organisation.id}`), organisation.id);
    const atLocations = await walk(app.anonymous, "/hsds/service_at_locations", "service_at_location", 9);
    for (const item of atLocations) {
      const nested = await getJson(app.anonymous, `/hsds/service_at_locations/${item.id}`);
      expectValid("service_at_location", nested, item.id);
      expect(nested.location.id).toBe(item.location_id);
    }
    const visiting = atLocations.filter((item) => item.location_id !== undefined && item.id !== derivedId(item.location_id, "centre-service-at-location") && item.service_id !== derivedId(item.location_id, "centre-service"));
    const centreIds = new Set((await app.prisma.centre.findMany({ select: { id: true } })).map((row) => row.id));
    expect(visiting.some((item) => centreIds.has(item.location_id))).toBe(true);
  });

  it("serves the taxonomy and filters services by a taxonomy term", async () => {
    const taxonomies = await walk(app.anonymous, "/hsds/taxonomies", "taxonomy", 4);
    const terms = await walk(app.anonymous, "/hsds/taxonomy_terms", "taxonomy_term", 20);
    expect(terms.every((term) => taxonomies.some((taxonomy) => taxonomy.id === term.taxonomy_id))).toBe(true);
    const addiction = termId("target_group", "ADDICTION");
    const filtered = await walk(app.anonymous, `/hsds/services?taxonomy_term_id=${addiction}`, "service", 50);
    const expected = (await app.prisma.centre.count({ where: { targetGroups: { has: "ADDICTION" } } })) + (await app.prisma.service.count({ where: { targetGroups: { has: "ADDICTION" } } }));
    expect(filtered.length).toBe(expected);
    for (const service of filtered) {
      const nested = await getJson(app.anonymous, `/hsds/services/${service.id}`);
      expect(nested.attributes.map((attribute: any) => attribute.taxonomy_term_id)).toContain(addiction);
    }
  });

  it("searches and syncs incrementally with modified_after", async () => {
    const found = await getJson(app.anonymous, "/hsds/services?search=lyset");
    expect(found.contents.map((service: any) => service.name)).toContain("Værestedet Lyset");
    expect(found.contents.every((service: any) => `${service.name} ${service.description}`.toLowerCase().includes("lyset"))).toBe(true);
    const future = await getJson(app.anonymous, `/hsds/services?modified_after=${encodeURIComponent("2999-01-01T00:00:00Z")}`);
    expect(future.total_items).toBe(0);
    const past = await getJson(app.anonymous, "/hsds/services?modified_after=2000-01-01T00:00:00Z&per_page=1");
    expect(past.total_items).toBe((await app.prisma.centre.count()) + (await app.prisma.service.count()));
  });

  it("refuses bad paging and dates with 400 and a Danish and English message, and answers 404 for unknown ids", async () => {
    for (const query of ["per_page=0", "per_page=100000", "page=-1", "page=abc", "modified_after=igår"]) {
      const response = await app.anonymous.fetch(`/hsds/services?${query}`);
      expect(response.status, query).toBe(400);
      const body = await response.json();
      expect(body.error).toBeTruthy();
      expect(body.errorDa).toBeTruthy();
    }
    for (const url of ["/hsds/services/not-a-uuid", `/hsds/services/${crypto.randomUUID()}`, `/hsds/organizations/${crypto.randomUUID()}`, `/hsds/service_at_locations/${crypto.randomUUID()}`]) {
      expect((await app.anonymous.fetch(url)).status, url).toBe(404);
    }
  });

  it("publishes only public fields: no internal notes, no users, no handover data", async () => {
    const exported = JSON.stringify(await getJson(coordinator, "/hsds/export.json"));
    expect(exported).not.toContain("HEMMELIG-INTERN-NOTE");
    const users = await app.prisma.user.findMany({ select: { email: true, name: true, id: true } });
    for (const user of users) {
      expect(exported).not.toContain(user.email);
      expect(exported).not.toContain(user.id);
    }
    const handovers = await app.prisma.handover.findMany({ select: { code: true, purpose: true } });
    for (const handover of handovers) {
      expect(exported).not.toContain(handover.code);
      expect(exported).not.toContain(handover.purpose);
    }
  });
});

describe("HSDS export and import", { timeout: SLOW_TEST_MS }, () => {
  it("lets only coordinators export", async () => {
    expect((await app.anonymous.fetch("/hsds/export.json")).status).toBe(401);
    const staff = await app.as(seedId("user:centre-staff"));
    expect((await staff.fetch("/hsds/export.zip")).status).toBe(403);
  });

  it("exports the demo directory as JSON and as a tabular data package whose every entity is valid HSDS", async () => {
    const json = await getJson(coordinator, "/hsds/export.json");
    expect(json.hsds_version).toBe("3.0");
    validatePackage(json);
    const zip = await coordinator.fetch("/hsds/export.zip");
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const descriptor = JSON.parse(strFromU8(files["datapackage.json"]!));
    expect(descriptor.profile).toBe("tabular-data-package");
    for (const resource of descriptor.resources) {
      const header = strFromU8(files[resource.path]!).split("\r\n")[0]!.split(",");
      expect(header).toEqual(resource.schema.fields.map((field: any) => field.name));
    }
  });

  it("round-trips the demo directory: export, dry run, apply into an empty database, export again", async () => {
    const first = await getJson(coordinator, "/hsds/export.json");
    const dryRun = await importPackage(emptyCoordinator, JSON.stringify(first), "application/json", "dry_run");
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.applied).toBe(false);
    expect(dryRun.body.report.created).toBe(first.organization.length + first.service.length);
    expect(dryRun.body.report.ignored.some((line: any) => line.table === "service_at_location")).toBe(true);
    // The target groups a platform admin added in the demo (issue 18) come along as new terms.
    expect(dryRun.body.report.newTerms.map((term: any) => term.code).sort()).toEqual(["FORMERLY_IN_CARE", "FORMER_ADDICTION", "PHYSICAL_DISABILITY", "SEX_WORKERS"]);
    expect(await empty.prisma.centre.count()).toBe(0);
    const applied = await importPackage(emptyCoordinator, JSON.stringify(first), "application/json", "apply");
    expect(applied.body.applied).toBe(true);
    const second = await getJson(emptyCoordinator, "/hsds/export.json");
    // Visiting sessions come from bookings, which an import does not create.
    expect(second).toEqual(withoutVisitingSessions(first));
    const again = await importPackage(emptyCoordinator, JSON.stringify(second), "application/json", "dry_run");
    expect(again.body.report.updated).toBe(again.body.report.lines.length);
    expect(again.body.report.created).toBe(0);
  });

  it("refuses an invalid package with the full list of problems by row and field, changing nothing", async () => {
    const pkg = await getJson(coordinator, "/hsds/export.json");
    const before = await empty.prisma.centre.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } });
    pkg.service[0].name = undefined;
    pkg.service[1].description = "Ring til 010190-1234 for at komme ind.";
    const centreLocation = pkg.location.findIndex((row: any) => typeof row.latitude === "number");
    pkg.location[centreLocation].latitude = "langt mod nord";
    pkg.organization.push({ ...pkg.organization[0] });
    pkg.service[2].name = "Omdøbt, men må ikke gemmes";
    const response = await importPackage(emptyCoordinator, JSON.stringify(pkg), "application/json", "apply");
    expect(response.status).toBe(422);
    expect(response.body.applied).toBe(false);
    const problems = response.body.problems.map((problem: any) => `${problem.table}:${problem.row}:${problem.field}`);
    expect(problems).toEqual(
      expect.arrayContaining(["service:1:name", "service:2:description", `location:${centreLocation + 1}:latitude`, `organization:${pkg.organization.length}:id`]),
    );
    expect(JSON.stringify(response.body)).not.toContain("010190-1234");
    expect(await empty.prisma.centre.findMany({ select: { id: true, name: true }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await empty.prisma.service.count({ where: { name: "Omdøbt, men må ikke gemmes" } })).toBe(0);
  });

  it("reads the tabular zip as well as the JSON", async () => {
    const zip = new Uint8Array(await (await coordinator.fetch("/hsds/export.zip")).arrayBuffer());
    const response = await importPackage(emptyCoordinator, zip, "application/zip", "dry_run");
    expect(response.status).toBe(200);
    expect(response.body.problems).toEqual([]);
    expect(response.body.report.created + response.body.report.updated).toBe(response.body.report.lines.length);
  });

  it("refuses imports from anyone but a coordinator and without the CSRF header", async () => {
    const admin = await app.as(seedId("user:centre-admin"));
    expect((await admin.fetch("/hsds/import", { method: "POST", body: "{}", headers: { "x-graphql-csrf": "1" } })).status).toBe(403);
    expect((await coordinator.fetch("/hsds/import", { method: "POST", body: "{}" })).status).toBe(400);
  });
});

describe("HSDS on random directories", { timeout: 300_000 }, () => {
  it("exports valid HSDS and round-trips through the tabular zip", async () => {
    const source = await startTestApp();
    const target = await startTestApp();
    try {
      const sourceCoordinator = await source.as((await createUser(source.prisma, { globalRole: "COORDINATOR" })).id);
      const targetCoordinator = await target.as((await createUser(target.prisma, { globalRole: "COORDINATOR" })).id);
      await fc.assert(
        fc.asyncProperty(randomDirectory, async (directory) => {
          await clearDirectory(source.prisma);
          await clearDirectory(target.prisma);
          await writeDirectory(source.prisma, directory);
          const first = await getJson(sourceCoordinator, "/hsds/export.json");
          validatePackage(first);
          const services = await walk(source.anonymous, "/hsds/services", "service", 3);
          expect(services.length).toBe(directory.centres.length + directory.services.length);
          const zip = new Uint8Array(await (await sourceCoordinator.fetch("/hsds/export.zip")).arrayBuffer());
          const applied = await importPackage(targetCoordinator, zip, "application/zip", "apply");
          expect(applied.body.problems).toEqual([]);
          expect(await getJson(targetCoordinator, "/hsds/export.json")).toEqual(first);
        }),
        { numRuns: 4 },
      );
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
  });
});

async function importPackage(caller: Caller, body: string | Uint8Array, contentType: string, mode: "dry_run" | "apply") {
  const response = await caller.fetch(`/hsds/import?mode=${mode}`, { method: "POST", body: typeof body === "string" ? body : new Blob([body as Uint8Array<ArrayBuffer>]), headers: { "content-type": contentType, "x-graphql-csrf": "1" } });
  return { status: response.status, body: (await response.json()) as any };
}

function withoutVisitingSessions(pkg: any) {
  const visiting = new Set(
    pkg.attribute.filter((row: any) => row.link_entity === "schedule" && row.taxonomy_term_id === termId("schedule_kind", "VISIT")).map((row: any) => row.link_id),
  );
  const visitingAtLocations = new Set(pkg.schedule.filter((row: any) => visiting.has(row.id)).map((row: any) => row.service_at_location_id));
  return {
    ...pkg,
    service_at_location: pkg.service_at_location.filter((row: any) => !visitingAtLocations.has(row.id)),
    schedule: pkg.schedule.filter((row: any) => !visiting.has(row.id)),
    attribute: pkg.attribute.filter((row: any) => !visiting.has(row.link_id)),
  };
}

// ── random directories ──

const TARGET_GROUPS = ["MENTAL_VULNERABILITY", "COGNITIVE_DISABILITY", "ADDICTION", "HOMELESSNESS", "YOUNG_ADULTS", "ADULTS", "LONELINESS"] as const;
const OFFERS = ["MEAL", "COMMUNITY", "ADVICE", "ACTIVITIES", "SHOWER_LAUNDRY", "REST", "COMPUTER_ACCESS", "CREATIVE_WORKSHOP"] as const;
const ACCESSIBILITY = ["STEP_FREE_ACCESS", "ACCESSIBLE_TOILET", "HEARING_LOOP", "QUIET_ROOM", "GUIDE_DOG_WELCOME", "PARKING_NEARBY"] as const;
const SERVICE_KINDS = ["HOUSING_SUPPORT", "JOB_CLARIFICATION", "ADDICTION_TREATMENT", "PRACTICAL_HELP", "DIGITAL_HELP", "HEALTH", "CIVIL_SOCIETY_OFFER", "OTHER"] as const;
const POLICIES = ["CLOSED", "NORMAL_HOURS", "SPECIAL_HOURS"] as const;

const text = fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value.trim().length > 0 && !/\d{6}/.test(value));
const period = fc.record({
  startHour: fc.integer({ min: 0, max: 22 }),
  hours: fc.integer({ min: 1, max: 8 }),
  staffing: fc.constantFrom("STAFFED" as const, "VOLUNTEERS" as const),
  note: fc.option(text, { nil: null }),
});
const centreArbitrary = fc.record({
  name: text,
  description: text,
  phone: fc.option(fc.constantFrom("+45 70 20 30 40", "75 50 00 00"), { nil: null }),
  email: fc.option(fc.constantFrom("kontakt@sted.example", "info@cafe.example"), { nil: null }),
  askFor: fc.option(text, { nil: null }),
  targetGroups: fc.uniqueArray(fc.constantFrom(...TARGET_GROUPS), { maxLength: 3 }),
  offers: fc.uniqueArray(fc.constantFrom(...OFFERS), { maxLength: 3 }),
  accessibility: fc.uniqueArray(fc.constantFrom(...ACCESSIBILITY), { maxLength: 3 }),
  languages: fc.uniqueArray(fc.constantFrom("da", "en", "uk", "ar"), { minLength: 1, maxLength: 3 }),
  isAnonymousWelcome: fc.boolean(),
  publicHolidayPolicy: fc.constantFrom(...POLICIES),
  commonClosedDaysPolicy: fc.constantFrom(...POLICIES),
  verified: fc.boolean(),
  periods: fc.dictionary(fc.constantFrom("1", "2", "3", "4", "5", "6", "7"), period, { maxKeys: 4 }),
  exceptions: fc.uniqueArray(fc.record({ day: fc.integer({ min: 1, max: 28 }), special: fc.boolean(), reason: fc.option(text, { nil: null }) }), { selector: (exception) => exception.day, maxLength: 3 }),
});
const serviceArbitrary = fc.record({
  name: text,
  description: text,
  kind: fc.constantFrom(...SERVICE_KINDS),
  targetGroups: fc.uniqueArray(fc.constantFrom(...TARGET_GROUPS), { maxLength: 3 }),
  languages: fc.uniqueArray(fc.constantFrom("da", "en", "pl"), { maxLength: 2 }),
  hasAddress: fc.boolean(),
  intakeStatus: fc.constantFrom("OPEN" as const, "WAITING_LIST" as const, "CLOSED" as const),
  typicalWaitDays: fc.option(fc.integer({ min: 1, max: 90 }), { nil: null }),
  isAnonymousWelcome: fc.boolean(),
});
const randomDirectory = fc.record({
  organisations: fc.array(fc.record({ name: text, kind: fc.constantFrom("MUNICIPAL" as const, "CIVIL_SOCIETY" as const, "OTHER" as const) }), { minLength: 1, maxLength: 3 }),
  centres: fc.array(fc.tuple(fc.nat(), centreArbitrary), { maxLength: 4 }),
  services: fc.array(fc.tuple(fc.nat(), serviceArbitrary), { maxLength: 4 }),
});
type RandomDirectory = typeof randomDirectory extends fc.Arbitrary<infer T> ? T : never;

async function clearDirectory(prisma: Prisma) {
  await prisma.centre.deleteMany({});
  await prisma.service.deleteMany({});
  await prisma.unit.deleteMany({ where: { kind: { in: ["CENTRE", "SERVICE"] } } });
  await prisma.organisation.deleteMany({ where: { units: { none: {} } } });
}

async function writeDirectory(prisma: Prisma, directory: RandomDirectory) {
  const organisations = [];
  for (const organisation of directory.organisations) organisations.push(await prisma.organisation.create({ data: organisation }));
  for (const [pick, centre] of directory.centres) {
    const organisationId = organisations[pick % organisations.length]!.id;
    const unit = await prisma.unit.create({ data: { organisationId, kind: "CENTRE", name: centre.name } });
    const special = (policy: string) => (policy === "SPECIAL_HOURS" ? { start: 10 * 60, end: 14 * 60 } : { start: null, end: null });
    const created = await prisma.centre.create({
      data: {
        unitId: unit.id,
        name: centre.name,
        description: centre.description,
        street: "Prøvevej 2",
        postalCode: "6000",
        city: "Fjordby",
        latitude: 55.5,
        longitude: 9.5,
        phone: centre.phone,
        email: centre.email,
        askFor: centre.askFor,
        targetGroups: centre.targetGroups,
        offers: centre.offers,
        accessibility: centre.accessibility,
        languages: centre.languages,
        isAnonymousWelcome: centre.isAnonymousWelcome,
        publicHolidayPolicy: centre.publicHolidayPolicy,
        publicHolidayStartMinute: special(centre.publicHolidayPolicy).start,
        publicHolidayEndMinute: special(centre.publicHolidayPolicy).end,
        commonClosedDaysPolicy: centre.commonClosedDaysPolicy,
        commonClosedDaysStartMinute: special(centre.commonClosedDaysPolicy).start,
        commonClosedDaysEndMinute: special(centre.commonClosedDaysPolicy).end,
        verifiedAt: centre.verified ? new Date("2026-10-01T00:00:00Z") : null,
      },
    });
    // Periods on distinct weekdays at least a day apart cannot overlap, even overnight.
    for (const [weekday, item] of Object.entries(centre.periods)) {
      if (centre.periods[String((Number(weekday) % 7) + 1)]) continue;
      const start = item.startHour * 60;
      const end = (start + item.hours * 60) % 1440;
      await prisma.openingPeriod.create({
        data: { centreId: created.id, weekday: Number(weekday), startMinute: start, endMinute: end === 0 ? 1440 : end, isOvernight: end !== 0 && end < start, staffing: item.staffing, note: item.note },
      });
    }
    for (const exception of centre.exceptions) {
      await prisma.openingException.create({
        data: {
          centreId: created.id,
          date: new Date(Date.UTC(2026, 11, exception.day)),
          kind: exception.special ? "SPECIAL_HOURS" : "CLOSED",
          startMinute: exception.special ? 12 * 60 : null,
          endMinute: exception.special ? 15 * 60 : null,
          reason: exception.reason,
        },
      });
    }
  }
  for (const [pick, service] of directory.services) {
    const organisationId = organisations[pick % organisations.length]!.id;
    const unit = await prisma.unit.create({ data: { organisationId, kind: "SERVICE", name: service.name } });
    const { hasAddress, ...fields } = service;
    await prisma.service.create({
      data: {
        unitId: unit.id,
        ...fields,
        ...(hasAddress ? { street: "Rådhusgade 1", postalCode: "6000", city: "Fjordby", latitude: 55.49, longitude: 9.47 } : {}),
      },
    });
  }
}
