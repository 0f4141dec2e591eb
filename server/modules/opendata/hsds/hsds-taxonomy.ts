// The published Trædesten taxonomy: every coded field of the directory (target groups, offers,
// service kinds, accessibility, …) becomes a taxonomy with one term per code, served at
// /hsds/taxonomies and /hsds/taxonomy_terms and linked to entities through attributes.
// Ids are name-based UUIDs, so they never change between exports or installations.
// Target groups and offers are data (the directory's TaxonomyTerm rows, which platform admins
// extend): their terms are read per request (HsdsTerms); every other taxonomy is fixed here.
import type { HolidayPolicy, OrganisationKind, Staffing } from "../../../generated/prisma/enums.ts";
import type { Prisma } from "../../../db/database.ts";
import type { LocalizedText } from "../../../shared/errors.ts";
import { ACCESSIBILITY_LABELS, INTAKE_STATUS_LABELS, loadTaxonomy, SERVICE_KIND_LABELS, type Taxonomy, type TaxonomyVocabulary } from "../../directory/index.ts";
import { nameBasedId } from "./hsds-ids.ts";

export const TAXONOMY_VERSION = "1.0";
export const TAXONOMY_URI = "https://traedesten.dk/hsds/taxonomies";

export type TaxonomyKey =
  | "target_group"
  | "offer"
  | "service_kind"
  | "accessibility"
  | "organisation_kind"
  | "unit_kind"
  | "intake_status"
  | "staffing"
  | "schedule_kind"
  | "holiday_policy"
  | "welcome"
  | "referral";

interface TaxonomyDefinition {
  key: TaxonomyKey;
  name: LocalizedText;
  /** Fixed terms; null for a vocabulary of the directory's taxonomy (data). */
  terms: Record<string, LocalizedText> | null;
}

/** The HSDS taxonomies whose terms are the directory's TaxonomyTerm rows. */
const DATA_VOCABULARIES: Partial<Record<TaxonomyKey, TaxonomyVocabulary>> = { target_group: "TARGET_GROUP", offer: "OFFER" };

// Label tables (one entry per enum value, da and en) are alike in shape, as in directory-labels.ts.
const ORGANISATION_KIND_LABELS: Record<OrganisationKind, LocalizedText> = {
  MUNICIPAL: { da: "kommunal", en: "municipal" },
  CIVIL_SOCIETY: { da: "civilsamfund", en: "civil society" },
  OTHER: { da: "anden", en: "other" },
};

const STAFFING_LABELS: Record<Staffing, LocalizedText> = {
  STAFFED: { da: "fagligt personale", en: "professional staff" },
  VOLUNTEERS: { da: "frivillige (nøglebærer)", en: "volunteers (key holder)" },
};

const HOLIDAY_POLICY_LABELS: Record<HolidayPolicy, LocalizedText> = {
  CLOSED: { da: "lukket", en: "closed" },
  NORMAL_HOURS: { da: "normale åbningstider", en: "normal hours" },
  SPECIAL_HOURS: { da: "særlige åbningstider", en: "special hours" },
};

export const SCHEDULE_KINDS = ["WEEKLY", "CLOSED", "SPECIAL_HOURS", "PUBLIC_HOLIDAYS", "COMMON_CLOSED_DAYS", "VISIT"] as const;
export type ScheduleKind = (typeof SCHEDULE_KINDS)[number];

const TAXONOMIES: TaxonomyDefinition[] = [
  { key: "target_group", name: { da: "Målgrupper", en: "Target groups" }, terms: null },
  { key: "offer", name: { da: "Det kan man på stedet", en: "What the centre offers" }, terms: null },
  { key: "service_kind", name: { da: "Slags tilbud", en: "Service kinds" }, terms: SERVICE_KIND_LABELS },
  { key: "accessibility", name: { da: "Tilgængelighed", en: "Accessibility" }, terms: ACCESSIBILITY_LABELS },
  { key: "organisation_kind", name: { da: "Slags organisation", en: "Organisation kinds" }, terms: ORGANISATION_KIND_LABELS },
  {
    key: "unit_kind",
    name: { da: "Slags sted", en: "Kinds of place" },
    terms: { CENTRE: { da: "værested", en: "drop-in centre" }, SERVICE: { da: "tilbud", en: "service" } },
  },
  { key: "intake_status", name: { da: "Optag", en: "Intake" }, terms: INTAKE_STATUS_LABELS },
  { key: "staffing", name: { da: "Bemanding", en: "Staffing" }, terms: STAFFING_LABELS },
  {
    key: "schedule_kind",
    name: { da: "Slags tidsplan", en: "Kinds of schedule" },
    terms: {
      WEEKLY: { da: "ugentlig åbningstid", en: "weekly opening hours" },
      CLOSED: { da: "lukket denne dag", en: "closed on this day" },
      SPECIAL_HOURS: { da: "særlige åbningstider denne dag", en: "special hours on this day" },
      PUBLIC_HOLIDAYS: { da: "helligdage", en: "public holidays" },
      COMMON_CLOSED_DAYS: { da: "grundlovsdag, juleaften og nytårsaften", en: "Constitution Day, Christmas Eve and New Year's Eve" },
      VISIT: { da: "besøg på et værested", en: "visiting session at a centre" },
    } satisfies Record<ScheduleKind, LocalizedText>,
  },
  { key: "holiday_policy", name: { da: "Åbent på helligdage", en: "Holiday opening" }, terms: HOLIDAY_POLICY_LABELS },
  {
    key: "welcome",
    name: { da: "Velkommen", en: "Welcome" },
    terms: { ANONYMOUS: { da: "anonym velkommen, uden visitation", en: "anonymous visitors welcome, no referral needed" } },
  },
  {
    key: "referral",
    name: { da: "Henvisning", en: "Referral" },
    terms: {
      SIGNPOSTING_ONLY: {
        da: "kun til henvisning: kontakt stedet direkte (ingen indbakke i Trædesten)",
        en: "signposting only: contact the place directly (no inbox in Trædesten)",
      },
    },
  },
];

