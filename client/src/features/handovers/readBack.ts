// The consent read-back: plain words the worker reads aloud before the citizen says yes.
import { formatDate } from "../../i18n/format.ts";
import type { Language, Translate } from "../../i18n/i18n.tsx";
import { CONSENT_FIELDS, type ConsentField } from "./labels.ts";

const LIST_LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };

/** "a, b og c" / "a, b and c" */
export function joinList(items: readonly string[], language: Language): string {
  return new Intl.ListFormat(LIST_LOCALES[language], { style: "long", type: "conjunction" }).format(items);
}

/**
 * "Du giver lov til, at Bostøtten Fjordby får dit fornavn og dit telefonnummer, så de kan kontakte
 * dig om bostøtte. Det gælder indtil 25. december 2026. Du kan altid trække dit samtykke tilbage."
 */
export function consentReadBack(
  t: Translate,
  language: Language,
  values: { recipient: string; fields: readonly ConsentField[]; purpose: string; validUntil: string | null },
): string {
  const ordered = CONSENT_FIELDS.filter((field) => values.fields.includes(field));
  const parts = [
    t("handovers.readBack.gives", {
      recipient: values.recipient,
      fields: joinList(ordered.map((field) => t(`handovers.readBack.field.${field}`)), language),
    }),
  ];
  const purpose = values.purpose.trim().replace(/[.!]+$/, "");
  parts[0] = purpose ? `${parts[0]}${t("handovers.readBack.purpose", { purpose })}.` : `${parts[0]}.`;
  if (values.validUntil) parts.push(t("handovers.readBack.until", { date: formatDate(values.validUntil, language) }));
  parts.push(t("handovers.readBack.withdraw"));
  return parts.join(" ");
}
