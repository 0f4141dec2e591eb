// The common area survey: a round every centre runs with the same questions first, rolled up
// to the area with the same small-count suppression as figures. The area is built only from
// what the centre rows show, so no area number reveals a suppressed centre cell by subtraction.
import type { Prisma, Transaction as Tx } from "../../db/database.ts";
import type { SurveyQuestionKind, SurveyRound } from "../../generated/prisma/enums.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { type Figure, NOT_AVAILABLE_DISPLAY, scoreFigure, suppress, SUPPRESSED_DISPLAY } from "../insights/index.ts";
import { newToken, PUBLIC_TOKEN_BYTES } from "../../shared/tokens.ts";

/** The municipality's user-experience questions: the default common set of a new round. */
export const DEFAULT_COMMON_QUESTIONS: { kind: SurveyQuestionKind; textDa: string; textEn: string }[] = [
  { kind: "LIKERT", textDa: "Jeg føler mig velkommen, når jeg kommer her.", textEn: "I feel welcome when I come here." },
  { kind: "LIKERT", textDa: "Her kan jeg være mig selv, uden at der stilles krav.", textEn: "Here I can be myself, without demands." },
  { kind: "LIKERT", textDa: "Jeg har fået nye fællesskaber gennem stedet.", textEn: "I have found new communities through the place." },
  { kind: "LIKERT", textDa: "Personale og frivillige hjælper mig videre, når jeg har brug for det.", textEn: "Staff and volunteers help me onwards when I need it." },
  { kind: "LIKERT", textDa: "Åbningstiderne passer til mit liv.", textEn: "The opening hours suit my life." },
];

const MAX_QUESTIONS_PER_SURVEY = 12;
const LIKERT_VALUES = [1, 2, 3, 4, 5] as const;
const ROUND_NOT_FOUND = { da: "Undersøgelsesrunden", en: "The survey round" };

export interface QuestionInput {
  kind: SurveyQuestionKind;
  textDa: string;
  textEn?: string | null | undefined;
}

export interface CreateAreaSurveyRoundInput {
  title: string;
  round: SurveyRound;
  year: number;
  opensAt: Date;
  closesAt: Date;
  questions?: QuestionInput[] | null | undefined;
}

const englishOr = (question: QuestionInput) => (question.textEn?.trim() ? question.textEn : question.textDa);

/** The centre's survey in a round, created with the common questions when it does not exist yet. */
export async function ensureCentreSurvey(tx: Tx, roundId: string, centreId: string) {
  const existing = await tx.survey.findFirst({ where: { areaRoundId: roundId, centreId }, include: { questions: true } });
  if (existing) return existing;
  const round = await tx.areaSurveyRound.findUnique({ where: { id: roundId }, include: { questions: { orderBy: { position: "asc" } } } });
  if (!round) throw new NotFoundError(ROUND_NOT_FOUND);
  return tx.survey.create({
    data: {
      centreId,
      areaRoundId: round.id,
      title: round.title,
      round: round.round,
      year: round.year,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      publicToken: newToken(PUBLIC_TOKEN_BYTES),
      questions: { create: round.questions.map(({ position, kind, textDa, textEn }) => ({ position, kind, textDa, textEn })) },
    },
    include: { questions: true },
  });
}

/**
 * Starts an area-wide round (one per kind of round and year): the common questions, and a survey
 * with its own public link at every centre, the common questions first.
 */
export async function createAreaSurveyRound(prisma: Prisma, input: CreateAreaSurveyRoundInput) {
  if (input.closesAt.getTime() <= input.opensAt.getTime()) {
    throw ValidationError.single("closesAt", { da: "Runden skal lukke efter, den åbner.", en: "The round must close after it opens." });
  }
  const questions = input.questions && input.questions.length > 0 ? input.questions : DEFAULT_COMMON_QUESTIONS;
  return prisma.$transaction(async (tx) => {
    if (await tx.areaSurveyRound.findUnique({ where: { round_year: { round: input.round, year: input.year } } })) {
      throw ValidationError.single("year", { da: "Der findes allerede en runde af denne slags for året.", en: "There is already a round of this kind for the year." });
    }
    const round = await tx.areaSurveyRound.create({
      data: {
        title: input.title,
        round: input.round,
        year: input.year,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        questions: { create: questions.map((question, index) => ({ position: index + 1, kind: question.kind, textDa: question.textDa, textEn: englishOr(question) })) },
      },
    });
    const centres = await tx.centre.findMany({ select: { id: true } });
    for (const centre of centres) await ensureCentreSurvey(tx, round.id, centre.id);
    return round;
  });
}

