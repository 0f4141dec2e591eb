// Target groups and offers are data a platform admin extends (Query.taxonomyTerms), not fixed
// lists in the client. The terms are read once per page load and shared by every form and list;
// the admin screen reloads them after a change.
import { useEffect, useState } from "react";
import { graphql, request, type ResultOf } from "../../graphql.ts";
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

let loaded: TaxonomyTerm[] | null = null;
let pending: Promise<TaxonomyTerm[]> | null = null;
const listeners = new Set<() => void>();

function load(): Promise<TaxonomyTerm[]> {
  pending ??= request(TaxonomyQuery).then(
    (data) => {
      loaded = data.taxonomyTerms;
      for (const listener of listeners) listener();
      return loaded;
    },
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Reads the terms again (after an admin added, renamed or retired one); every open list follows. */
export function reloadTaxonomy(): Promise<TaxonomyTerm[]> {
  pending = null;
  return load();
}

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
  const [terms, setTerms] = useState<TaxonomyTerm[] | null>(loaded);
  useEffect(() => {
    const update = () => setTerms(loaded);
    listeners.add(update);
    if (loaded) update();
    else void load().catch(() => undefined);
    return () => {
      listeners.delete(update);
    };
  }, []);
  const all = terms ?? [];
  return {
    ready: terms !== null,
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
