// Coordinators: the citizens' answers to the one question afterwards, per receiving unit, this
// year so far. Counts only, suppressed below 5 by the server like every other figure.
import { graphql, useQuery } from "../../graphql.ts";
import { useT } from "../../i18n/i18n.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";

const CitizenFeedbackQuery = graphql(`
  query CitizenFeedbackFigures($fromMonth: String!, $toMonth: String!) {
    citizenFeedbackFigures(fromMonth: $fromMonth, toMonth: $toMonth) {
      unitId
      unitName
      yes { display }
      partly { display }
      no { display }
      ratherNotSay { display }
      total { display }
    }
  }
`);

const COLUMNS = ["yes", "partly", "no", "ratherNotSay", "total"] as const;

function currentMonth(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Copenhagen", year: "numeric", month: "2-digit" }).format(new Date());
  return parts.slice(0, 7);
}

export function CitizenFeedbackFigures() {
  const t = useT();
  const toMonth = currentMonth();
  const fromMonth = `${toMonth.slice(0, 4)}-01`;
  const figures = useQuery(CitizenFeedbackQuery, { fromMonth, toMonth });
  const rows = figures.data?.citizenFeedbackFigures ?? [];
  return (
    <section aria-labelledby="citizen-feedback-title">
      <h2 id="citizen-feedback-title">{t("insights.citizenFeedback.title")}</h2>
      <p>{t("insights.citizenFeedback.lead")}</p>
      <LoadingRegion busy={figures.loading}>
        {rows.length === 0 ? (
          !figures.loading && <p>{t("insights.citizenFeedback.empty")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="citizen-feedback-caption" tabIndex={0}>
            <table className="figures-table">
              <caption id="citizen-feedback-caption">{t("insights.citizenFeedback.caption", { from: fromMonth, to: toMonth })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("insights.citizenFeedback.unit")}</th>
                  {COLUMNS.map((column) => (
                    <th scope="col" key={column}>
                      {t(`insights.citizenFeedback.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.unitId}>
                    <th scope="row">{row.unitName}</th>
                    {COLUMNS.map((column) => (
                      <td key={column}>{row[column].display}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </LoadingRegion>
    </section>
  );
}
