// Target groups and offers are data a platform admin extends (Query.taxonomyTerms), not fixed
// lists in the client. The terms are read once per session and shared by every form and list;
// a term the admin changes answers with its TaxonomyTerm, which reloads them everywhere.
import { graphql, useQuery, type ResultOf } from "../../graphql.ts";
import { useLanguage, type Language } from "../../i18n/i18n.tsx";

export const TaxonomyQuery = graphql(`
  query Taxonomy {
    taxonomyTerms(includeRetired: true) { id vocabulary code nameDa nameEn descriptionDa descriptionEn position isRetired }
  }
`);

export type TaxonomyTerm = ResultOf<typeof TaxonomyQuery>["taxonomyTerms"][number];
export type Vocabulary = TaxonomyTerm["vocabulary"];

/** A term's code as the API takes it (also what the URL of a search carries). */
export const TERM_CODE = /^[A-Z][A-Z0-9_]{1,47}$/;

export function termName(term: Pick<TaxonomyTerm, "nameDa" | "nameEn">, language: Language): string {
  return language === "da" ? term.nameDa : term.nameEn;
}

export interface Taxonomy {
  /** false until the terms have arrived. */
  ready: boolean;
  /** Choices of a vocabulary in their order: terms in use, plus retired ones an entry still has (`keep`). */
  options(vocabulary: Vocabulary, keep?: readonly string[]): { value: string; label: string }[];
  /** A code's name in the reader's language; the code itself until the terms have arrived. */
  label(vocabulary: Vocabulary, code: string): string;
}

export function useTaxonomy(): Taxonomy {
  const { language } = useLanguage();
  // Asked once per session: the terms change only through an admin's mutations, which reload them.
  const { data } = useQuery(TaxonomyQuery, {}, { requestPolicy: "cache-first" });
  const all = data?.taxonomyTerms ?? [];
  return {
    ready: data !== undefined,
    options: (vocabulary, keep = []) =>
      all
        .filter((term) => term.vocabulary === vocabulary && (!term.isRetired || keep.includes(term.code)))
        .map((term) => ({ value: term.code, label: termName(term, language) })),
    label: (vocabulary, code) => {
      const term = all.find((candidate) => candidate.vocabulary === vocabulary && candidate.code === code);
      return term ? termName(term, language) : code;
    },
  };
}
