// Monthly trends of the area's figures: choose a figure, see a line chart (loaded on demand)
// with a data table beside it holding every number, and download all figures as CSV.
import { lazy, Suspense, useState } from "react";
import { request, useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { localDate } from "../../i18n/zoned-time.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { FigureTrendCsvQuery, FigureTrendQuery } from "./documents.ts";
import "./steering.css";

const TrendChart = lazy(() => import("./TrendChart.tsx"));

function lastTwelveMonths(): { fromMonth: string; toMonth: string } {
  const [year, month] = localDate().split("-").map(Number) as [number, number];
  const start = year * 12 + month - 1 - 11;
  return { fromMonth: `${Math.floor(start / 12)}-${String((start % 12) + 1).padStart(2, "0")}`, toMonth: `${year}-${String(month).padStart(2, "0")}` };
}

export function FigureTrends() {
  const t = useT();
  const { language } = useLanguage();
  const [range] = useState(lastTwelveMonths);
  const [figureKey, setFigureKey] = useState("visitors");
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const trend = useQuery(FigureTrendQuery, range);
  const definitions = trend.data?.figureDefinitions ?? [];
  const definition = definitions.find((candidate) => candidate.key === figureKey);
  const name = definition ? (language === "da" ? definition.nameDa : definition.nameEn) : figureKey;
  const points = (trend.data?.figureTrend.months ?? []).map((month) => {
    const figure = month.figures.all.find((candidate) => candidate.key === figureKey);
    return { month: month.month, value: figure?.value ?? null, display: figure?.display ?? "–", isSuppressed: figure?.isSuppressed ?? false };
  });

  const download = async () => {
    setDownloadError(null);
    try {
      const data = await request(FigureTrendCsvQuery, range);
      const url = URL.createObjectURL(new Blob([data.figureTrendCsv], { type: "text/csv;charset=utf-8" }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `traedesten-udvikling-${range.fromMonth}-${range.toMonth}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadError(t("insights.figures.downloadFailed"));
    }
  };

  return (
    <section aria-labelledby="trends-heading" className="stack">
      <h2 id="trends-heading">{t("steering.trends.heading")}</h2>
      <p>{t("steering.trends.intro")}</p>
      <LoadingRegion busy={trend.loading}>
        {trend.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {trend.data && (
          <>
            <SelectField
              label={t("steering.trends.figure")}
              value={figureKey}
              onChange={(event) => setFigureKey(event.target.value)}
              options={definitions.map((candidate) => ({ value: candidate.key, label: language === "da" ? candidate.nameDa : candidate.nameEn }))}
            />
            <div className="trend-layout">
              <figure className="trend-figure">
                <figcaption id="trend-chart-title">{t("steering.trends.chartTitle", { figure: name })}</figcaption>
                <Suspense fallback={<LoadingRegion busy />}>
                  <TrendChart points={points} titleId="trend-chart-title" summaryId="trend-chart-summary" />
                </Suspense>
                <p id="trend-chart-summary" className="visually-hidden">
                  {t("steering.trends.chartSummary")}
                </p>
              </figure>
              <div className="table-scroll" role="region" aria-labelledby="trend-table-caption" tabIndex={0}>
                <table className="steering-table">
                  <caption id="trend-table-caption">{t("steering.trends.tableCaption", { figure: name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("steering.trends.month")}</th>
                      <th scope="col">{name}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((point) => (
                      <tr key={point.month}>
                        <th scope="row">{point.month}</th>
                        <td>{point.display}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
            <div>
              <Button type="button" variant="secondary" onClick={download}>
                {t("steering.trends.download")}
              </Button>
              {downloadError && <Alert tone="error">{downloadError}</Alert>}
            </div>
          </>
        )}
      </LoadingRegion>
    </section>
  );
}
