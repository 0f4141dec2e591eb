// Dates in the handover forms, on top of the shared Copenhagen calendar helpers.
import { addDays, localDate, localDateTimeToIso } from "../../i18n/zoned-time.ts";

/** "2026-12-25" (a Copenhagen calendar day) → the last minute of that day as an ISO instant. */
export function endOfLocalDayIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return localDateTimeToIso(`${value}T23:59`);
}

/** Today's Copenhagen calendar day plus `days`, as "YYYY-MM-DD" for a date input. */
export function localDatePlusDays(days: number, from: Date = new Date()): string {
  return addDays(localDate(from), days);
}
