// A centre's anonymous user surveys: public link and QR code to print, results suppressed below
// 5 responses, baseline and follow-up side by side, and a form to open a new survey.
import { useState, type FormEvent } from "react";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { Alert } from "../../ui/Alert.tsx";
import { Badge } from "../../ui/Badge.tsx";
import { Button } from "../../ui/Button.tsx";
import { Card } from "../../ui/Card.tsx";
import { SelectField } from "../../ui/SelectField.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextField } from "../../ui/TextField.tsx";
import { addDays, localDate, zonedIso } from "../../i18n/zoned-time.ts";
import { FigureCell } from "./AreaFigures.tsx";
import { CreateSurveyMutation, SurveyComparisonQuery, SurveyResultsQuery, SurveysQuery } from "./documents.ts";
import "./insights.css";

export function Surveys({ centreId, isAdmin }: { centreId: string; isAdmin: boolean }) {
  const t = useT();
  // A new survey reloads the list even when the centre had none yet.
  const surveys = useQuery(SurveysQuery, { centreId }, { additionalTypenames: ["Survey"] });
  const list = surveys.data?.surveys ?? [];
  const baseline = list.find((survey) => survey.round === "BASELINE");
  const followUp = list.find((survey) => survey.round === "FOLLOW_UP");
  return (
    <section aria-labelledby="surveys-heading" className="stack">
      <h2 id="surveys-heading">{t("insights.surveys.heading")}</h2>
      <p>{t("insights.surveys.intro")}</p>
      <LoadingRegion busy={surveys.loading && !surveys.data}>
        {surveys.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {surveys.data && list.length === 0 && <p>{t("insights.surveys.none")}</p>}
        {list.map((survey) => (
          <SurveyCard key={survey.id} survey={survey} />
        ))}
        {baseline && followUp && baseline.year !== followUp.year && <Comparison centreId={centreId} baselineYear={baseline.year} followUpYear={followUp.year} />}
      </LoadingRegion>
      {isAdmin ? <CreateSurvey centreId={centreId} /> : <p className="field__hint">{t("insights.surveys.adminOnly")}</p>}
    </section>
  );
}

type SurveyItem = {
  id: string;
  title: string;
  round: "BASELINE" | "FOLLOW_UP";
  year: number;
  isOpen: boolean;
  opensAt: string;
  closesAt: string;
  publicUrl: string;
  qrCodeSvg: string;
  responseCount: { display: string; isSuppressed: boolean; key: string };
};

function SurveyCard({ survey }: { survey: SurveyItem }) {
  const t = useT();
  const { formatDate } = useFormatters();
  const [showResults, setShowResults] = useState(false);
  const [copied, setCopied] = useState(false);
  const qrSource = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(survey.qrCodeSvg)}`;
  return (
    <Card title={survey.title} headingLevel={3} className="survey-card">
      <p>
        <Badge tone={survey.isOpen ? "success" : "neutral"}>{survey.isOpen ? t("insights.surveys.open") : t("insights.surveys.closed")}</Badge>{" "}
        {t(`insights.surveys.round.${survey.round}`)} {survey.year} · {formatDate(survey.opensAt)} – {formatDate(survey.closesAt)}
      </p>
      <p>
        <strong>{t("insights.surveys.responses")}</strong> <span data-testid="response-count">{survey.responseCount.display}</span>
        {survey.responseCount.isSuppressed && ` (${t("insights.figures.suppressedShort")})`}
      </p>
      {survey.isOpen && (
        <div className="survey-card__share">
          <div>
            <p>
              <strong>{t("insights.surveys.link")}</strong>
            </p>
            <p className="feed-url">
              <a href={survey.publicUrl}>{survey.publicUrl}</a>
            </p>
            <div className="cluster">
              <Button
                variant="secondary"
                onClick={() =>
                  void navigator.clipboard.writeText(survey.publicUrl).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {t("insights.surveys.copyLink")}
              </Button>
              <span role="status">{copied ? t("insights.surveys.copied") : ""}</span>
            </div>
          </div>
          <img className="survey-card__qr" src={qrSource} alt={t("insights.surveys.qrAlt", { title: survey.title })} width={180} height={180} />
        </div>
      )}
      <Button variant="quiet" aria-expanded={showResults} onClick={() => setShowResults(!showResults)}>
        {showResults ? t("insights.surveys.hideResults") : t("insights.surveys.showResults")}
      </Button>
      {showResults && <SurveyResults surveyId={survey.id} />}
    </Card>
  );
}

function SurveyResults({ surveyId }: { surveyId: string }) {
  const t = useT();
  const { language } = useLanguage();
  const results = useQuery(SurveyResultsQuery, { surveyId });
  const data = results.data?.surveyResults;
  return (
    <LoadingRegion busy={results.loading}>
      {results.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
      {data && (
        <div className="table-scroll">
          <table className="figures-table">
            <caption>{t("insights.surveys.resultsCaption", { title: data.title, count: data.responseCount.display })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("insights.surveys.question")}</th>
                <th scope="col">{t("insights.surveys.mean")}</th>
                <th scope="col">{t("insights.surveys.answers")}</th>
              </tr>
            </thead>
            <tbody>
              {data.questions.map((question) => (
                <tr key={question.questionId}>
                  <th scope="row">
                    {question.position}. {language === "da" ? question.textDa : question.textEn}
                    {question.freeTextAnswers && question.freeTextAnswers.length > 0 && (
                      <ul className="free-text-answers">
                        {question.freeTextAnswers.map((answer, index) => (
                          <li key={index}>{answer}</li>
                        ))}
                      </ul>
                    )}
                  </th>
                  <FigureCell figure={question.mean} />
                  <FigureCell figure={question.answerCount} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </LoadingRegion>
  );
}

function Comparison({ centreId, baselineYear, followUpYear }: { centreId: string; baselineYear: number; followUpYear: number }) {
  const t = useT();
  const { language } = useLanguage();
  const comparison = useQuery(SurveyComparisonQuery, { centreId, baselineYear, followUpYear });
  const data = comparison.data?.surveyComparison;
  return (
    <section aria-labelledby="comparison-heading" className="stack">
      <h3 id="comparison-heading">{t("insights.surveys.comparisonHeading", { baseline: baselineYear, followUp: followUpYear })}</h3>
      <p className="field__hint">{t("insights.surveys.comparisonNote")}</p>
      <LoadingRegion busy={comparison.loading}>
        {comparison.error && <Alert tone="error">{t("insights.loadError")}</Alert>}
        {data && (
          <div className="table-scroll" role="region" aria-labelledby="comparison-heading" tabIndex={0}>
            <table className="figures-table">
              <caption className="visually-hidden">{t("insights.surveys.comparisonHeading", { baseline: baselineYear, followUp: followUpYear })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("insights.surveys.question")}</th>
                  <th scope="col">{t("insights.surveys.baselineMean", { year: baselineYear, count: data.baseline?.responseCount.display ?? "–" })}</th>
                  <th scope="col">{t("insights.surveys.followUpMean", { year: followUpYear, count: data.followUp?.responseCount.display ?? "–" })}</th>
                  <th scope="col">{t("insights.surveys.change")}</th>
                </tr>
              </thead>
              <tbody>
                {data.questions.map((question) => (
                  <tr key={question.position}>
                    <th scope="row">
                      {question.position}. {language === "da" ? question.textDa : question.textEn}
                    </th>
                    <FigureCell figure={question.baseline?.mean} />
                    <FigureCell figure={question.followUp?.mean} />
                    <FigureCell figure={question.meanChange} />
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

type QuestionDraft = { kind: "LIKERT" | "FREE_TEXT"; textDa: string };

const DEFAULT_QUESTIONS: QuestionDraft[] = [
  { kind: "LIKERT", textDa: "Jeg føler mig velkommen, når jeg kommer her." },
  { kind: "LIKERT", textDa: "Her kan jeg være mig selv, uden at der stilles krav." },
  { kind: "LIKERT", textDa: "Jeg har fået nye fællesskaber gennem stedet." },
  { kind: "LIKERT", textDa: "Personale og frivillige hjælper mig videre, når jeg har brug for det." },
  { kind: "LIKERT", textDa: "Åbningstiderne passer til mit liv." },
  { kind: "FREE_TEXT", textDa: "Er der noget, vi kunne gøre bedre?" },
];

function CreateSurvey({ centreId }: { centreId: string }) {
  const t = useT();
  const today = localDate();
  const year = Number(today.slice(0, 4));
  const [title, setTitle] = useState(t("insights.create.defaultTitle", { year }));
  const [round, setRound] = useState<"BASELINE" | "FOLLOW_UP">("FOLLOW_UP");
  const [surveyYear, setSurveyYear] = useState(String(year));
  const [opens, setOpens] = useState(today);
  const [closes, setCloses] = useState(addDays(today, 30));
  const [questions, setQuestions] = useState<QuestionDraft[]>(DEFAULT_QUESTIONS);
  const [saved, setSaved] = useState<string | null>(null);
  const create = useMutationResult(CreateSurveyMutation, "CreateSurveySuccess");

  const update = (index: number, change: Partial<QuestionDraft>) => setQuestions(questions.map((question, at) => (at === index ? { ...question, ...change } : question)));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const result = await create.run({
      input: {
        centreId,
        title: title.trim(),
        round,
        year: Number(surveyYear),
        opensAt: zonedIso(opens, 0),
        closesAt: zonedIso(closes, 23 * 60 + 59),
        questions: questions.map((question) => ({ kind: question.kind, textDa: question.textDa.trim() })),
      },
    });
    if (result.ok) setSaved(t("insights.create.saved", { title: result.value.survey.title }));
  };
  return (
    <Card title={t("insights.create.heading")} headingLevel={3}>
      <form onSubmit={(event) => void submit(event)} noValidate className="stack">
        <p>{t("insights.create.intro")}</p>
        {saved && <Alert tone="success">{saved}</Alert>}
        {create.error && <Alert tone="error">{[create.error.message, ...create.error.formErrors].join(" ")}</Alert>}
        <TextField label={t("insights.create.title")} value={title} onChange={(event) => setTitle(event.target.value)} error={create.fieldError("title")} maxLength={200} />
        <div className="form-row">
          <SelectField
            label={t("insights.create.round")}
            value={round}
            onChange={(event) => setRound(event.target.value as "BASELINE" | "FOLLOW_UP")}
            options={[
              { value: "BASELINE", label: t("insights.surveys.round.BASELINE") },
              { value: "FOLLOW_UP", label: t("insights.surveys.round.FOLLOW_UP") },
            ]}
          />
          <TextField label={t("insights.create.year")} type="number" value={surveyYear} onChange={(event) => setSurveyYear(event.target.value)} error={create.fieldError("year")} />
        </div>
        <div className="form-row">
          <TextField label={t("insights.create.opens")} type="date" value={opens} onChange={(event) => setOpens(event.target.value)} error={create.fieldError("opensAt")} />
          <TextField label={t("insights.create.closes")} type="date" value={closes} onChange={(event) => setCloses(event.target.value)} error={create.fieldError("closesAt")} />
        </div>
        <fieldset className="field">
          <legend className="field__label">{t("insights.create.questions", { count: questions.length })}</legend>
          <p className="field__hint">{t("insights.create.questionsHint")}</p>
          {create.fieldError("questions") && <p className="field__error">{create.fieldError("questions")}</p>}
          <ol className="question-editor">
            {questions.map((question, index) => (
              <li key={index} className="stack">
                <TextField label={t("insights.create.questionText", { number: index + 1 })} value={question.textDa} onChange={(event) => update(index, { textDa: event.target.value })} error={create.fieldError(`questions.${index}.textDa`)} />
                <div className="cluster">
                  <SelectField
                    label={t("insights.create.questionKind", { number: index + 1 })}
                    value={question.kind}
                    onChange={(event) => update(index, { kind: event.target.value as QuestionDraft["kind"] })}
                    options={[
                      { value: "LIKERT", label: t("insights.create.likert") },
                      { value: "FREE_TEXT", label: t("insights.create.freeText") },
                    ]}
                  />
                  <Button variant="quiet" onClick={() => setQuestions(questions.filter((_, at) => at !== index))} disabled={questions.length <= 5} aria-label={t("insights.create.removeLabel", { number: index + 1 })}>
                    {t("insights.create.remove")}
                  </Button>
                </div>
              </li>
            ))}
          </ol>
          <Button variant="secondary" onClick={() => setQuestions([...questions, { kind: "LIKERT", textDa: "" }])} disabled={questions.length >= 8}>
            {t("insights.create.add")}
          </Button>
        </fieldset>
        <div className="cluster">
          <Button type="submit" busy={create.running}>
            {t("insights.create.submit")}
          </Button>
        </div>
      </form>
    </Card>
  );
}
