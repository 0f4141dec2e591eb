// Copenhagen wall-clock helpers for the administration forms: minutes after midnight as the API
// stores them, and <input type="time"> / <input type="date"> values.
import { TIME_ZONE } from "../../i18n/format.ts";

/** "10:30" → 630; null when empty or not a time. */
export function parseTime(value: string): number | null {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** 630 → "10:30"; 1440 → "00:00" (midnight, as a time input shows it). */
export function timeInputValue(minutes: number | null | undefined): string {
  if (minutes == null) return "";
  const inDay = minutes % 1440;
  return `${String(Math.floor(inDay / 60)).padStart(2, "0")}:${String(inDay % 60).padStart(2, "0")}`;
}

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function zonedParts(instant: Date): { date: string; minutes: number; wallClockMs: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(instant).map((part) => [part.type, part.value]));
  const hour = Number(parts["hour"]);
  const minute = Number(parts["minute"]);
  const wallClockMs = Date.UTC(Number(parts["year"]), Number(parts["month"]) - 1, Number(parts["day"]), hour, minute, Number(parts["second"]));
  return { date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`, minutes: hour * 60 + minute, wallClockMs };
}

/** The Copenhagen calendar date ("2026-11-26") and minutes after midnight of an instant. */
export function localDateAndMinutes(instant: string): { date: string; minutes: number } {
  const { date, minutes } = zonedParts(new Date(instant));
  return { date, minutes };
}

/** The instant of a Copenhagen wall-clock time, as an ISO string for the API. */
export function zonedIso(date: string, minutes: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wallClock;
  for (let round = 0; round < 2; round += 1) {
    const offset = zonedParts(new Date(guess)).wallClockMs - guess;
    guess = wallClock - offset;
  }
  return new Date(guess).toISOString();
}

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
