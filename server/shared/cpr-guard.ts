// Trædesten never needs a CPR number, so free text is checked and refused when it holds one.
// Only the date part is checked, not modulus 11: since 2007 the CPR office issues valid
// numbers that fail it (https://www.cpr.dk/cpr-systemet/personnumre-uden-kontrolciffer-modulus-11-kontrol/).
// The matched number is never returned, so it cannot reach a log line or an error message.

// Dash, non-breaking hyphen, figure dash, en dash, em dash, minus sign, space, no-break spaces:
// a number pasted from a word processor often carries one of the typographic variants.
const SEPARATOR = "[-\u2010\u2011\u2012\u2013\u2014\u2212 \u00A0\u202F]";

// The look-arounds stop a match inside a longer run of digits (account or EAN numbers).
const CPR_LIKE = new RegExp(`(?<!\\d)(\\d{2})(\\d{2})(\\d{2})${SEPARATOR}?\\d{4}(?!\\d)`, "g");

// Soft hyphens and zero-width characters are invisible, so they must not split a number.
const INVISIBLE_FORMATTING = /\p{Cf}/gu;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Shown when a field is refused, by the server and (as the user types) by the client, which
 * imports this module so the two can never disagree. It names no number and no person, and it
 * fits every field: a staff member's name as well as a note about a citizen.
 */
export const CPR_REFUSED_MESSAGE = {
  da: "Teksten ser ud til at indeholde et CPR-nummer. CPR-numre må aldrig skrives i Trædesten, og systemet har aldrig brug for dem. Fjern nummeret og prøv igen.",
  en: "The text appears to contain a CPR number. CPR numbers must never be entered in Trædesten, and the system never needs them. Remove the number and try again.",
} as const;

/** True when the text contains a ten-digit number whose first six digits form a valid DDMMYY date. */
export function findCprLikeNumber(text: string): boolean {
  const visibleText = text.replace(INVISIBLE_FORMATTING, "");
  for (const match of visibleText.matchAll(CPR_LIKE)) {
    if (isValidDayMonthYear(Number(match[1]), Number(match[2]), Number(match[3]))) return true;
  }
  return false;
}

/** Names of the fields whose text contains a CPR-like number, in the order given; empty when all are clean. */
export function assertNoCpr(fields: Record<string, string | null | undefined>): { field: string }[] {
  return Object.entries(fields)
    .filter(([, text]) => text != null && findCprLikeNumber(text))
    .map(([field]) => ({ field }));
}

function isValidDayMonthYear(day: number, month: number, twoDigitYear: number): boolean {
  const daysInMonth = DAYS_IN_MONTH[month - 1];
  if (daysInMonth === undefined || day < 1) return false;
  // The century is unknown from six digits. Every year divisible by 4 is a leap year in at
  // least one possible century (00 → 2000), and refusing too much is the safe side here.
  const isLeapDay = month === 2 && day === 29 && twoDigitYear % 4 === 0;
  return day <= daysInMonth || isLeapDay;
}
