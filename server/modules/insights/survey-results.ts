// Survey answers aggregated per question, with the same small-count suppression as figures.
// Free text is shown only when the survey has at least 5 responses, sorted alphabetically so
// the order says nothing about who answered when, and only to the centre's own people.
import type { Prisma } from "../../db/database.ts";
import type { SurveyQuestionKind, SurveyRound } from "../../generated/prisma/enums.ts";
import { NOT_AVAILABLE_DISPLAY, scoreFigure, suppress, SUPPRESSED_DISPLAY, SUPPRESSION_THRESHOLD, type Figure } from "./suppression.ts";

export interface LikertBucket {
  value: number;
  count: Figure;
}

export interface QuestionResult {
  questionId: string;
  position: number;
  kind: SurveyQuestionKind;
  textDa: string;
  textEn: string;
  answerCount: Figure;
  mean: Figure;
  distribution: LikertBucket[];
  /** Null when the viewer may not read free text or the survey has fewer than 5 responses. */
  freeTextAnswers: string[] | null;
}

export interface SurveyResults {
  surveyId: string;
  centreId: string;
  title: string;
  round: SurveyRound;
  year: number;
  responseCount: Figure;
  questions: QuestionResult[];
}

export interface QuestionComparison {
  position: number;
  textDa: string;
  textEn: string;
  baseline: QuestionResult | null;
  followUp: QuestionResult | null;
  /** Follow-up mean minus baseline mean; suppressed when either mean is. */
  meanChange: Figure;
}

export interface SurveyComparison {
  centreId: string;
  baseline: SurveyResults | null;
  followUp: SurveyResults | null;
  questions: QuestionComparison[];
}

const LIKERT_VALUES = [1, 2, 3, 4, 5];
const signedScore = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** Aggregated results of one survey; null when it does not exist. */
export async function findSurveyResults(prisma: Prisma, surveyId: string, options: { mayReadFreeText: boolean }): Promise<SurveyResults | null> {
  const survey = await prisma.survey.findUnique({
    where: { id: surveyId },
    include: { questions: { orderBy: { position: "asc" } }, _count: { select: { responses: true } } },
  });
  if (!survey) return null;
  const responseCount = survey._count.responses;
  const questionIds = survey.questions.map((question) => question.id);
  const [likertCounts, textCounts] = await Promise.all([
    prisma.surveyAnswer.groupBy({
      by: ["questionId", "likert"],
      where: { questionId: { in: questionIds }, likert: { not: null } },
      _count: { _all: true },
    }),
    prisma.surveyAnswer.groupBy({
      by: ["questionId"],
      where: { questionId: { in: questionIds }, text: { not: null } },
      _count: { _all: true },
    }),
  ]);
  const showFreeText = options.mayReadFreeText && responseCount >= SUPPRESSION_THRESHOLD;
  const freeText = showFreeText
    ? await prisma.surveyAnswer.findMany({ where: { questionId: { in: questionIds }, text: { not: null } }, select: { questionId: true, text: true } })
    : [];

  const questions = survey.questions.map((question): QuestionResult => {
    if (question.kind === "FREE_TEXT") {
      const answerCount = textCounts.find((row) => row.questionId === question.id)?._count._all ?? 0;
      return {
        ...questionHeader(question, answerCount),
        mean: { key: "mean", unit: "SCORE", value: null, display: NOT_AVAILABLE_DISPLAY, isSuppressed: false },
        distribution: [],
        freeTextAnswers: showFreeText
          ? freeText
              .filter((answer) => answer.questionId === question.id)
              .map((answer) => answer.text as string)
              .sort((a, b) => a.localeCompare(b, "da"))
          : null,
      };
    }
    const countOf = (value: number) =>
      likertCounts.find((row) => row.questionId === question.id && row.likert === value)?._count._all ?? 0;
    const answerCount = LIKERT_VALUES.reduce((sum, value) => sum + countOf(value), 0);
    const total = LIKERT_VALUES.reduce((sum, value) => sum + value * countOf(value), 0);
    return {
      ...questionHeader(question, answerCount),
      mean: scoreFigure("mean", answerCount > 0 ? total / answerCount : null, answerCount),
      distribution: LIKERT_VALUES.map((value) => ({ value, count: suppress(countOf(value), `likert${value}`) })),
      freeTextAnswers: null,
    };
  });

  return {
    surveyId: survey.id,
    centreId: survey.centreId,
    title: survey.title,
    round: survey.round,
    year: survey.year,
    responseCount: suppress(responseCount, "responseCount"),
    questions,
  };
}

/** What every question's result starts with: the question itself and how many answered it (suppressed). */
function questionHeader(
  question: { id: string; position: number; kind: SurveyQuestionKind; textDa: string; textEn: string },
  answerCount: number,
): Pick<QuestionResult, "questionId" | "position" | "kind" | "textDa" | "textEn" | "answerCount"> {
  return {
    questionId: question.id,
    position: question.position,
    kind: question.kind,
    textDa: question.textDa,
    textEn: question.textEn,
    answerCount: suppress(answerCount, "answerCount"),
  };
}

function meanChangeOf(baseline: QuestionResult | null, followUp: QuestionResult | null): Figure {
  const key = "meanChange";
  if (!baseline || !followUp || baseline.kind !== "LIKERT" || followUp.kind !== "LIKERT") {
    return { key, unit: "SCORE", value: null, display: NOT_AVAILABLE_DISPLAY, isSuppressed: false };
  }
  if (baseline.mean.isSuppressed || followUp.mean.isSuppressed) {
    return { key, unit: "SCORE", value: null, display: SUPPRESSED_DISPLAY, isSuppressed: true };
  }
  if (baseline.mean.value === null || followUp.mean.value === null) {
    return { key, unit: "SCORE", value: null, display: NOT_AVAILABLE_DISPLAY, isSuppressed: false };
  }
  const change = followUp.mean.value - baseline.mean.value;
  return { key, unit: "SCORE", value: change, display: signedScore.format(change), isSuppressed: false };
}

/**
 * The centre's baseline survey of one year beside its follow-up of another, question by question
 * (paired by position). When a centre ran several surveys of a round in a year, the latest counts.
 */
export async function findSurveyComparison(
  prisma: Prisma,
  centreId: string,
  years: { baselineYear: number; followUpYear: number },
  options: { mayReadFreeText: boolean },
): Promise<SurveyComparison> {
  const latest = (round: SurveyRound, year: number) =>
    prisma.survey.findFirst({ where: { centreId, round, year }, orderBy: [{ opensAt: "desc" }, { createdAt: "desc" }], select: { id: true } });
  const [baselineSurvey, followUpSurvey] = await Promise.all([latest("BASELINE", years.baselineYear), latest("FOLLOW_UP", years.followUpYear)]);
  const baseline = baselineSurvey ? await findSurveyResults(prisma, baselineSurvey.id, options) : null;
  const followUp = followUpSurvey ? await findSurveyResults(prisma, followUpSurvey.id, options) : null;
  const positions = [...new Set([...(baseline?.questions ?? []), ...(followUp?.questions ?? [])].map((question) => question.position))].sort(
    (a, b) => a - b,
  );
  return {
    centreId,
    baseline,
    followUp,
    questions: positions.map((position) => {
      const before = baseline?.questions.find((question) => question.position === position) ?? null;
      const after = followUp?.questions.find((question) => question.position === position) ?? null;
      const text = (after ?? before) as QuestionResult;
      return { position, textDa: text.textDa, textEn: text.textEn, baseline: before, followUp: after, meanChange: meanChangeOf(before, after) };
    }),
  };
}
