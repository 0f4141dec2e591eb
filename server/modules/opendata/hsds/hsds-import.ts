// Onboarding from an HSDS package (the JSON of /hsds/export.json or the tabular zip): parse,
// validate every row against the HSDS 3 schemas and our own rules, plan what would be created
// or updated (a dry run reports exactly that), then apply the plan in one transaction, merging
// by id. Any problem refuses the whole package with the full list; nothing is written then.
import { parse as parseCsv } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import type { Prisma } from "../../../db/database.ts";
import type { Prisma as PrismaTypes } from "../../../generated/prisma/client.ts";
import type { AccessibilityFeature, HolidayPolicy, IntakeStatus, OrganisationKind, ServiceKind, Staffing } from "../../../generated/prisma/enums.ts";
import { findCprLikeNumber } from "../../../shared/cpr-guard.ts";
import { MAX_AGE_YEARS, type TaxonomyVocabulary, TERM_CODE_PATTERN, validateOpeningPeriods } from "../../directory/index.ts";
import { tableLayout } from "./hsds-export.ts";
import { derivedId, nameBasedId } from "./hsds-ids.ts";
import { emptyTables, HSDS_TABLES, weekdayOf, type HsdsRow, type HsdsTable, type HsdsTables } from "./hsds-mapping.ts";
import { validatorFor } from "./hsds-standard.ts";
import { loadHsdsTerms, taxonomyId, termId, type TaxonomyKey } from "./hsds-taxonomy.ts";
import type { IsoWeekday } from "../../../shared/copenhagen-time.ts";

export interface ImportProblem {
  table: string;
  /** 1-based position of the row in its table (for CSV: the data row after the header). */
  row: number | null;
  field: string | null;
  message: string;
  messageDa: string;
}

export interface ImportReportLine {
  entity: "organisation" | "centre" | "service";
  id: string;
  name: string;
  action: "create" | "update";
}

export interface ImportReport {
  created: number;
  updated: number;
  refused: number;
  lines: ImportReportLine[];
  /** Rows read but not imported, with why (e.g. visiting sessions, which come from bookings). */
  ignored: { table: string; row: number; reason: string }[];
  /** Target groups and offers of the package this directory lacks: added as taxonomy terms. */
  newTerms: PlannedTerm[];
}

export interface PlannedTerm {
  vocabulary: TaxonomyVocabulary;
  code: string;
  nameDa: string;
  nameEn: string;
}

type ParseResult = { ok: true; tables: HsdsTables } | { ok: false; problems: ImportProblem[] };

function problem(table: string, row: number | null, field: string | null, en: string, da: string): ImportProblem {
  return { table, row, field, message: en, messageDa: da };
}

/** Reads a JSON package or a tabular zip into HSDS tables. */
export function parsePackage(body: Uint8Array, contentType: string): ParseResult {
  const isZip = body[0] === 0x50 && body[1] === 0x4b;
  if (isZip || contentType.includes("zip")) return parseZip(body);
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch {
    return { ok: false, problems: [problem("package", null, null, "The package is neither JSON nor a zip file", "Pakken er hverken JSON eller en zip-fil")] };
  }
  if (!json || typeof json !== "object" || Array.isArray(json)) {
    return { ok: false, problems: [problem("package", null, null, "The JSON package must be an object of tables", "JSON-pakken skal være et objekt med tabeller")] };
  }
  const tables = emptyTables();
  const problems: ImportProblem[] = [];
  for (const table of HSDS_TABLES) {
    const rows = (json as Record<string, unknown>)[table];
    if (rows === undefined) continue;
    if (!Array.isArray(rows) || rows.some((row) => !row || typeof row !== "object" || Array.isArray(row))) {
      problems.push(problem(table, null, null, "Must be an array of objects", "Skal være en liste af objekter"));
      continue;
    }
    tables[table] = rows as HsdsRow[];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tables };
}

