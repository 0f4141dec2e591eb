// Small-count suppression and Danish number formatting for every figure Trædesten shows.
// Counts 1–4 could point at a person, so they show as "<5"; 0 points at nobody and shows as "0".
// Rates, medians and sums whose base count is 1–4 are suppressed too. Pure functions.

export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED_DISPLAY = "<5";
/** Shown when a figure has no base at all (e.g. a rate of zero handovers). */
export const NOT_AVAILABLE_DISPLAY = "–";

export type FigureUnit = "COUNT" | "PERCENT" | "HOURS" | "SCORE";

export interface Figure {
  key: string;
  unit: FigureUnit;
  /** Null when suppressed or not available. Percentages are 0–100. */
  value: number | null;
  display: string;
  isSuppressed: boolean;
}

const wholeNumber = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 0, maximumFractionDigits: 1 });
const fixedOneDecimal = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** True for counts that could point at a person (1–4). */
export function isSmallCount(count: number): boolean {
  return count > 0 && count < SUPPRESSION_THRESHOLD;
}

function suppressed(key: string, unit: FigureUnit): Figure {
  return { key, unit, value: null, display: SUPPRESSED_DISPLAY, isSuppressed: true };
}

function notAvailable(key: string, unit: FigureUnit): Figure {
  return { key, unit, value: null, display: NOT_AVAILABLE_DISPLAY, isSuppressed: false };
}

/** A count as a figure: "0", "<5" for 1–4, otherwise "1.234". */
export function suppress(count: number, key = "count"): Figure {
  if (isSmallCount(count)) return suppressed(key, "COUNT");
  return { key, unit: "COUNT", value: count, display: wholeNumber.format(count), isSuppressed: false };
}

/** A share as a whole-percent figure ("62 %"); suppressed when the base is 1–4, "–" when it is 0. */
export function rateFigure(key: string, numerator: number, base: number): Figure {
  if (base === 0) return notAvailable(key, "PERCENT");
  if (isSmallCount(base)) return suppressed(key, "PERCENT");
  const percent = (numerator / base) * 100;
  return { key, unit: "PERCENT", value: percent, display: `${wholeNumber.format(percent)} %`, isSuppressed: false };
}

/** Hours as a figure ("3,5 t"), suppressed when the count it is computed from is 1–4. */
export function hoursFigure(key: string, hours: number | null, baseCount: number): Figure {
  if (baseCount === 0 || hours === null) return notAvailable(key, "HOURS");
  if (isSmallCount(baseCount)) return suppressed(key, "HOURS");
  return { key, unit: "HOURS", value: hours, display: `${oneDecimal.format(hours)} t`, isSuppressed: false };
}

/** A mean score on a 1–5 scale ("3,8"), suppressed when fewer than 5 answers carry it. */
export function scoreFigure(key: string, mean: number | null, answerCount: number): Figure {
  if (answerCount === 0 || mean === null) return notAvailable(key, "SCORE");
  if (isSmallCount(answerCount)) return suppressed(key, "SCORE");
  return { key, unit: "SCORE", value: mean, display: fixedOneDecimal.format(mean), isSuppressed: false };
}

/** The median of a list of numbers (mean of the middle two for an even count); null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** A figure's value for a CSV cell: "<5" when suppressed, "" when not available, decimal comma. */
export function csvValueOf(figure: Figure): string {
  if (figure.isSuppressed) return SUPPRESSED_DISPLAY;
  if (figure.value === null) return "";
  if (figure.unit === "COUNT") return String(figure.value);
  return fixedOneDecimal.format(figure.value).replaceAll(".", "");
}
