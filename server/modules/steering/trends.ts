// Monthly trends: every figure month by month (local calendar months, Europe/Copenhagen), for
// the area's totals or one centre. Each month is computed exactly as the figures of that period,
// so suppression and the no-reversal rule of totals hold month by month.
import type { Prisma } from "../../db/database.ts";
import { ValidationError } from "../../shared/errors.ts";
import { csvValueOf, FIGURE_DEFINITIONS, type FigureSet, findAreaFigures } from "../insights/index.ts";

export const MAX_TREND_MONTHS = 36;

export interface TrendMonth {
  /** yyyy-mm */
  month: string;
  from: string;
  to: string;
  figures: FigureSet;
}

export interface FigureTrend {
  /** Null for the area's totals. */
  centreId: string | null;
  scopeName: string;
  months: TrendMonth[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The calendar months from–to inclusive, each with its first and last local date. */
export function monthsBetween(fromMonth: string, toMonth: string): { month: string; from: string; to: string }[] {
  const start = MONTH.exec(fromMonth);
  const end = MONTH.exec(toMonth);
  if (!start || !end) throw ValidationError.single(start ? "toMonth" : "fromMonth", { da: "Skriv måneden som åååå-mm.", en: "Write the month as yyyy-mm." });
  const first = Number(start[1]) * 12 + Number(start[2]) - 1;
  const last = Number(end[1]) * 12 + Number(end[2]) - 1;
  if (last < first) throw ValidationError.single("toMonth", { da: "Slutmåneden skal ligge efter startmåneden.", en: "The last month must not be before the first." });
  if (last - first + 1 > MAX_TREND_MONTHS) {
    throw ValidationError.single("toMonth", { da: `Højst ${MAX_TREND_MONTHS} måneder.`, en: `At most ${MAX_TREND_MONTHS} months.` });
  }
  const months: { month: string; from: string; to: string }[] = [];
  for (let index = first; index <= last; index += 1) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    // Day 0 of the next month is the last day of this one (UTC arithmetic on calendar dates only).
    const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push({ month: key, from: `${key}-01`, to: `${key}-${String(lastDay).padStart(2, "0")}` });
  }
  return months;
}

/** Month-by-month figures for the area's totals, or for one centre when centreId is given. */
export async function findFigureTrend(prisma: Prisma, range: { fromMonth: string; toMonth: string }, centre: { id: string; name: string } | null): Promise<FigureTrend> {
  const months: TrendMonth[] = [];
  for (const month of monthsBetween(range.fromMonth, range.toMonth)) {
    const area = await findAreaFigures(prisma, month, centre ? [centre.id] : null);
    months.push({ ...month, figures: centre ? area.centres[0]!.figures : area.totals });
  }
  return { centreId: centre?.id ?? null, scopeName: centre?.name ?? "Hele området", months };
}

const BYTE_ORDER_MARK = "\uFEFF";
const UNIT_SUFFIX_DA = { COUNT: "", PERCENT: " (%)", HOURS: " (timer)", SCORE: "" } as const;

function cell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** The trend as CSV for Danish Excel: one row per month, one column per figure; "<5" when suppressed. */
export function trendCsv(trend: FigureTrend): string {
  const header = ["Måned", "Omfang", ...FIGURE_DEFINITIONS.map((definition) => `${definition.nameDa}${UNIT_SUFFIX_DA[definition.unit]}`)];
  const rows = trend.months.map((month) => [month.month, trend.scopeName, ...FIGURE_DEFINITIONS.map((definition) => csvValueOf(month.figures[definition.key]))]);
  return `${BYTE_ORDER_MARK}${[header, ...rows].map((line) => line.map(cell).join(";")).join("\r\n")}\r\n`;
}