function parseZip(body: Uint8Array): ParseResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(body);
  } catch {
    return { ok: false, problems: [problem("package", null, null, "The zip file cannot be read", "Zip-filen kan ikke læses")] };
  }
  const descriptorFile = files["datapackage.json"];
  if (!descriptorFile) return { ok: false, problems: [problem("datapackage.json", null, null, "datapackage.json is missing", "datapackage.json mangler")] };
  let resources: { name?: string; path?: string }[];
  try {
    resources = (JSON.parse(strFromU8(descriptorFile)) as { resources?: { name?: string; path?: string }[] }).resources ?? [];
  } catch {
    return { ok: false, problems: [problem("datapackage.json", null, null, "datapackage.json is not valid JSON", "datapackage.json er ikke gyldig JSON")] };
  }
  const tables = emptyTables();
  const problems: ImportProblem[] = [];
  for (const resource of resources) {
    const table = resource.name as HsdsTable;
    if (!HSDS_TABLES.includes(table) || !resource.path) continue;
    const file = files[resource.path];
    if (!file) {
      problems.push(problem(table, null, null, `${resource.path} is missing from the zip`, `${resource.path} mangler i zip-filen`));
      continue;
    }
    let records: Record<string, string>[];
    try {
      records = parseCsv(strFromU8(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    } catch {
      problems.push(problem(table, null, null, `${resource.path} is not valid CSV`, `${resource.path} er ikke gyldig CSV`));
      continue;
    }
    const types = new Map(tableLayout(table).fields.map((field) => [field.name, field.type]));
    tables[table] = records.map((record, index) => {
      const row: HsdsRow = {};
      for (const [name, value] of Object.entries(record)) {
        if (value === "") continue;
        const type = types.get(name);
        if (type === "number" || type === "integer") {
          const number = Number(value);
          if (Number.isNaN(number)) problems.push(problem(table, index + 1, name, "Must be a number", "Skal være et tal"));
          row[name] = number;
        } else row[name] = value;
      }
      return row;
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, tables };
}

// ── the plan ──

interface PlannedPeriod {
  id: string;
  weekday: number;
  startMinute: number;
  endMinute: number;
  isOvernight: boolean;
  staffing: Staffing;
  note: string | null;
}

interface PlannedException {
  id: string;
  date: Date;
  kind: "CLOSED" | "SPECIAL_HOURS";
  startMinute: number | null;
  endMinute: number | null;
  reason: string | null;
}

interface PlannedCentre {
  id: string;
  organisationId: string;
  data: Omit<PrismaTypes.CentreUncheckedCreateInput, "id" | "unitId">;
  periods: PlannedPeriod[];
  exceptions: PlannedException[];
}

interface PlannedService {
  id: string;
  organisationId: string;
  data: Omit<PrismaTypes.ServiceUncheckedCreateInput, "id" | "unitId">;
}

export interface ImportPlan {
  problems: ImportProblem[];
  report: ImportReport;
  organisations: { id: string; name: string; kind: OrganisationKind }[];
  centres: PlannedCentre[];
  services: PlannedService[];
  terms: PlannedTerm[];
}

function minuteOf(time: unknown): number | null {
  const match = typeof time === "string" ? /^(\d{2}):(\d{2})(?::\d{2})?$/.exec(time) : null;
  if (!match) return null;
  const minute = Number(match[1]) * 60 + Number(match[2]);
  return minute <= 1440 && Number(match[2]) < 60 ? minute : null;
}

function dateOf(value: unknown): Date | null {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);

/** Validates the tables and works out what an apply would write. Reads the database, writes nothing. */
export async function planImport(prisma: Prisma, tables: HsdsTables): Promise<ImportPlan> {
  const problems: ImportProblem[] = [];
  const ignored: ImportReport["ignored"] = [];
  const refusedRows = new Set<string>();
  const refuse = (table: string, row: number | null, field: string | null, en: string, da: string) => {
    problems.push(problem(table, row, field, en, da));
    refusedRows.add(`${table}:${row}`);
  };

  // 1. Every row against the published standard.
  for (const table of HSDS_TABLES) {
    const validate = validatorFor(table);
    const seen = new Set<string>();
    tables[table].forEach((row, index) => {
      if (!validate(row)) {
        for (const error of validate.errors ?? []) {
          const field = error.keyword === "required" ? String(error.params["missingProperty"]) : error.instancePath.replace(/^\//, "") || null;
          refuse(table, index + 1, field, `HSDS 3.0: ${error.message ?? "invalid"}`, `HSDS 3.0: ugyldig værdi (${error.message ?? "invalid"})`);
        }
      }
      const id = String(row["id"] ?? "");
      if (seen.has(id)) refuse(table, index + 1, "id", "The id appears twice in this table", "Id'et står to gange i tabellen");
      seen.add(id);
      // Free text must never carry a CPR number; the number itself is not echoed.
      for (const [field, value] of Object.entries(row)) {
        // Ids are UUIDs, whose digits can look like anything; only text is checked.
        if (field === "id" || field.endsWith("_id")) continue;
        if (typeof value === "string" && findCprLikeNumber(value)) {
          refuse(table, index + 1, field, "The text appears to contain a CPR number", "Teksten ser ud til at indeholde et CPR-nummer");
        }
      }
    });
  }
  if (problems.length > 0) return { problems, report: reportOf([], ignored, refusedRows.size, []), organisations: [], centres: [], services: [], terms: [] };

  const rowNumber = (table: HsdsTable, row: HsdsRow) => tables[table].indexOf(row) + 1;
  // Target groups and offers are the directory's own terms: a term this directory lacks is ignored.
  const taxonomy = await loadHsdsTerms(prisma);
  const planned = newTermsOf(tables, (id) => taxonomy.termOf(id));
  const newTerms = [...planned.values()].map(({ key: _key, ...term }) => term);
  const termOf = (id: string) => {
    const term = taxonomy.termOf(id) ?? planned.get(id.toLowerCase());
    return term ? { key: term.key, code: term.code } : null;
  };
  const agesOf = (row: HsdsRow, line: number) => {
    const age = (field: "minimum_age" | "maximum_age") => {
      const value = row[field];
      if (value === undefined || value === null || value === "") return null;
      const years = Number(value);
      if (Number.isInteger(years) && years >= 0 && years <= MAX_AGE_YEARS) return years;
      refuse("service", line, field, `An age is a whole number of years from 0 to ${MAX_AGE_YEARS}`, `En alder er et helt antal år fra 0 til ${MAX_AGE_YEARS}`);
      return null;
    };
    const minAge = age("minimum_age");
    const maxAge = age("maximum_age");
    if (minAge !== null && maxAge !== null && minAge > maxAge) {
      refuse("service", line, "maximum_age", "maximum_age is below minimum_age", "maximum_age er mindre end minimum_age");
    }
    return { minAge, maxAge };
  };
  const attributesOf = new Map<string, { key: TaxonomyKey; code: string; value: string | null }[]>();
  tables.attribute.forEach((attribute, index) => {
    const term = termOf(String(attribute["taxonomy_term_id"] ?? ""));
    if (!term) {
      ignored.push({ table: "attribute", row: index + 1, reason: "Not a term of the Trædesten taxonomy" });
      return;
    }
    const linkId = String(attribute["link_id"] ?? "");
    attributesOf.set(linkId, [...(attributesOf.get(linkId) ?? []), { ...term, value: str(attribute["value"]) }]);
  });
  const codes = (id: string, key: TaxonomyKey) => (attributesOf.get(id) ?? []).filter((attribute) => attribute.key === key).map((attribute) => attribute.code);
  const firstCode = (id: string, key: TaxonomyKey) => codes(id, key)[0] ?? null;

  // 2. Organisations.
  const organisations = tables.organization.map((row) => ({
    id: String(row["id"]),
    name: String(row["name"]),
    kind: (firstCode(String(row["id"]), "organisation_kind") ?? "OTHER") as OrganisationKind,
  }));
  const packageOrganisationIds = new Set(organisations.map((organisation) => organisation.id));
  const referencedOrganisationIds = [...new Set(tables.service.map((row) => String(row["organization_id"] ?? "")))].filter(Boolean);
  const knownOrganisations = new Set(
    (await prisma.organisation.findMany({ where: { id: { in: referencedOrganisationIds } }, select: { id: true } })).map((row) => row.id),
  );
  const organisationOf = (row: HsdsRow): string | null => {
    const id = str(row["organization_id"]);
    if (!id || !(packageOrganisationIds.has(id) || knownOrganisations.has(id))) {
      refuse("service", rowNumber("service", row), "organization_id", "The organisation is neither in the package nor in the directory", "Organisationen findes hverken i pakken eller i kataloget");
      return null;
    }
    return id;
  };

  const locationsById = new Map(tables.location.map((row) => [String(row["id"]), row]));
  const addressOf = (locationId: string) => tables.address.find((row) => row["location_id"] === locationId);
  const centreLocationIds = new Set<string>();
  const centres: PlannedCentre[] = [];
  const services: PlannedService[] = [];

  // 3. Centres: services tagged as a centre, at the location they share their id with.
  for (const row of tables.service) {
    const serviceId = String(row["id"]);
    if (firstCode(serviceId, "unit_kind") !== "CENTRE") continue;
    const at = tables.service_at_location.find((candidate) => candidate["service_id"] === serviceId);
    const location = at ? locationsById.get(String(at["location_id"])) : undefined;
    const line = rowNumber("service", row);
    if (!location) {
      refuse("service", line, "service_at_locations", "A centre needs a location", "Et værested skal have en adresse (location)");
      continue;
    }
    const centreId = String(location["id"]);
    if (derivedId(centreId, "centre-service") !== serviceId) {
      refuse("service", line, "id", "A centre's service id must be the one derived from its location id", "Et værested skal have det service-id, der er afledt af dets location-id");
      continue;
    }
    centreLocationIds.add(centreId);
    const address = addressOf(centreId);
    const latitude = location["latitude"];
    const longitude = location["longitude"];
    if (!address) refuse("location", rowNumber("location", location), "addresses", "A centre needs an address", "Et værested skal have en adresse");
    if (typeof latitude !== "number" || typeof longitude !== "number") {
      refuse("location", rowNumber("location", location), "latitude", "A centre needs latitude and longitude", "Et værested skal have bredde- og længdegrad");
    }
    const organisationId = organisationOf(row);
    if (!address || typeof latitude !== "number" || typeof longitude !== "number" || !organisationId) continue;
    const contact = tables.contact.find((candidate) => candidate["location_id"] === centreId);
    const schedules = planSchedules(tables, centreId, codes, termOf, refuse);
    centres.push({
      id: centreId,
      organisationId,
      data: {
        name: String(row["name"]),
        description: str(row["description"]) ?? str(location["description"]) ?? "",
        street: String(address["address_1"]),
        postalCode: String(address["postal_code"]),
        city: String(address["city"]),
        latitude,
        longitude,
        phone: str(tables.phone.find((candidate) => candidate["location_id"] === centreId)?.["number"]),
        email: str(row["email"]) ?? str(contact?.["email"]),
        website: str(row["url"]) ?? str(location["url"]),
        askFor: str(contact?.["name"]),
        targetGroups: codes(serviceId, "target_group"),
        offers: codes(serviceId, "offer"),
        accessibility: codes(centreId, "accessibility") as AccessibilityFeature[],
        languages: tables.language.filter((candidate) => candidate["location_id"] === centreId).map((candidate) => String(candidate["code"] ?? "")).filter(Boolean),
        isAnonymousWelcome: codes(serviceId, "welcome").includes("ANONYMOUS"),
        ...agesOf(row, line),
        ...schedules.holidays,
        verifiedAt: dateOf(row["assured_date"]),
        ...(str(row["last_modified"]) ? { updatedAt: new Date(String(row["last_modified"])) } : {}),
      },
      periods: schedules.periods,
      exceptions: schedules.exceptions,
    });
  }

  // 4. Services; a service_at_location at a centre is a visiting session, which comes from bookings.
  for (const row of tables.service) {
    const serviceId = String(row["id"]);
    if (firstCode(serviceId, "unit_kind") === "CENTRE") continue;
    const organisationId = organisationOf(row);
    if (!organisationId) continue;
    const own = tables.service_at_location.find(
      (candidate) => candidate["service_id"] === serviceId && !centreLocationIds.has(String(candidate["location_id"])),
    );
    const location = own ? locationsById.get(String(own["location_id"])) : undefined;
    const address = location ? addressOf(String(location["id"])) : undefined;
    const status = String(row["status"]);
    const waitDays = /^(\d+) dage$/.exec(String(row["wait_time"] ?? ""))?.[1];
    services.push({
      id: serviceId,
      organisationId,
      data: {
        name: String(row["name"]),
        kind: (firstCode(serviceId, "service_kind") ?? "OTHER") as ServiceKind,
        description: str(row["description"]) ?? "",
        targetGroups: codes(serviceId, "target_group"),
        languages: tables.language.filter((candidate) => candidate["service_id"] === serviceId).map((candidate) => String(candidate["code"] ?? "")).filter(Boolean),
        street: str(address?.["address_1"]),
        postalCode: str(address?.["postal_code"]),
        city: str(address?.["city"]),
        latitude: typeof location?.["latitude"] === "number" ? location["latitude"] : null,
        longitude: typeof location?.["longitude"] === "number" ? location["longitude"] : null,
        phone: str(tables.phone.find((candidate) => candidate["service_id"] === serviceId)?.["number"]),
        email: str(row["email"]),
        website: str(row["url"]),
        isAnonymousWelcome: codes(serviceId, "welcome").includes("ANONYMOUS"),
        ...agesOf(row, rowNumber("service", row)),
        isSignpostingOnly: codes(serviceId, "referral").includes("SIGNPOSTING_ONLY"),
        intakeStatus: (firstCode(serviceId, "intake_status") ?? (status === "active" ? "OPEN" : "CLOSED")) as IntakeStatus,
        typicalWaitDays: waitDays ? Number(waitDays) : null,
        verifiedAt: dateOf(row["assured_date"]),
        ...(str(row["last_modified"]) ? { updatedAt: new Date(String(row["last_modified"])) } : {}),
      },
    });
  }
  tables.service_at_location.forEach((row, index) => {
    const locationId = String(row["location_id"]);
    if (centreLocationIds.has(locationId) && row["service_id"] !== derivedId(locationId, "centre-service")) {
      ignored.push({ table: "service_at_location", row: index + 1, reason: "Visiting sessions come from bookings and are not imported" });
    }
  });

  if (problems.length > 0) return { problems, report: reportOf([], ignored, refusedRows.size, []), organisations: [], centres: [], services: [], terms: [] };

  const [existingOrganisations, existingCentres, existingServices] = await Promise.all([
    prisma.organisation.findMany({ where: { id: { in: organisations.map((row) => row.id) } }, select: { id: true } }),
    prisma.centre.findMany({ where: { id: { in: centres.map((row) => row.id) } }, select: { id: true } }),
    prisma.service.findMany({ where: { id: { in: services.map((row) => row.id) } }, select: { id: true } }),
  ]);
  const exists = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  const [organisationExists, centreExists, serviceExists] = [exists(existingOrganisations), exists(existingCentres), exists(existingServices)];
  const lines: ImportReportLine[] = [
    ...organisations.map((row): ImportReportLine => ({ entity: "organisation", id: row.id, name: row.name, action: organisationExists.has(row.id) ? "update" : "create" })),
    ...centres.map((row): ImportReportLine => ({ entity: "centre", id: row.id, name: String(row.data.name), action: centreExists.has(row.id) ? "update" : "create" })),
    ...services.map((row): ImportReportLine => ({ entity: "service", id: row.id, name: String(row.data.name), action: serviceExists.has(row.id) ? "update" : "create" })),
  ];
  return { problems, report: reportOf(lines, ignored, 0, newTerms), organisations, centres, services, terms: newTerms };
}

function reportOf(lines: ImportReportLine[], ignored: ImportReport["ignored"], refused: number, newTerms: PlannedTerm[]): ImportReport {
  return {
    created: lines.filter((line) => line.action === "create").length,
    updated: lines.filter((line) => line.action === "update").length,
    refused,
    lines,
    ignored,
    newTerms,
  };
}

const DATA_TAXONOMIES: [TaxonomyKey, TaxonomyVocabulary][] = [["target_group", "TARGET_GROUP"], ["offer", "OFFER"]];

/**
 * The package's target groups and offers (its taxonomy_term rows of our two data taxonomies,
 * with the id our name-based scheme gives the code) that this directory does not have yet.
 */
function newTermsOf(tables: HsdsTables, known: (id: string) => unknown): Map<string, PlannedTerm & { key: TaxonomyKey }> {
  const terms = new Map<string, PlannedTerm & { key: TaxonomyKey }>();
  for (const row of tables.taxonomy_term) {
    const code = str(row["code"]);
    const id = String(row["id"] ?? "").toLowerCase();
    const match = DATA_TAXONOMIES.find(([key]) => row["taxonomy_id"] === taxonomyId(key));
    if (!match || !code || !TERM_CODE_PATTERN.test(code) || termId(match[0], code) !== id || known(id)) continue;
    const nameDa = str(row["name"]) ?? code;
    terms.set(id, { key: match[0], vocabulary: match[1], code, nameDa, nameEn: str(row["description"]) ?? nameDa });
  }
  return terms;
}

function planSchedules(
  tables: HsdsTables,
  centreId: string,
  codes: (id: string, key: TaxonomyKey) => string[],
  termOf: (id: string) => { key: TaxonomyKey; code: string } | null,
  refuse: (table: string, row: number | null, field: string | null, en: string, da: string) => void,
) {
  const schedules = tables.schedule.filter((row) => row["location_id"] === centreId);
  const periods: PlannedPeriod[] = [];
  const exceptions: PlannedException[] = [];
  const holidays: {
    publicHolidayPolicy?: HolidayPolicy;
    publicHolidayStartMinute?: number | null;
    publicHolidayEndMinute?: number | null;
    commonClosedDaysPolicy?: HolidayPolicy;
    commonClosedDaysStartMinute?: number | null;
    commonClosedDaysEndMinute?: number | null;
  } = {};
  const continuations = new Map<string, HsdsRow>();
  const byId = new Map(schedules.map((row) => [String(row["id"]), row]));
  for (const row of schedules) {
    // The second day of an overnight period: its id is derived from the first day's, it opens
    // at midnight, and the first day closes at midnight.
    const original = byId.get(derivedId(String(row["id"]), "overnight-continuation"));
    if (original && row["opens_at"] === "00:00" && original["closes_at"] === "24:00") continuations.set(String(original["id"]), row);
  }
  const continuationIds = new Set([...continuations.values()].map((row) => String(row["id"])));
  for (const row of schedules) {
    const id = String(row["id"]);
    const line = tables.schedule.indexOf(row) + 1;
    if (continuationIds.has(id)) continue;
    const kind = codes(id, "schedule_kind")[0] ?? (row["freq"] === "WEEKLY" ? "WEEKLY" : str(row["opens_at"]) ? "SPECIAL_HOURS" : "CLOSED");
    const opens = minuteOf(row["opens_at"]);
    const closes = minuteOf(row["closes_at"]);
    if (kind === "WEEKLY") {
      const days = String(row["byday"] ?? "").split(",").map((day) => weekdayOf(day.trim()));
      if (days.length === 0 || days.some((day) => day === null) || opens === null || closes === null) {
        refuse("schedule", line, "byday", "A weekly schedule needs byday, opens_at and closes_at (HH:MM)", "En ugentlig tidsplan skal have byday, opens_at og closes_at (TT:MM)");
        continue;
      }
      const continuation = continuations.get(id);
      const continuationEnd = continuation ? minuteOf(continuation["closes_at"]) : null;
      days.forEach((weekday, index) => {
        periods.push({
          id: index === 0 ? id : nameBasedId(`period:${id}:${weekday}`),
          weekday: weekday!,
          startMinute: opens,
          endMinute: continuationEnd ?? closes,
          isOvernight: continuationEnd !== null,
          staffing: (codes(id, "staffing")[0] ?? "STAFFED") as Staffing,
          note: str(row["notes"]),
        });
      });
    } else if (kind === "CLOSED" || kind === "SPECIAL_HOURS") {
      const date = dateOf(row["valid_from"]);
      if (!date) {
        refuse("schedule", line, "valid_from", "A one-day schedule needs valid_from (YYYY-MM-DD)", "En tidsplan for én dag skal have valid_from (ÅÅÅÅ-MM-DD)");
        continue;
      }
      const special = kind === "SPECIAL_HOURS" && opens !== null && closes !== null;
      exceptions.push({ id, date, kind: special ? "SPECIAL_HOURS" : "CLOSED", startMinute: special ? opens : null, endMinute: special ? closes : null, reason: str(row["notes"]) });
    } else if (kind === "PUBLIC_HOLIDAYS" || kind === "COMMON_CLOSED_DAYS") {
      const policy = ((tables.attribute.find((attribute) => attribute["link_id"] === id && termOf(String(attribute["taxonomy_term_id"]))?.key === "schedule_kind")?.["value"] as string | undefined) ??
        (opens !== null ? "SPECIAL_HOURS" : "CLOSED")) as HolidayPolicy;
      const special = policy === "SPECIAL_HOURS";
      if (kind === "PUBLIC_HOLIDAYS") Object.assign(holidays, { publicHolidayPolicy: policy, publicHolidayStartMinute: special ? opens : null, publicHolidayEndMinute: special ? closes : null });
      else Object.assign(holidays, { commonClosedDaysPolicy: policy, commonClosedDaysStartMinute: special ? opens : null, commonClosedDaysEndMinute: special ? closes : null });
    }
  }
  for (const issue of validateOpeningPeriods(periods.map((period) => ({ ...period, weekday: period.weekday as IsoWeekday })))) {
    const period = periods[issue.index]!;
    const row = tables.schedule.findIndex((candidate) => candidate["id"] === period.id) + 1;
    refuse("schedule", row || null, issue.field === "startMinute" ? "opens_at" : "closes_at", `Opening period is not valid (${issue.code})`, `Åbningstiden er ikke gyldig (${issue.code})`);
  }
  return { periods, exceptions, holidays };
}

/** Writes the plan in one transaction, merging by id: existing rows are updated, new ones created. */
export async function applyImport(prisma: Prisma, plan: ImportPlan): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      // New target groups and offers first, after the terms already there.
      for (const term of plan.terms) {
        const last = await tx.taxonomyTerm.aggregate({ where: { vocabulary: term.vocabulary }, _max: { position: true } });
        await tx.taxonomyTerm.create({ data: { ...term, position: (last._max.position ?? 0) + 10 } });
      }
      for (const organisation of plan.organisations) {
        await tx.organisation.upsert({ where: { id: organisation.id }, create: organisation, update: { name: organisation.name, kind: organisation.kind } });
      }
      for (const centre of plan.centres) {
        const existing = await tx.centre.findUnique({ where: { id: centre.id }, select: { unitId: true } });
        const unitId = existing?.unitId ?? derivedId(centre.id, "unit");
        await tx.unit.upsert({
          where: { id: unitId },
          create: { id: unitId, organisationId: centre.organisationId, kind: "CENTRE", name: String(centre.data.name) },
          update: { organisationId: centre.organisationId, name: String(centre.data.name) },
        });
        await tx.centre.upsert({ where: { id: centre.id }, create: { id: centre.id, unitId, ...centre.data }, update: centre.data });
        await tx.openingPeriod.deleteMany({ where: { centreId: centre.id } });
        await tx.openingException.deleteMany({ where: { centreId: centre.id } });
        await tx.openingPeriod.createMany({ data: centre.periods.map((period) => ({ ...period, centreId: centre.id })) });
        await tx.openingException.createMany({ data: centre.exceptions.map((exception) => ({ ...exception, centreId: centre.id })) });
      }
      for (const service of plan.services) {
        const existing = await tx.service.findUnique({ where: { id: service.id }, select: { unitId: true } });
        const unitId = existing?.unitId ?? derivedId(service.id, "unit");
        await tx.unit.upsert({
          where: { id: unitId },
          create: { id: unitId, organisationId: service.organisationId, kind: "SERVICE", name: String(service.data.name) },
          update: { organisationId: service.organisationId, name: String(service.data.name) },
        });
        await tx.service.upsert({ where: { id: service.id }, create: { id: service.id, unitId, ...service.data }, update: service.data });
      }
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
