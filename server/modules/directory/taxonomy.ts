// The directory's taxonomy as data (issue 18): target groups and offers are rows of
// "TaxonomyTerm", so a platform admin can add, rename and retire terms without a release.
// Centres, services and activities keep the terms' stable codes in their array columns (a
// deferred database trigger refuses a code that is no term); labels come from here.
//
// A retired term is no longer offered for new use: pickers leave it out and an entry cannot
// gain it, but an entry that has it keeps it (and its label), and searches may still ask for it.
import type { TaxonomyTerm } from "../../generated/prisma/client.ts";
import type { TaxonomyVocabulary } from "../../generated/prisma/enums.ts";
import type { Prisma } from "../../db/database.ts";
import { jsonObjectSql, rowFromJson } from "../../db/page-rows.ts";
import { ValidationError, type LocalizedText } from "../../shared/errors.ts";

export type { TaxonomyTerm, TaxonomyVocabulary };

/** A term's code: upper-case letters, digits and underscores, starting with a letter. */
export const TERM_CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,47}$/;

export const VOCABULARY_NAMES: Record<TaxonomyVocabulary, LocalizedText> = {
  TARGET_GROUP: { da: "målgruppe", en: "target group" },
  OFFER: { da: "hvad stedet tilbyder", en: "what the place offers" },
};

/** Every term of every vocabulary (a few dozen rows), with lookups by code. */
export class Taxonomy {
  private readonly byKey: Map<string, TaxonomyTerm>;

  constructor(readonly terms: readonly TaxonomyTerm[]) {
    this.byKey = new Map(terms.map((term) => [`${term.vocabulary}:${term.code}`, term]));
  }

  term(vocabulary: TaxonomyVocabulary, code: string): TaxonomyTerm | undefined {
    return this.byKey.get(`${vocabulary}:${code}`);
  }

  /** The term's Danish and English name; an unknown code reads as itself. */
  label(vocabulary: TaxonomyVocabulary, code: string): LocalizedText {
    const term = this.term(vocabulary, code);
    return term ? { da: term.nameDa, en: term.nameEn } : { da: code, en: code };
  }

  /** The terms in their order; retired ones only when asked for. */
  list(vocabulary: TaxonomyVocabulary, includeRetired = false): TaxonomyTerm[] {
    return this.terms.filter((term) => term.vocabulary === vocabulary && (includeRetired || term.retiredAt === null));
  }
}

export async function loadTaxonomy(prisma: Pick<Prisma, "taxonomyTerm">): Promise<Taxonomy> {
  const terms = await prisma.taxonomyTerm.findMany({ orderBy: [{ vocabulary: "asc" }, { position: "asc" }, { code: "asc" }] });
  return new Taxonomy(terms);
}

const perRequest = new WeakMap<object, Promise<Taxonomy>>();

// The same rows and order as loadTaxonomy, read by the driver: every search reads the taxonomy,
// and Prisma's client cost more than the statement.
const TAXONOMY_SQL = `SELECT ${jsonObjectSql("TaxonomyTerm", "t")} AS "term" FROM "TaxonomyTerm" t ORDER BY t."vocabulary", t."position", t."code"`;

/** The taxonomy, read once per request (the context object) however many fields ask. */
export function taxonomyOf(context: { prisma: Prisma }): Promise<Taxonomy> {
  let taxonomy = perRequest.get(context);
  if (!taxonomy) {
    taxonomy = context.prisma
      .$readPrepared<{ term: Record<string, unknown> }>(TAXONOMY_SQL, [])
      .then((rows) => new Taxonomy(rows.map((row) => rowFromJson<TaxonomyTerm>("TaxonomyTerm", row.term))));
    perRequest.set(context, taxonomy);
  }
  return taxonomy;
}

const UNKNOWN: Record<TaxonomyVocabulary, LocalizedText> = {
  TARGET_GROUP: { da: "Målgruppen findes ikke.", en: "The target group does not exist." },
  OFFER: { da: "Tilbuddet findes ikke i listen over, hvad et sted kan tilbyde.", en: "The offer does not exist." },
};

const RETIRED: Record<TaxonomyVocabulary, LocalizedText> = {
  TARGET_GROUP: {
    da: "Målgruppen er udgået og kan ikke vælges til nye opslag.",
    en: "The target group has been retired and cannot be chosen for an entry again.",
  },
  OFFER: {
    da: "Tilbuddet er udgået og kan ikke vælges til nye opslag.",
    en: "The offer has been retired and cannot be chosen for an entry again.",
  },
};

/** Refuses codes that are no term of the vocabulary, naming e.g. "filter.targetGroups.1". */
export function assertKnownCodes(
  taxonomy: Taxonomy,
  vocabulary: TaxonomyVocabulary,
  codes: readonly string[] | null | undefined,
  field: string,
): void {
  const issues = (codes ?? []).flatMap((code, index) =>
    taxonomy.term(vocabulary, code) ? [] : [{ field: `${field}.${index}`, message: UNKNOWN[vocabulary].en, messageDa: UNKNOWN[vocabulary].da }],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}

/** Refuses one code that is no term of the vocabulary. */
export function assertKnownCode(taxonomy: Taxonomy, vocabulary: TaxonomyVocabulary, code: string, field: string): void {
  if (!taxonomy.term(vocabulary, code)) throw ValidationError.single(field, UNKNOWN[vocabulary]);
}

/**
 * For writes: every code must be a term of the vocabulary, and a retired term only when the
 * entry already has it (an entry keeps its retired terms until someone removes them).
 */
export function assertAssignableCodes(
  taxonomy: Taxonomy,
  vocabulary: TaxonomyVocabulary,
  codes: readonly string[] | null | undefined,
  field: string,
  current: readonly string[],
): void {
  assertKnownCodes(taxonomy, vocabulary, codes, field);
  const issues = (codes ?? []).flatMap((code, index) =>
    taxonomy.term(vocabulary, code)?.retiredAt && !current.includes(code)
      ? [{ field: `${field}.${index}`, message: RETIRED[vocabulary].en, messageDa: RETIRED[vocabulary].da }]
      : [],
  );
  if (issues.length > 0) throw new ValidationError(issues);
}
