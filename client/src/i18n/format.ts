import { useMemo } from "react";
import { useLanguage, type Language } from "./i18n.tsx";

// Every centre is in Denmark, so times are always shown as Copenhagen wall-clock time, whatever
// time zone the reader's device is set to.
export const TIME_ZONE = "Europe/Copenhagen";

const LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type DateInput = Date | string | number;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `${language}:${JSON.stringify(options)}`;
  let cached = formatters.get(cacheKey);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALES[language], { timeZone: TIME_ZONE, ...options });
    formatters.set(cacheKey, cached);
  }
  return cached;
}

/**
 * Accepts a Date, epoch milliseconds, an ISO DateTime ("2026-11-25T09:00:00Z") or a GraphQL
 * Date ("2026-11-25"). A bare date is a calendar day, so it is pinned to noon UTC, which is the
 * same calendar day in Copenhagen all year round.
 */
export function toDate(value: DateInput): Date {
  if (typeof value === "string") {
    const dateOnly = DATE_ONLY.exec(value);
    if (dateOnly) return new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 12));
  }
  return value instanceof Date ? value : new Date(value);
}

/** "25. november 2026" */
export function formatDate(value: DateInput, language: Language = "da"): string {
  return formatter(language, { day: "numeric", month: "long", year: "numeric" }).format(toDate(value));
}

/** "25.11.2026" */
export function formatShortDate(value: DateInput, language: Language = "da"): string {
  return formatter(language, { day: "2-digit", month: "2-digit", year: "numeric" }).format(toDate(value));
}

/** "onsdag" */
export function formatWeekday(value: DateInput, language: Language = "da"): string {
  return formatter(language, { weekday: "long" }).format(toDate(value));
}

/** "onsdag 25. november" */
export function formatDayAndDate(value: DateInput, language: Language = "da"): string {
  return formatter(language, { weekday: "long", day: "numeric", month: "long" }).format(toDate(value));
}

/**
 * "14:30" in both languages. Danish allows a full stop or a colon (Dansk Sprognævn); we use the
 * colon everywhere, because time fields and the server's texts ("åben nu til 21:00") show it, and
 * one page must not mix "09.00" and "09:00". The parts still come from Intl.
 */
export function formatTime(value: DateInput, language: Language = "da"): string {
  const parts = formatter(language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(toDate(value));
  const part = (type: "hour" | "minute") => parts.find((candidate) => candidate.type === type)?.value ?? "00";
  return `${part("hour")}:${part("minute")}`;
}

/** "25. nov. 2026 kl. 14:30" / "25 Nov 2026, 14:30" (composed, as engines differ in the joiner) */
export function formatDateTime(value: DateInput, language: Language = "da"): string {
  const date = formatter(language, { day: "numeric", month: "short", year: "numeric" }).format(toDate(value));
  const time = formatTime(value, language);
  return language === "da" ? `${date} kl. ${time}` : `${date}, ${time}`;
}

/** "10:00–12:00" */
export function formatTimeRange(start: DateInput, end: DateInput, language: Language = "da"): string {
  return `${formatTime(start, language)}–${formatTime(end, language)}`;
}

/** Minutes after midnight (as opening hours are stored) as "09:30"; 1440 is "24:00". Same style as formatTime. */
export function formatMinutesOfDay(minutes: number, _language: Language = "da"): string {
  const hours = String(Math.floor(minutes / 60)).padStart(2, "0");
  const rest = String(minutes % 60).padStart(2, "0");
  return `${hours}:${rest}`;
}

/** The helpers above, bound to the reader's chosen language. */
export function useFormatters() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      formatDate: (value: DateInput) => formatDate(value, language),
      formatShortDate: (value: DateInput) => formatShortDate(value, language),
      formatWeekday: (value: DateInput) => formatWeekday(value, language),
      formatDayAndDate: (value: DateInput) => formatDayAndDate(value, language),
      formatTime: (value: DateInput) => formatTime(value, language),
      formatDateTime: (value: DateInput) => formatDateTime(value, language),
      formatTimeRange: (start: DateInput, end: DateInput) => formatTimeRange(start, end, language),
      formatMinutesOfDay: (minutes: number) => formatMinutesOfDay(minutes, language),
    }),
    [language],
  );
}
