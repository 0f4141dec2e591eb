// One centre's answers to the common survey questions beside the area's, in the baseline and
// the follow-up round: a plain table (the numbers are the picture), suppressed cells as "<5".
import { useState } from "react";
import { useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import "./steering.css";
import { AreaSurveyRoundsQuery, CentreAreaComparisonQuery, RoundCentresQuery } from "./documents.ts";

const NOT_AVAILABLE = "–";

export function AreaSurveyComparison() {
  const t = useT();
  const rounds = useQuery(AreaSurveyRoundsQuery, {});
  const list = rounds.data?.areaSurveyRounds ?? [];
  const baseline = list.find((round) => round.round === "BASELINE");
  const followUp = list.find((round) => round.round === "FOLLOW_UP");
  const listRound = followUp ?? baseline;
  return (
    <section aria-labelledby="survey-comparison-heading" className="stack">
      <h2 id="survey-comparison-heading">{t("steering.comparison.heading")}</h2>
      <p>{t("steering.comparison.intro")}</p>
      <LoadingRegion busy={rounds.loading}>
        {rounds.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {rounds.data && !listRound && <p>{t("steering.comparison.none")}</p>}
        {listRound && <ComparisonForRound roundId={listRound.id} baselineYear={baseline?.year ?? listRound.year} followUpYear={followUp?.year ?? listRound.year} />}
      </LoadingRegion>
    </section>
  );
}

function ComparisonForRound({ roundId, baselineYear, followUpYear }: { roundId: string; baselineYear: number; followUpYear: number }) {
  const t = useT();
  const { language } = useLanguage();
  const centres = useQuery(RoundCentresQuery, { roundId });
  const options = centres.data?.areaSurveyRollup.questions[0]?.centres ?? [];
  const [chosen, setChosen] = useState<string | null>(null);
  const centreId = chosen ?? options[0]?.centreId ?? null;
  const comparison = useQuery(CentreAreaComparisonQuery, { centreId: centreId ?? "", baselineYear, followUpYear }, { skip: centreId === null });
  const data = comparison.data?.centreAreaSurveyComparison;
  return (
    <LoadingRegion busy={centres.loading || comparison.loading}>
      {(centres.error || comparison.error) && <Alert tone="error">{t("insights.loadError")}</Alert>}
      {options.length > 0 && (
        <SelectField
          label={t("steering.comparison.centre")}
          value={centreId ?? ""}
          onChange={(event) => setChosen(event.target.value)}
          options={options.map((centre) => ({ value: centre.centreId, label: centre.centreName }))}
        />
      )}
      {data && (
        <>
          <p>
            {t("steering.comparison.responses", {
              baseline: data.baselineResponseCount?.display ?? NOT_AVAILABLE,
              followUp: data.followUpResponseCount?.display ?? NOT_AVAILABLE,
            })}
          </p>
          <div className="table-scroll" role="region" aria-labelledby="survey-comparison-caption" tabIndex={0}>
            <table className="steering-table">
              <caption id="survey-comparison-caption">
                {t("steering.comparison.caption", { centre: data.centreName, baseline: baselineYear, followUp: followUpYear })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t("steering.comparison.question")}</th>
                  <th scope="col">{t("steering.comparison.centreBaseline")}</th>
                  <th scope="col">{t("steering.comparison.areaBaseline")}</th>
                  <th scope="col">{t("steering.comparison.centreFollowUp")}</th>
                  <th scope="col">{t("steering.comparison.areaFollowUp")}</th>
                  <th scope="col">{t("steering.comparison.versusArea")}</th>
                </tr>
              </thead>
              <tbody>
                {data.questions.map((question) => (
                  <tr key={question.position}>
                    <th scope="row">{language === "da" ? question.textDa : question.textEn}</th>
                    <td>{question.centreBaseline?.mean.display ?? NOT_AVAILABLE}</td>
                    <td>{question.areaBaseline?.mean.display ?? NOT_AVAILABLE}</td>
                    <td>{question.centreFollowUp?.mean.display ?? NOT_AVAILABLE}</td>
                    <td>{question.areaFollowUp?.mean.display ?? NOT_AVAILABLE}</td>
                    <td>{question.centreFollowUpVersusAreaBaseline.display}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </LoadingRegion>
  );
}
