// The directory's fixed choices, in the order people are shown them, with their message keys.
import type { MessageKey } from "../../i18n/da.ts";
import type { Translate } from "../../i18n/i18n.tsx";

export const TARGET_GROUPS = [
  "MENTAL_VULNERABILITY",
  "LONELINESS",
  "ADDICTION",
  "HOMELESSNESS",
  "COGNITIVE_DISABILITY",
  "YOUNG_ADULTS",
  "ADULTS",
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const OFFERS = ["MEAL", "COMMUNITY", "ADVICE", "ACTIVITIES", "CREATIVE_WORKSHOP", "COMPUTER_ACCESS", "SHOWER_LAUNDRY", "REST"] as const;
export type Offer = (typeof OFFERS)[number];

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
