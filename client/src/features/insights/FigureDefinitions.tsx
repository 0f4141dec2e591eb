import { useLanguage, useT } from "../../i18n/i18n.tsx";

export type Definition = { key: string; nameDa: string; nameEn: string; definitionDa: string; definitionEn: string };

/** What each figure means, behind a disclosure so the table stays in view. */
export function FigureDefinitions({ definitions }: { definitions: readonly Definition[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <details className="figure-definitions">
      <summary>{t("insights.figures.definitions")}</summary>
      <dl>
        {definitions.map((definition) => (
          <div key={definition.key}>
            <dt>{language === "da" ? definition.nameDa : definition.nameEn}</dt>
            <dd>{language === "da" ? definition.definitionDa : definition.definitionEn}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
