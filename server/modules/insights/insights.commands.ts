// Writes of the insights module: anonymous tallies, activities held, surveys and their answers.
// None of them stores anything about a visitor or respondent as a person.
import { createOnce, type IdempotencyScope, recordIdempotentResult } from "../../shared/idempotency.ts";
import type { Clock } from "../../clock.ts";
import type { Prisma } from "../../db/database.ts";
import { Prisma as PrismaNamespace } from "../../generated/prisma/client.ts";
import type { SurveyQuestionKind, SurveyRound } from "../../generated/prisma/enums.ts";
import { NotFoundError, ValidationError } from "../../shared/errors.ts";
import { dateColumn } from "./figures.ts";
import { SurveyClosedError } from "./insights.errors.ts";
import { localDateOf } from "../../shared/copenhagen-time.ts";
import { newToken, PUBLIC_TOKEN_BYTES } from "../../shared/tokens.ts";

const CENTRE_NOT_FOUND = { da: "Værestedet", en: "The centre" };
const SURVEY_NOT_FOUND = { da: "Undersøgelsen", en: "The survey" };

export interface VisitorTallyInput {
  centreId: string;
  date: string;
  openingPeriodId?: string | null | undefined;
  count: number;
  /** Target-group codes of the taxonomy, checked by the caller. */
  byTargetGroup?: { targetGroup: string; count: number }[] | null | undefined;
}

function refuseFutureDate(date: string, clock: Clock): void {
  if (date > localDateOf(clock.now())) {
    throw ValidationError.single("date", { da: "Datoen må ikke ligge i fremtiden.", en: "The date must not be in the future." });
  }
}

/**
 * Records the visitor count of one day (or one opening period of it). Recording the same day
 * and period again corrects the earlier count instead of adding to it.
 */
export async function recordVisitorTally(prisma: Prisma, clock: Clock, recordedById: string, input: VisitorTallyInput) {
  refuseFutureDate(input.date, clock);
  const split = input.byTargetGroup ?? [];
  if (split.reduce((sum, part) => sum + part.count, 0) > input.count) {
    throw ValidationError.single("byTargetGroup", {
      da: "Opdelingen på målgrupper må ikke være større end det samlede antal.",
      en: "The split by target group must not add up to more than the total.",
    });
  }
  if (new Set(split.map((part) => part.targetGroup)).size !== split.length) {
    throw ValidationError.single("byTargetGroup", { da: "Hver målgruppe må kun stå én gang.", en: "Each target group may appear only once." });
  }
  const byTargetGroup = split.length > 0 ? Object.fromEntries(split.map((part) => [part.targetGroup, part.count])) : undefined;
  return prisma.$transaction(async (tx) => {
    const centre = await tx.centre.findUnique({ where: { id: input.centreId }, select: { id: true } });
    if (!centre) throw new NotFoundError(CENTRE_NOT_FOUND);
    const openingPeriodId = input.openingPeriodId ?? null;
    if (openingPeriodId && !(await tx.openingPeriod.findFirst({ where: { id: openingPeriodId, centreId: centre.id } }))) {
      throw ValidationError.single("openingPeriodId", {
        da: "Åbningstiden hører ikke til dette værested.",
        en: "The opening period does not belong to this centre.",
      });
    }
    const date = dateColumn(input.date);
    const existing = await tx.visitorTally.findFirst({ where: { centreId: centre.id, date, openingPeriodId } });
    const values = { count: input.count, byTargetGroup: byTargetGroup ?? PrismaNamespace.DbNull, recordedById };
    return existing
      ? tx.visitorTally.update({ where: { id: existing.id }, data: values })
      : tx.visitorTally.create({ data: { centreId: centre.id, date, openingPeriodId, ...values } });
  });
}

export interface ActivityHeldInput {
  centreId: string;
  date: string;
  title: string;
  participants?: number | null | undefined;
  activityId?: string | null | undefined;
}

/** Records that an activity was held at the centre on a date (participants as a plain count). */
export async function recordActivityHeld(prisma: Prisma, clock: Clock, recordedById: string, input: ActivityHeldInput) {
  refuseFutureDate(input.date, clock);
  return prisma.$transaction(async (tx) => {
    const centre = await tx.centre.findUnique({ where: { id: input.centreId }, select: { id: true } });
    if (!centre) throw new NotFoundError(CENTRE_NOT_FOUND);
    if (input.activityId && !(await tx.activity.findFirst({ where: { id: input.activityId, centreId: centre.id } }))) {
      throw ValidationError.single("activityId", { da: "Aktiviteten hører ikke til dette værested.", en: "The activity does not belong to this centre." });
    }
    return tx.activityHeld.create({
      data: {
        centreId: centre.id,
        activityId: input.activityId ?? null,
        title: input.title,
        date: dateColumn(input.date),
        participants: input.participants ?? null,
        recordedById,
      },
    });
  });
}