/** Adds the centre's own questions after the common ones of its round survey. */
export async function addCentreSurveyQuestions(prisma: Prisma, surveyId: string, questions: readonly QuestionInput[]) {
  return prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findUnique({ where: { id: surveyId }, include: { questions: { select: { position: true } } } });
    if (!survey) throw new NotFoundError({ da: "Undersøgelsen", en: "The survey" });
    if (survey.questions.length + questions.length > MAX_QUESTIONS_PER_SURVEY) {
      throw ValidationError.single("questions", {
        da: `En undersøgelse kan højst have ${MAX_QUESTIONS_PER_SURVEY} spørgsmål.`,
        en: `A survey can have at most ${MAX_QUESTIONS_PER_SURVEY} questions.`,
      });
    }
    const last = Math.max(0, ...survey.questions.map((question) => question.position));
    await tx.surveyQuestion.createMany({
      data: questions.map((question, index) => ({ surveyId, position: last + index + 1, kind: question.kind, textDa: question.textDa, textEn: englishOr(question) })),
    });
    return tx.survey.findUniqueOrThrow({ where: { id: surveyId } });
  });
}

// ───────────── roll-up ─────────────

/** One centre's (or the area's) answers to one common question. */
export interface QuestionSummary {
  answerCount: Figure;
  mean: Figure;
  distribution: { value: number; count: Figure }[];
}

export interface CentreQuestionSummary extends QuestionSummary {
  centreId: string;
  centreName: string;
}

export interface RollupQuestion {
  position: number;
  kind: SurveyQuestionKind;
  textDa: string;
  textEn: string;
  area: QuestionSummary;
  centres: CentreQuestionSummary[];
}

export interface AreaSurveyRollup {
  roundId: string;
  title: string;
  round: SurveyRound;
  year: number;
  opensAt: Date;
  closesAt: Date;
  responseCount: Figure;
  questions: RollupQuestion[];
}

interface RawCounts {
  /** Answers per likert value 1–5. */
  buckets: number[];
}

const answersOf = (raw: RawCounts) => raw.buckets.reduce((sum, count) => sum + count, 0);

function summaryOf(raw: RawCounts): QuestionSummary {
  const n = answersOf(raw);
  const total = raw.buckets.reduce((sum, count, index) => sum + (index + 1) * count, 0);
  return {
    answerCount: suppress(n, "answerCount"),
    mean: scoreFigure("mean", n > 0 ? total / n : null, n),
    distribution: LIKERT_VALUES.map((value, index) => ({ value, count: suppress(raw.buckets[index] ?? 0, `likert${value}`) })),
  };
}

const shownValue = (figure: Figure) => (figure.isSuppressed ? 0 : (figure.value ?? 0));

/**
 * The area from the centre rows: answer counts add only what each centre shows, the mean pools
 * only centres whose own mean is shown, and each bucket adds only shown buckets.
 */
export function areaSummaryOf(centres: readonly { raw: RawCounts; summary: QuestionSummary }[]): QuestionSummary {
  const shown = centres.filter((centre) => !centre.summary.mean.isSuppressed && centre.summary.mean.value !== null);
  const n = shown.reduce((sum, centre) => sum + answersOf(centre.raw), 0);
  const total = shown.reduce((sum, centre) => sum + centre.raw.buckets.reduce((inner, count, index) => inner + (index + 1) * count, 0), 0);
  return {
    answerCount: suppress(centres.reduce((sum, centre) => sum + shownValue(centre.summary.answerCount), 0), "answerCount"),
    mean: scoreFigure("mean", n > 0 ? total / n : null, n),
    distribution: LIKERT_VALUES.map((value, index) => ({
      value,
      count: suppress(centres.reduce((sum, centre) => sum + shownValue(centre.summary.distribution[index]!.count), 0), `likert${value}`),
    })),
  };
}

