// Demand by hour: visitors counted per opening period on a week × hour table, per target group,
// shown beside the coverage heatmap. The number is in every cell; the colour only repeats it.
import { useState } from "react";
import { useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { addDays, localDate } from "../../i18n/zoned-time.ts";
import { Alert } from "../../ui/Alert.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { HourHeaderRow, HOURS } from "../insights/HourHeaderRow.tsx";
import { useTaxonomy } from "../directory/taxonomy.ts";
import { DemandByHourQuery } from "./documents.ts";
import "../insights/insights.css";
import "./steering.css";

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

function level(visitors: { value?: number | null; isSuppressed: boolean }): string {
  if (visitors.isSuppressed) return "heat heat--1";
  const value = visitors.value ?? 0;
  if (value === 0) return "";
  if (value < 20) return "heat heat--2";
  return "heat heat--3";
}

export function DemandHeatmap() {
  const t = useT();
  const { formatDate } = useFormatters();
  const taxonomy = useTaxonomy();
  const [targetGroup, setTargetGroup] = useState("");
  const [period] = useState(() => ({ from: addDays(localDate(), -56), to: localDate() }));
  const demand = useQuery(DemandByHourQuery, { ...period, targetGroup: targetGroup === "" ? null : targetGroup });
  const data = demand.data?.demandByHour;
  const group = targetGroup === "" ? t("steering.demand.everyone") : taxonomy.label("TARGET_GROUP", targetGroup);
  return (
    <section aria-labelledby="demand-heading" className="stack">
      <h2 id="demand-heading">{t("steering.demand.heading")}</h2>
      <p>{t("steering.demand.intro")}</p>
      <SelectField
        label={t("steering.demand.targetGroup")}
        value={targetGroup}
        onChange={(event) => setTargetGroup(event.target.value)}
        options={[{ value: "", label: t("steering.demand.everyone") }, ...taxonomy.options("TARGET_GROUP", [targetGroup])]}
      />
      <LoadingRegion busy={demand.loading}>
        {demand.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {data && (
          <>
            <div className="table-scroll" role="region" aria-labelledby="demand-caption" tabIndex={0}>
              <table className="demand-map">
                <caption id="demand-caption">{t("steering.demand.caption", { group, from: formatDate(data.from), to: formatDate(data.to) })}</caption>
                <thead>
                  <HourHeaderRow dayLabel={t("steering.demand.day")} />
                </thead>
                <tbody>
                  {WEEKDAYS.map((weekday) => (
                    <tr key={weekday}>
                      <th scope="row">{t(`steering.weekday.${weekday}`)}</th>
                      {HOURS.map((hour) => {
                        const visitors = data.cells.find((cell) => cell.weekday === weekday && cell.hour === hour)?.visitors;
                        return (
                          <td key={hour} className={visitors ? level(visitors) : ""}>
                            {visitors?.display ?? "0"}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>{t("steering.demand.withoutPeriod", { count: data.visitorsWithoutPeriod.display })}</p>
          </>
        )}
      </LoadingRegion>
    </section>
  );
}