export interface CreateSurveyInput {
  centreId: string;
  title: string;
  round: SurveyRound;
  year: number;
  opensAt: Date;
  closesAt: Date;
  questions: { kind: SurveyQuestionKind; textDa: string; textEn?: string | null | undefined }[];
}

/** Opens a survey at a centre with an unguessable public token for its link and QR code. */
export async function createSurvey(prisma: Prisma, input: CreateSurveyInput) {
  if (input.closesAt.getTime() <= input.opensAt.getTime()) {
    throw ValidationError.single("closesAt", { da: "Undersøgelsen skal lukke efter, den åbner.", en: "The survey must close after it opens." });
  }
  return prisma.$transaction(async (tx) => {
    const centre = await tx.centre.findUnique({ where: { id: input.centreId }, select: { id: true } });
    if (!centre) throw new NotFoundError(CENTRE_NOT_FOUND);
    return tx.survey.create({
      data: {
        centreId: centre.id,
        title: input.title,
        round: input.round,
        year: input.year,
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        publicToken: newToken(PUBLIC_TOKEN_BYTES),
        questions: {
          create: input.questions.map((question, index) => ({
            position: index + 1,
            kind: question.kind,
            textDa: question.textDa,
            // Without an English text the English page shows the Danish one.
            textEn: question.textEn?.trim() ? question.textEn : question.textDa,
          })),
        },
      },
    });
  });
}

export function isSurveyOpen(survey: { opensAt: Date; closesAt: Date }, now: Date): boolean {
  return survey.opensAt.getTime() <= now.getTime() && now.getTime() < survey.closesAt.getTime();
}

export interface SurveyAnswerInput {
  questionId: string;
  likert?: number | null | undefined;
  text?: string | null | undefined;
}

/**
 * Stores one anonymous response. Only the date is kept: no time, no IP, no session, nothing
 * that links the answers to a person or to another response.
 */
export async function submitSurveyResponse(
  prisma: Prisma,
  clock: Clock,
  token: string,
  answers: readonly SurveyAnswerInput[],
  idempotency: IdempotencyScope | null = null,
): Promise<boolean> {
  return createOnce(prisma, idempotency, async () => true, () => submitNewSurveyResponse(prisma, clock, token, answers, idempotency));
}

async function submitNewSurveyResponse(
  prisma: Prisma,
  clock: Clock,
  token: string,
  answers: readonly SurveyAnswerInput[],
  idempotency: IdempotencyScope | null,
): Promise<boolean> {
  const now = clock.now();
  return prisma.$transaction(async (tx) => {
    const survey = await tx.survey.findUnique({ where: { publicToken: token }, include: { questions: true } });
    if (!survey) throw new NotFoundError(SURVEY_NOT_FOUND);
    if (!isSurveyOpen(survey, now)) throw new SurveyClosedError();
    const questions = new Map(survey.questions.map((question) => [question.id, question]));
    const issues: { field: string; message: string; messageDa: string }[] = [];
    const rows: { questionId: string; likert: number | null; text: string | null }[] = [];
    answers.forEach((answer, index) => {
      const question = questions.get(answer.questionId);
      const field = `answers.${index}`;
      if (!question) {
        issues.push({ field, message: "This question is not part of the survey.", messageDa: "Spørgsmålet hører ikke til undersøgelsen." });
      } else if (rows.some((row) => row.questionId === question.id)) {
        issues.push({ field, message: "Each question may be answered only once.", messageDa: "Hvert spørgsmål kan kun besvares én gang." });
      } else if (question.kind === "LIKERT") {
        if (answer.text || answer.likert === null || answer.likert === undefined) {
          issues.push({ field, message: "Choose a value from 1 to 5.", messageDa: "Vælg en værdi fra 1 til 5." });
        } else {
          rows.push({ questionId: question.id, likert: answer.likert, text: null });
        }
      } else if (answer.likert !== null && answer.likert !== undefined) {
        issues.push({ field, message: "This question takes text, not a value.", messageDa: "Dette spørgsmål besvares med tekst, ikke en værdi." });
      } else if (answer.text?.trim()) {
        rows.push({ questionId: question.id, likert: null, text: answer.text.trim() });
      }
    });
    if (issues.length > 0) throw new ValidationError(issues);
    if (rows.length === 0) {
      throw ValidationError.single("answers", { da: "Besvar mindst ét spørgsmål.", en: "Answer at least one question." });
    }
    const response = await tx.surveyResponse.create({
      data: { surveyId: survey.id, submittedOn: dateColumn(localDateOf(now)), answers: { create: rows } },
      select: { id: true },
    });
    await recordIdempotentResult(tx, idempotency, response.id, now);
    return true;
  });
}
