// The header row of an hour-by-weekday heatmap (coverage, demand): 00–23, each hour read out
// in full to screen readers ("fra 09 til 10").
import { useT } from "../../i18n/i18n.tsx";

export const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export const padHour = (hour: number) => String(hour).padStart(2, "0");

export function HourHeaderRow({ dayLabel }: { dayLabel: string }) {
  const t = useT();
  return (
    <tr>
      <th scope="col">{dayLabel}</th>
      {HOURS.map((hour) => (
        <th scope="col" key={hour}>
          <span aria-hidden="true">{padHour(hour)}</span>
          <span className="visually-hidden">{t("insights.coverage.hourLabel", { from: padHour(hour), to: padHour(hour + 1) })}</span>
        </th>
      ))}
    </tr>
  );
}
