import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { da, type MessageKey, type Messages } from "./da.ts";

export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

// why: Danish is the default, so English (half of all text) loads only once a reader chooses it.
const catalogues: Partial<Record<Language, Messages>> = { da };
const loadCatalogue: Record<Language, () => Promise<Messages>> = {
  da: () => Promise.resolve(da),
  en: () => import("./en.ts").then((module) => module.en),
};

/** Makes a language's messages available to translate(); resolves once they are. */
export async function loadLanguage(language: Language): Promise<void> {
  catalogues[language] ??= await loadCatalogue[language]();
}
const STORAGE_KEY = "traedesten.language";

type LanguageContextValue = { language: Language; setLanguage: (language: Language) => void };

const LanguageContext = createContext<LanguageContextValue | null>(null);

function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

// why: localStorage throws in some privacy modes; the choice is a convenience, never required.
function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

function storeLanguage(language: Language) {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // The language still changes for this visit.
  }
}

/** Fills {name} placeholders; an unknown placeholder stays visible so it is noticed. */
const PLURAL_LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };
const pluralRules = new Map<Language, Intl.PluralRules>();

// "{count, plural, one {# dag} other {# dage}}": the form is chosen by Intl.PluralRules for the
// language, and # is the number. No hand-made "1 dage".
const PLURAL = /\{(\w+), plural,((?:\s*\w+ \{[^{}]*\})+)\s*\}/g;
const PLURAL_FORM = /(\w+) \{([^{}]*)\}/g;

export function formatMessage(template: string, params?: MessageParams, language: Language = "da"): string {
  if (!params) return template;
  // Plain placeholders first, so they may stand inside a plural form ("# gange fra {date}").
  const filled = template.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in params ? String(params[name]) : placeholder));
  return filled.replace(PLURAL, (placeholder, name: string, forms: string) => {
    if (!(name in params)) return placeholder;
    const count = Number(params[name]);
    let rules = pluralRules.get(language);
    if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(PLURAL_LOCALES[language])));
    const byCategory = new Map([...forms.matchAll(PLURAL_FORM)].map((match) => [match[1]!, match[2]!]));
    const form = byCategory.get(rules.select(count)) ?? byCategory.get("other") ?? "";
    return form.replace(/#/g, String(params[name]));
  });
}

export function translate(language: Language, key: MessageKey, params?: MessageParams): string {
  return formatMessage((catalogues[language] ?? da)[key], params, language);
}

/** The reader's earlier choice of language, or Danish; load it (loadLanguage) before the first render. */
export function storedLanguage(): Language {
  return readStoredLanguage() ?? "da";
}

export function I18nProvider({ children, initialLanguage }: { children: ReactNode; initialLanguage?: Language }) {
  const [language, setLanguageState] = useState<Language>(() => initialLanguage ?? storedLanguage());

  useEffect(() => {
    // WCAG 3.1.1: assistive technology picks its voice from the page language.
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    storeLanguage(next);
    // Without a connection the language stays as it is; the choice is kept for the next visit.
    loadLanguage(next).then(
      () => setLanguageState(next),
      () => undefined,
    );
  }, []);

  const value = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext value={value}>{children}</LanguageContext>;
}

export function useLanguage(): LanguageContextValue {
  const context = useContext(LanguageContext);
  if (!context) throw new Error("useLanguage must be used inside <I18nProvider>");
  return context;
}

export function useT(): Translate {
  const { language } = useLanguage();
  return useCallback<Translate>((key, params) => translate(language, key, params), [language]);
}
