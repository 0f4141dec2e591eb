// Opening-hours coverage as a week × hour table: each cell says how many centres are open, the
// colour only repeats the number. A list of the same figures and the gaps in words follow.
import { useState } from "react";
import { useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { HourHeaderRow, HOURS, padHour } from "./HourHeaderRow.tsx";
import { CoverageQuery } from "./documents.ts";
import { useTaxonomy } from "../directory/taxonomy.ts";
import "./insights.css";


function level(count: number): string {
  if (count === 0) return "0";
  if (count === 1) return "1";
  if (count <= 3) return "2";
  return "3";
}


export function CoverageHeatmap() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const taxonomy = useTaxonomy();
  const [targetGroup, setTargetGroup] = useState("MENTAL_VULNERABILITY");
  const coverage = useQuery(CoverageQuery, { targetGroup });
  const data = coverage.data?.coverage;

  return (
    <section aria-labelledby="coverage-heading" className="stack">
      <h2 id="coverage-heading">{t("insights.coverage.heading")}</h2>
      <p>{t("insights.coverage.intro")}</p>
      <SelectField
        label={t("insights.coverage.targetGroup")}
        value={targetGroup}
        onChange={(event) => setTargetGroup(event.target.value)}
        options={taxonomy.options("TARGET_GROUP", [targetGroup])}
      />
      <LoadingRegion busy={coverage.loading}>
        {coverage.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {data && (
          <>
            <h3 id="gaps-heading">{t("insights.coverage.gapsHeading")}</h3>
            {data.gaps.length === 0 ? (
              <p>{t("insights.coverage.noGaps")}</p>
            ) : (
              <>
              <p id="gaps-intro">{t("insights.coverage.gapsIntro")}</p>
              <ul aria-labelledby="gaps-intro" className="coverage-gaps">
                {data.gaps.map((gap) => (
                  <li key={`${gap.weekday}-${gap.startHour}`}>{language === "da" ? gap.da : gap.en}</li>
                ))}
              </ul>
              </>
            )}
            <p className="coverage-legend" aria-hidden="true">
              {t("insights.coverage.legend")}{" "}
              <span className="heat heat--0">0</span> <span className="heat heat--1">1</span> <span className="heat heat--2">2–3</span>{" "}
              <span className="heat heat--3">4+</span>
            </p>
            <div className="table-scroll" role="region" aria-labelledby="coverage-caption" tabIndex={0}>
              <table className="heatmap">
                <caption id="coverage-caption">
                  {t("insights.coverage.caption", {
                    group: taxonomy.label("TARGET_GROUP", targetGroup),
                    week: formatDate(data.weekStart),
                    centres: data.centres.length,
                  })}
                </caption>
                <thead>
                  <HourHeaderRow dayLabel={t("insights.coverage.day")} />
                </thead>
                <tbody>
                  {data.days.map((day) => (
                    <tr key={day.date}>
                      <th scope="row">{language === "da" ? day.labelDa : day.labelEn}</th>
                      {HOURS.map((hour) => {
                        const count = day.hours.find((cell) => cell.hour === hour)?.openCount ?? 0;
                        return (
                          <td key={hour} className={`heat heat--${level(count)}`}>
                            {count}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details>
              <summary>{t("insights.coverage.asList")}</summary>
              <ul>
                {data.days.map((day) => (
                  <li key={day.date}>
                    <strong>{language === "da" ? day.labelDa : day.labelEn}:</strong> {describeDay(day.hours, t)}
                  </li>
                ))}
              </ul>
            </details>
          </>
        )}
      </LoadingRegion>
    </section>
  );
}

/** "00–08: 0 åbne; 08–16: 2 åbne; …", consecutive hours with the same count joined. */
function describeDay(hours: readonly { hour: number; openCount: number }[], t: ReturnType<typeof useT>): string {
  const counts = HOURS.map((hour) => hours.find((cell) => cell.hour === hour)?.openCount ?? 0);
  const ranges: string[] = [];
  let start = 0;
  for (let hour = 1; hour <= 24; hour += 1) {
    if (hour === 24 || counts[hour] !== counts[start]) {
      ranges.push(t("insights.coverage.range", { from: padHour(start), to: padHour(hour), count: counts[start] ?? 0 }));
      start = hour;
    }
  }
  return ranges.join("; ");
}
