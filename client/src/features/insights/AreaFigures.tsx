// Figures per centre for a period: a table (with what each figure means), a bar chart of
// visitors with its numbers in text, and the CSV for Excel. Small counts arrive as "<5".
import { useState, type FormEvent } from "react";
import { request, useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Link } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { addDays, localDate } from "../../i18n/zoned-time.ts";
import { AreaFiguresQuery, FiguresCsvQuery } from "./documents.ts";
import { FigureDefinitions, type Definition } from "./FigureDefinitions.tsx";
import "./insights.css";

type Figure = { key: string; display: string; isSuppressed: boolean; value?: number | null };

export function defaultPeriod(): { from: string; to: string } {
  const today = localDate();
  return { from: addDays(today, -56), to: today };
}

export function AreaFigures() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const [period, setPeriod] = useState(defaultPeriod);
  const [draft, setDraft] = useState(period);
  const [periodError, setPeriodError] = useState<string | null>(null);
  const figures = useQuery(AreaFiguresQuery, period);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.from || !draft.to || draft.from > draft.to) {
      setPeriodError(t("insights.figures.periodInvalid"));
      return;
    }
    setPeriodError(null);
    setPeriod(draft);
  };

  const download = async () => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const data = await request(FiguresCsvQuery, period);
      // The server's CSV starts with a BOM so Excel reads it as UTF-8; Blob keeps it.
      const blob = new Blob([data.figuresCsv], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `traedesten-tal-${period.from}-${period.to}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setDownloadError(t("insights.figures.downloadFailed"));
    } finally {
      setDownloading(false);
    }
  };

  const definitions: readonly Definition[] = figures.data?.figureDefinitions ?? [];
  const area = figures.data?.areaFigures;
  const name = (definition: Definition) => (language === "da" ? definition.nameDa : definition.nameEn);
  const cell = (all: readonly Figure[], key: string) => all.find((figure) => figure.key === key);

  return (
    <section aria-labelledby="figures-heading" className="stack">
      <h2 id="figures-heading">{t("insights.figures.heading")}</h2>
      <p>{t("insights.figures.intro")}</p>
      <form onSubmit={apply} noValidate className="form-row figures-period" aria-label={t("insights.figures.periodLabel")}>
        <TextField label={t("insights.figures.from")} type="date" value={draft.from} onChange={(event) => setDraft({ ...draft, from: event.target.value })} error={periodError} />
        <TextField label={t("insights.figures.to")} type="date" value={draft.to} onChange={(event) => setDraft({ ...draft, to: event.target.value })} />
        <div className="figures-period__submit">
          <Button type="submit" variant="secondary">
            {t("insights.figures.apply")}
          </Button>
        </div>
      </form>
      <LoadingRegion busy={figures.loading}>
        {figures.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {area && (
          <>
            <p className="field__hint">{t("insights.figures.suppressedNote")}</p>
            <div className="cluster">
              <Button onClick={() => void download()} busy={downloading}>
                {t("insights.figures.download")}
              </Button>
            </div>
            {downloadError && <Alert tone="error">{downloadError}</Alert>}
            <FigureDefinitions definitions={definitions} />
            <div className="table-scroll" role="region" aria-labelledby="figures-caption" tabIndex={0}>
              <table className="figures-table">
                <caption id="figures-caption">{t("insights.figures.caption", { from: formatDate(area.from), to: formatDate(area.to) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("insights.figures.centre")}</th>
                    {definitions.map((definition) => (
                      <th scope="col" key={definition.key}>
                        {name(definition)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {area.centres.map((row) => (
                    <tr key={row.centreId}>
                      <th scope="row">
                        <Link to={`/overblik/vaerested/${row.centreId}`}>{row.centreName}</Link>
                      </th>
                      {definitions.map((definition) => (
                        <FigureCell key={definition.key} figure={cell(row.figures.all, definition.key)} />
                      ))}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row">{t("insights.figures.total")}</th>
                    {definitions.map((definition) => (
                      <FigureCell key={definition.key} figure={cell(area.totals.all, definition.key)} />
                    ))}
                  </tr>
                </tfoot>
              </table>
            </div>
            <VisitorsChart rows={area.centres.map((row) => ({ id: row.centreId, name: row.centreName, figure: row.figures.visitors }))} />
          </>
        )}
      </LoadingRegion>
    </section>
  );
}

export function FigureCell({ figure }: { figure: Figure | undefined }) {
  const t = useT();
  if (!figure) return <td>–</td>;
  return (
    <td className={figure.isSuppressed ? "figure figure--suppressed" : "figure"}>
      {figure.display}
      {figure.isSuppressed && <span className="visually-hidden"> ({t("insights.figures.suppressedShort")})</span>}
    </td>
  );
}

/** Horizontal bars, one per centre; the SVG is decorative next to its own list of the numbers. */
function VisitorsChart({ rows }: { rows: readonly { id: string; name: string; figure: Figure }[] }) {
  const t = useT();
  const max = Math.max(1, ...rows.map((row) => row.figure.value ?? 0));
  const rowHeight = 28;
  const labelWidth = 220;
  const chartWidth = 640;
  const barArea = chartWidth - labelWidth - 70;
  const height = rows.length * rowHeight + 8;
  return (
    <figure className="visitors-chart" aria-labelledby="visitors-chart-caption">
      <figcaption id="visitors-chart-caption">
        <h3>{t("insights.chart.heading")}</h3>
      </figcaption>
      <svg viewBox={`0 0 ${chartWidth} ${height}`} width="100%" role="img" aria-labelledby="visitors-chart-caption visitors-chart-summary">
        {rows.map((row, index) => {
          const y = index * rowHeight + 4;
          const width = row.figure.value ? (row.figure.value / max) * barArea : 0;
          return (
            <g key={row.id}>
              <text x={labelWidth - 8} y={y + rowHeight / 2 + 5} textAnchor="end" className="visitors-chart__label">
                {row.name.length > 28 ? `${row.name.slice(0, 27)}…` : row.name}
              </text>
              <rect x={labelWidth} y={y + 4} width={width} height={rowHeight - 10} className="visitors-chart__bar" />
              <text x={labelWidth + width + 6} y={y + rowHeight / 2 + 5} className="visitors-chart__value">
                {row.figure.display}
              </text>
            </g>
          );
        })}
      </svg>
      <p id="visitors-chart-summary" className="visually-hidden">
        {t("insights.chart.summary")}
      </p>
      <details>
        <summary>{t("insights.chart.asText")}</summary>
        <ul>
          {rows.map((row) => (
            <li key={row.id}>
              {row.name}: {row.figure.display}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
