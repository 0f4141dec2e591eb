// Date-time inputs give Copenhagen wall-clock time; the API speaks ISO instants.
import { TIME_ZONE } from "../../i18n/format.ts";

const partsFormatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

function wallClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(partsFormatter.formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts["year"]),
    month: Number(parts["month"]),
    day: Number(parts["day"]),
    hour: Number(parts["hour"]),
    minute: Number(parts["minute"]),
  };
}

function offsetMinutes(date: Date): number {
  const local = wallClock(date);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((asUtc - Math.floor(date.getTime() / 60_000) * 60_000) / 60_000);
}

/** "2026-11-30T10:00" (Copenhagen) → ISO instant, or null when the text is not a date-time. */
export function localDateTimeToIso(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let instant = wall;
  // Two rounds settle the offset also on the days summer time starts or ends.
  for (let round = 0; round < 2; round++) instant = wall - offsetMinutes(new Date(instant)) * 60_000;
  return new Date(instant).toISOString();
}

/** "2026-12-25" (a Copenhagen calendar day) → the last minute of that day as an ISO instant. */
export function endOfLocalDayIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return localDateTimeToIso(`${value}T23:59`);
}

/** Today's Copenhagen calendar day plus `days`, as "YYYY-MM-DD" for a date input. */
export function localDatePlusDays(days: number, from: Date = new Date()): string {
  const today = wallClock(from);
  const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days, 12));
  return date.toISOString().slice(0, 10);
}

/** The current Copenhagen wall-clock time as "YYYY-MM-DDTHH:MM", for a datetime-local `min`. */
export function localNowForInput(from: Date = new Date()): string {
  const now = wallClock(from);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${now.year}-${pad(now.month)}-${pad(now.day)}T${pad(now.hour)}:${pad(now.minute)}`;
}
