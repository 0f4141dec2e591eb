// The directory's fixed choices, in the order people are shown them, with their message keys.
import type { MessageKey } from "../../i18n/da.ts";
import type { Translate } from "../../i18n/i18n.tsx";

// Target groups and offers are data (taxonomy.ts): a platform admin adds and renames them.

export const ACCESSIBILITY_FEATURES = [
  "STEP_FREE_ACCESS",
  "ACCESSIBLE_TOILET",
  "HEARING_LOOP",
  "QUIET_ROOM",
  "GUIDE_DOG_WELCOME",
  "PARKING_NEARBY",
] as const;
export type AccessibilityFeature = (typeof ACCESSIBILITY_FEATURES)[number];

/** Languages spoken somewhere in the directory; an unknown code is shown as it is. */
export const LANGUAGES = ["da", "en", "ar", "de", "pl", "so", "tr", "uk"] as const;

export const SERVICE_KINDS = [
  "HOUSING_SUPPORT",
  "JOB_CLARIFICATION",
  "ADDICTION_TREATMENT",
  "HEALTH",
  "PRACTICAL_HELP",
  "DIGITAL_HELP",
  "CIVIL_SOCIETY_OFFER",
  "OTHER",
] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const WEEKDAY_PRESETS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"] as const;

export function isOneOf<T extends string>(values: readonly T[], value: string | null | undefined): value is T {
  return value != null && (values as readonly string[]).includes(value);
}

export function languageName(t: Translate, code: string): string {
  return isOneOf(LANGUAGES, code) ? t(`directory.language.${code}` satisfies MessageKey) : code;
}

export function weekdayName(t: Translate, weekday: number): string {
  return weekday >= 1 && weekday <= 7 ? t(`directory.weekday.${weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7}`) : String(weekday);
}

/** "1,2" in Danish, "1.2" in English. */
export function formatKilometres(km: number, language: "da" | "en"): string {
  return new Intl.NumberFormat(language === "da" ? "da-DK" : "en-GB", { maximumFractionDigits: 1 }).format(km);
}

/** An entry's age limits in words ("18–30 år", "fra 65 år"); empty without limits. */
export function ageRange(t: Translate, minAge: number | null | undefined, maxAge: number | null | undefined): string {
  if (minAge != null && maxAge != null) return t("directory.age.between", { min: minAge, max: maxAge });
  if (minAge != null) return t("directory.age.from", { min: minAge });
  if (maxAge != null) return t("directory.age.upTo", { max: maxAge });
  return "";
}