/** The round's common questions per centre and for the area; null for an unknown round. */
export async function findAreaSurveyRollup(prisma: Prisma, roundId: string): Promise<AreaSurveyRollup | null> {
  const round = await prisma.areaSurveyRound.findUnique({ where: { id: roundId }, include: { questions: { orderBy: { position: "asc" } } } });
  if (!round) return null;
  const surveys = await prisma.survey.findMany({
    where: { areaRoundId: round.id },
    select: {
      id: true,
      centre: { select: { id: true, name: true } },
      questions: { where: { position: { lte: round.questions.length } }, select: { id: true, position: true } },
      _count: { select: { responses: true } },
    },
    orderBy: { centre: { name: "asc" } },
  });
  const questionIds = surveys.flatMap((survey) => survey.questions.map((question) => question.id));
  const counts = await prisma.surveyAnswer.groupBy({
    by: ["questionId", "likert"],
    where: { questionId: { in: questionIds }, likert: { not: null } },
    _count: { _all: true },
  });
  const countOf = new Map(counts.map((row) => [`${row.questionId}:${row.likert}`, row._count._all]));
  const responseFigures = surveys.map((survey) => suppress(survey._count.responses, "responseCount"));
  return {
    roundId: round.id,
    title: round.title,
    round: round.round,
    year: round.year,
    opensAt: round.opensAt,
    closesAt: round.closesAt,
    responseCount: suppress(responseFigures.reduce((sum, figure) => sum + shownValue(figure), 0), "responseCount"),
    questions: round.questions.map((question) => {
      const centres = surveys.map((survey) => {
        const questionId = survey.questions.find((candidate) => candidate.position === question.position)?.id;
        const raw = { buckets: LIKERT_VALUES.map((value) => (questionId ? (countOf.get(`${questionId}:${value}`) ?? 0) : 0)) };
        return { raw, summary: summaryOf(raw), centreId: survey.centre.id, centreName: survey.centre.name };
      });
      return {
        position: question.position,
        kind: question.kind,
        textDa: question.textDa,
        textEn: question.textEn,
        area: areaSummaryOf(centres),
        centres: centres.map((centre) => ({ centreId: centre.centreId, centreName: centre.centreName, ...centre.summary })),
      };
    }),
  };
}

// ───────────── centre versus area ─────────────

export interface CentreAreaQuestion {
  position: number;
  textDa: string;
  textEn: string;
  centreBaseline: QuestionSummary | null;
  centreFollowUp: QuestionSummary | null;
  areaBaseline: QuestionSummary | null;
  areaFollowUp: QuestionSummary | null;
  /** The centre's follow-up mean minus the area's baseline mean. */
  centreFollowUpVersusAreaBaseline: Figure;
  /** The centre's follow-up mean minus its own baseline mean. */
  centreChange: Figure;
}

export interface CentreAreaComparison {
  centreId: string;
  centreName: string;
  baseline: AreaSurveyRollup | null;
  followUp: AreaSurveyRollup | null;
  questions: CentreAreaQuestion[];
}

const signedScore = new Intl.NumberFormat("da-DK", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" });

/** The difference of two means, suppressed when either is suppressed. */
export function meanDifference(after: Figure | undefined, before: Figure | undefined, key: string): Figure {
  if (after?.isSuppressed || before?.isSuppressed) return { key, unit: "SCORE", value: null, display: SUPPRESSED_DISPLAY, isSuppressed: true };
  if (!after || !before || after.value === null || before.value === null) return { key, unit: "SCORE", value: null, display: NOT_AVAILABLE_DISPLAY, isSuppressed: false };
  const change = after.value - before.value;
  return { key, unit: "SCORE", value: change, display: signedScore.format(change), isSuppressed: false };
}

/** One centre's common answers in a baseline and a follow-up round beside the area's, question by question. */
export async function findCentreAreaComparison(
  prisma: Prisma,
  centre: { id: string; name: string },
  years: { baselineYear: number; followUpYear: number },
): Promise<CentreAreaComparison> {
  const roundOf = (round: SurveyRound, year: number) => prisma.areaSurveyRound.findUnique({ where: { round_year: { round, year } }, select: { id: true } });
  const [baselineRound, followUpRound] = await Promise.all([roundOf("BASELINE", years.baselineYear), roundOf("FOLLOW_UP", years.followUpYear)]);
  const baseline = baselineRound ? await findAreaSurveyRollup(prisma, baselineRound.id) : null;
  const followUp = followUpRound ? await findAreaSurveyRollup(prisma, followUpRound.id) : null;
  const positions = [...new Set([...(baseline?.questions ?? []), ...(followUp?.questions ?? [])].filter((question) => question.kind === "LIKERT").map((question) => question.position))].sort(
    (a, b) => a - b,
  );
  return {
    centreId: centre.id,
    centreName: centre.name,
    baseline,
    followUp,
    questions: positions.map((position) => {
      const before = baseline?.questions.find((question) => question.position === position);
      const after = followUp?.questions.find((question) => question.position === position);
      const text = (after ?? before) as RollupQuestion;
      const centreBefore = before?.centres.find((row) => row.centreId === centre.id) ?? null;
      const centreAfter = after?.centres.find((row) => row.centreId === centre.id) ?? null;
      return {
        position,
        textDa: text.textDa,
        textEn: text.textEn,
        centreBaseline: centreBefore,
        centreFollowUp: centreAfter,
        areaBaseline: before?.area ?? null,
        areaFollowUp: after?.area ?? null,
        centreFollowUpVersusAreaBaseline: meanDifference(centreAfter?.mean, before?.area.mean, "centreFollowUpVersusAreaBaseline"),
        centreChange: meanDifference(centreAfter?.mean, centreBefore?.mean, "centreChange"),
      };
    }),
  };
}
