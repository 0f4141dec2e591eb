// Calendar arithmetic on Copenhagen wall-clock dates ("2026-11-26") and minutes after midnight,
// as the API speaks them, and the values of date, time and datetime-local inputs. Dates are plain
// strings so no device time zone can shift them. Shared by every feature's forms.
import { TIME_ZONE } from "./format.ts";

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
  const date = `${parts["year"]}-${parts["month"]}-${parts["day"]}`;
  const hour = Number(parts["hour"]);
  const minute = Number(parts["minute"]);
  const wallClockMs = Date.UTC(Number(parts["year"]), Number(parts["month"]) - 1, Number(parts["day"]), hour, minute, Number(parts["second"]));
  return { date, minutes: hour * 60 + minute, wallClockMs };
}

/** The Copenhagen calendar date of an instant. */
export function localDate(instant: Date | string = new Date()): string {
  return zonedParts(typeof instant === "string" ? new Date(instant) : instant).date;
}

/** Minutes after Copenhagen midnight of an instant. */
export function localMinutes(instant: Date | string): number {
  return zonedParts(typeof instant === "string" ? new Date(instant) : instant).minutes;
}

/** The instant of a Copenhagen wall-clock time, as an ISO string for the API. */
export function zonedIso(date: string, minutes: number): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  const wallClock = Date.UTC(year, month - 1, day, 0, minutes);
  let guess = wallClock;
  // Two rounds settle the offset also on the days daylight saving starts or ends.
  for (let round = 0; round < 2; round += 1) {
    const offset = zonedParts(new Date(guess)).wallClockMs - guess;
    guess = wallClock - offset;
  }
  return new Date(guess).toISOString();
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** ISO 8601 week number, as Danish calendars show it ("uge 48"). */
export function isoWeekNumber(date: string): number {
  const thursday = new Date(`${addDays(date, 4 - isoWeekday(date))}T12:00:00Z`);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1, 12);
  return Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
}

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

/** "2026-11-30T10:00" (Copenhagen, a datetime-local value) → ISO instant, or null when not a date-time. */
export function localDateTimeToIso(value: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  return zonedIso(match[1]!, Number(match[2]) * 60 + Number(match[3]));
}

/** The current Copenhagen wall-clock time as "YYYY-MM-DDTHH:MM", for a datetime-local `min`. */
export function localNowForInput(from: Date = new Date()): string {
  return `${localDate(from)}T${timeInputValue(localMinutes(from))}`;
}
