// Danish and English words for the directory's enums and numbers, used in search reasons and
// opening-hours summaries. Danish labels are lower-case: they appear inside running text.
// Target groups and offers are data (taxonomy.ts), named by their terms. The tables below are
// alike in shape (one entry per enum value, da and en), which is what a label table is.
import type { AccessibilityFeature, IntakeStatus, ServiceKind } from "../../generated/prisma/enums.ts";
import type { LocalizedText } from "../../shared/errors.ts";

export const ACCESSIBILITY_LABELS: Record<AccessibilityFeature, LocalizedText> = {
  STEP_FREE_ACCESS: { da: "niveaufri adgang", en: "step-free access" },
  ACCESSIBLE_TOILET: { da: "handicaptoilet", en: "accessible toilet" },
  HEARING_LOOP: { da: "teleslynge", en: "hearing loop" },
  QUIET_ROOM: { da: "stille rum", en: "quiet room" },
  GUIDE_DOG_WELCOME: { da: "førerhund velkommen", en: "guide dogs welcome" },
  PARKING_NEARBY: { da: "parkering tæt på", en: "parking nearby" },
};

export const SERVICE_KIND_LABELS: Record<ServiceKind, LocalizedText> = {
  HOUSING_SUPPORT: { da: "bostøtte", en: "housing support" },
  JOB_CLARIFICATION: { da: "jobafklaring", en: "job clarification" },
  ADDICTION_TREATMENT: { da: "misbrugsbehandling", en: "addiction treatment" },
  PRACTICAL_HELP: { da: "praktisk hjælp", en: "practical help" },
  DIGITAL_HELP: { da: "digital hjælp", en: "digital help" },
  HEALTH: { da: "sundhed", en: "health" },
  CIVIL_SOCIETY_OFFER: { da: "civilsamfundstilbud", en: "civil-society offer" },
  OTHER: { da: "andet", en: "other" },
};

export const INTAKE_STATUS_LABELS: Record<IntakeStatus, LocalizedText> = {
  OPEN: { da: "tager imod nye nu", en: "taking new handovers now" },
  WAITING_LIST: { da: "venteliste", en: "waiting list" },
  CLOSED: { da: "tager ikke imod nye lige nu", en: "not taking new handovers now" },
};

// ISO 639-1 codes the demo municipality meets; an unknown code is shown as the code itself.
const LANGUAGE_LABELS: Record<string, LocalizedText> = {
  da: { da: "dansk", en: "Danish" },
  en: { da: "engelsk", en: "English" },
  de: { da: "tysk", en: "German" },
  pl: { da: "polsk", en: "Polish" },
  uk: { da: "ukrainsk", en: "Ukrainian" },
  ar: { da: "arabisk", en: "Arabic" },
  so: { da: "somali", en: "Somali" },
  tr: { da: "tyrkisk", en: "Turkish" },
  fa: { da: "persisk", en: "Persian" },
  ro: { da: "rumænsk", en: "Romanian" },
};

export function languageLabel(code: string): LocalizedText {
  return LANGUAGE_LABELS[code] ?? { da: code, en: code };
}

/** Joins labels as "måltid og fællesskab" / "meal and community". */
export function joinLabels(labels: readonly LocalizedText[]): LocalizedText {
  return { da: joinWords(labels.map((label) => label.da), "og"), en: joinWords(labels.map((label) => label.en), "and") };
}

/** Kilometres with one decimal: "1,2 km" in Danish, "1.2 km" in English. */
export function formatKilometres(distanceKm: number): LocalizedText {
  const rounded = distanceKm.toFixed(1);
  return { da: `${rounded.replace(".", ",")} km`, en: `${rounded} km` };
}

/** Minutes after local midnight as "17:30"; 1440 reads "24:00". */
export function formatMinuteOfDay(minute: number): string {
  const hours = Math.floor(minute / 60) % 25;
  return `${String(hours).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase("da") + text.slice(1);
}

function joinWords(words: readonly string[], conjunction: string): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} ${conjunction} ${words.at(-1)}`;
}
