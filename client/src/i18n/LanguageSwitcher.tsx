import { useLanguage, useT, type Language } from "./i18n.tsx";

/** One button naming the other language in that language, so its own speakers recognise it. */
export function LanguageSwitcher() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  const other: Language = language === "da" ? "en" : "da";
  return (
    <button type="button" className="language-switcher" lang={other} onClick={() => setLanguage(other)}>
      {t("language.switchTo")}
    </button>
  );
}
