// /undersoegelse/:token: the anonymous user survey, answered on a phone without signing in.
// One simple form: Likert questions as labelled radio groups, optional free text, then thanks.
import { useState, type FormEvent } from "react";
import { useParams } from "wouter";
import { useMutationResult, useQuery } from "../../graphql.ts";
import { useIdempotencyKey } from "../../idempotency.ts";
import { useLanguage, useT } from "../../i18n/i18n.tsx";
import { useFormatters } from "../../i18n/format.ts";
import { useDocumentTitle } from "../../page-navigation.tsx";
import { Alert } from "../../ui/Alert.tsx";
import { Button } from "../../ui/Button.tsx";
import { RadioGroup } from "../../ui/ChoiceGroup.tsx";
import { ErrorSummary } from "../../ui/ErrorSummary.tsx";
import { PageHeading } from "../../ui/PageHeading.tsx";
import { LoadingRegion } from "../../ui/Spinner.tsx";
import { TextArea } from "../../ui/TextArea.tsx";
import { SubmitSurveyResponseMutation, SurveyByTokenQuery } from "./documents.ts";
import "./insights.css";

const LIKERT_VALUES = ["1", "2", "3", "4", "5"] as const;

export function PublicSurveyPage() {
  const t = useT();
  const { language } = useLanguage();
  const { formatDate } = useFormatters();
  const params = useParams<{ token: string }>();
  const survey = useQuery(SurveyByTokenQuery, { token: params.token });
  const submit = useMutationResult(SubmitSurveyResponseMutation, "SubmitSurveyResponseSuccess");
  // The page takes one response; a retry of it must not count twice.
  const [idempotencyKey] = useIdempotencyKey();
  const [likert, setLikert] = useState<Record<string, string>>({});
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [empty, setEmpty] = useState(false);
  const [done, setDone] = useState(false);
  const data = survey.data?.surveyByToken;
  useDocumentTitle(done ? t("insights.survey.thanksTitle") : (data?.title ?? t("insights.survey.title")));

  if (survey.loading && !survey.data) {
    return (
      <>
        <PageHeading>{t("insights.survey.title")}</PageHeading>
        <LoadingRegion busy />
      </>
    );
  }
  if (survey.error || !data) {
    return (
      <>
        <PageHeading>{t("insights.survey.title")}</PageHeading>
        <Alert tone="error">{survey.error ? t("insights.loadError") : t("insights.survey.unknown")}</Alert>
      </>
    );
  }
  if (done) {
    return (
      <div className="public-survey">
        <PageHeading>{t("insights.survey.thanksTitle")}</PageHeading>
        <p className="lead">{t("insights.survey.thanksBody", { centre: data.centreName })}</p>
        <p>{t("insights.survey.thanksAnonymous")}</p>
      </div>
    );
  }

  const likertLabels = LIKERT_VALUES.map((value) => t(`insights.likert.${value}`));
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const answers = data.questions.flatMap((question): { questionId: string; likert?: number; text?: string }[] => {
      if (question.kind === "LIKERT") return likert[question.id] ? [{ questionId: question.id, likert: Number(likert[question.id]) }] : [];
      const text = texts[question.id]?.trim();
      return text ? [{ questionId: question.id, text }] : [];
    });
    if (answers.length === 0) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    const result = await submit.run({ input: { token: params.token, answers, idempotencyKey } });
    if (result.ok) {
      setDone(true);
      window.scrollTo(0, 0);
      window.setTimeout(() => document.querySelector<HTMLElement>("h1")?.focus(), 0);
    }
  };

  return (
    <div className="public-survey">
      <PageHeading lead={t("insights.survey.lead", { centre: data.centreName })}>{data.title}</PageHeading>
      <Alert tone="info" title={t("insights.survey.anonymousTitle")}>
        <p>{t("insights.survey.anonymousBody")}</p>
      </Alert>
      {!data.isOpen ? (
        <Alert tone="warning">{t("insights.survey.closed")}</Alert>
      ) : (
        <form onSubmit={(event) => void onSubmit(event)} noValidate className="stack">
          <ErrorSummary title={t("errors.summaryTitle")} errors={empty ? [{ message: t("insights.survey.answerOne") }] : []} />
          {submit.error && <Alert tone="error">{submit.error.message}</Alert>}
          <p>{t("insights.survey.skipNote", { date: formatDate(data.closesAt) })}</p>
          {data.questions.map((question) => {
            const text = language === "da" ? question.textDa : question.textEn;
            const legend = `${question.position}. ${text}`;
            return question.kind === "LIKERT" ? (
              <RadioGroup
                key={question.id}
                className="likert"
                name={`question-${question.id}`}
                legend={legend}
                optional
                value={likert[question.id] ?? null}
                onChange={(value) => setLikert({ ...likert, [question.id]: value })}
                options={LIKERT_VALUES.map((value, index) => ({ value, label: likertLabels[index] }))}
              />
            ) : (
              <TextArea
                key={question.id}
                label={legend}
                optional
                hint={t("insights.survey.freeTextHint")}
                rows={4}
                maxLength={1000}
                value={texts[question.id] ?? ""}
                onChange={(event) => setTexts({ ...texts, [question.id]: event.target.value })}
                error={submit.error?.fieldErrors[`answers.${data.questions.indexOf(question)}.text`]}
              />
            );
          })}
          <div className="cluster">
            <Button type="submit" busy={submit.running} className="public-survey__submit">
              {t("insights.survey.submit")}
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
