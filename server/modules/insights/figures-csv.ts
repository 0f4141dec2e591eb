// CSV of area figures for Danish Excel: UTF-8 with BOM, semicolons, decimal comma, CRLF lines.
// Suppressed cells read "<5"; figures without a base are empty. Never any free text.
import { FIGURE_DEFINITIONS } from "./figure-definitions.ts";
import type { AreaFigures, BreakdownItem, FigureSet } from "./figures.ts";
import { csvValueOf } from "./suppression.ts";

const BYTE_ORDER_MARK = "\uFEFF";
const UNIT_SUFFIX_DA = { COUNT: "", PERCENT: " (%)", HOURS: " (timer)", SCORE: "" } as const;

/** Quotes a cell when needed, and defuses spreadsheet formulas in names (OWASP CSV injection). */
function cell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

const BREAKDOWNS: { prefixDa: string; pick: (figures: FigureSet) => BreakdownItem[] }[] = [
  { prefixDa: "Besøgende", pick: (figures) => figures.visitorsByTargetGroup },
  { prefixDa: "Sendt til", pick: (figures) => figures.handoversSentByCounterpart },
  { prefixDa: "Sendt, udfald", pick: (figures) => figures.handoversSentByResult },
  { prefixDa: "Modtaget fra", pick: (figures) => figures.handoversReceivedByCounterpart },
  { prefixDa: "Modtaget, udfald", pick: (figures) => figures.handoversReceivedByResult },
];

/** The figures of an area as CSV text, one row per centre and a last row "I alt". */
export function figuresCsv(area: AreaFigures): string {
  const sample = area.centres[0]?.figures ?? area.totals;
  const header = [
    "Værested",
    "Fra",
    "Til",
    ...FIGURE_DEFINITIONS.map((definition) => `${definition.nameDa}${UNIT_SUFFIX_DA[definition.unit]}`),
    ...BREAKDOWNS.flatMap((breakdown) => breakdown.pick(sample).map((item) => `${breakdown.prefixDa}: ${item.labelDa}`)),
  ];
  const row = (name: string, figures: FigureSet) => [
    name,
    area.period.from,
    area.period.to,
    ...FIGURE_DEFINITIONS.map((definition) => csvValueOf(figures[definition.key])),
    ...BREAKDOWNS.flatMap((breakdown) => breakdown.pick(figures).map((item) => csvValueOf(item.count))),
  ];
  const lines = [header, ...area.centres.map((centre) => row(centre.centreName, centre.figures)), row("I alt", area.totals)];
  return `${BYTE_ORDER_MARK}${lines.map((line) => line.map(cell).join(";")).join("\r\n")}\r\n`;
}