export interface HsdsTaxonomy {
  id: string;
  name: string;
  description: string;
  uri: string;
  version: string;
}

export interface HsdsTaxonomyTerm {
  id: string;
  code: string;
  name: string;
  description: string;
  taxonomy: string;
  taxonomy_id: string;
  language: string;
  term_uri: string;
}

export function taxonomyId(key: TaxonomyKey): string {
  return nameBasedId(`taxonomy:${key}`);
}

export function termId(key: TaxonomyKey, code: string): string {
  return nameBasedId(`term:${key}:${code}`);
}

const SORTED = [...TAXONOMIES].sort((a, b) => a.key.localeCompare(b.key));

export const HSDS_TAXONOMIES: HsdsTaxonomy[] = SORTED.map((taxonomy) => ({
  id: taxonomyId(taxonomy.key),
  name: taxonomy.name.da,
  description: `${taxonomy.name.en} (Trædesten ${taxonomy.key})`,
  uri: `${TAXONOMY_URI}/${taxonomy.key}`,
  version: TAXONOMY_VERSION,
}));

function hsdsTerm(key: TaxonomyKey, code: string, label: LocalizedText): HsdsTaxonomyTerm {
  return {
    id: termId(key, code),
    code,
    name: label.da,
    description: label.en,
    taxonomy: `${TAXONOMY_URI}/${key}`,
    taxonomy_id: taxonomyId(key),
    language: "da",
    term_uri: `${TAXONOMY_URI}/${key}#${code}`,
  };
}

/**
 * Every term of every taxonomy, the directory's target groups and offers included (retired ones
 * too: entries may still carry them), with the lookups the API, the export and the import need.
 */
export class HsdsTerms {
  readonly terms: HsdsTaxonomyTerm[];
  private readonly byId: Map<string, { term: HsdsTaxonomyTerm; key: TaxonomyKey; code: string }>;

  constructor(taxonomy: Taxonomy) {
    const entries = SORTED.flatMap((definition) => {
      const vocabulary = DATA_VOCABULARIES[definition.key];
      const terms: [string, LocalizedText][] = vocabulary
        ? taxonomy.list(vocabulary, true).map((term) => [term.code, { da: term.nameDa, en: term.nameEn }])
        : Object.entries(definition.terms ?? {});
      return terms
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, label]) => ({ term: hsdsTerm(definition.key, code, label), key: definition.key, code }));
    });
    this.terms = entries.map((entry) => entry.term);
    this.byId = new Map(entries.map((entry) => [entry.term.id, entry]));
  }

  /** The taxonomy and code a term id stands for, or null when it is not one of ours. */
  termOf(id: string): { key: TaxonomyKey; code: string } | null {
    const entry = this.byId.get(id.toLowerCase());
    return entry ? { key: entry.key, code: entry.code } : null;
  }

  term(id: string): HsdsTaxonomyTerm | undefined {
    return this.byId.get(id.toLowerCase())?.term;
  }
}

export async function loadHsdsTerms(prisma: Prisma): Promise<HsdsTerms> {
  return new HsdsTerms(await loadTaxonomy(prisma));
}

/** A fixed taxonomy's label of a code (not for target groups and offers, which are data). */
export function labelOf(key: TaxonomyKey, code: string): LocalizedText {
  return SORTED.find((taxonomy) => taxonomy.key === key)?.terms?.[code] ?? { da: code, en: code };
}
