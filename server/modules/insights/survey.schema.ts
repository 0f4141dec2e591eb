// The anonymous user-experience survey: a centre opens it on a public link and QR code, users
// answer on a phone without signing in, and results show aggregated with small counts suppressed.
import { IDEMPOTENCY_KEY_DESCRIPTION, idempotencyScope } from "../../shared/idempotency.ts";
import QRCode from "qrcode";
import type { ObjectFieldBuilder } from "@pothos/core";
import { z } from "zod";
import { SurveyQuestionKind, SurveyRound } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import { COMMON_MUTATION_ERRORS, ErrorInterface } from "../../graphql/common.schema.ts";
import type { Context } from "../../graphql/context.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { createSurvey, isSurveyOpen, submitSurveyResponse } from "./insights.commands.ts";
import { SurveyClosedError } from "./insights.errors.ts";
import { centreAdminScopes, centreReaderScopes, mayReadSurveyFreeText, surveyReaderScopes } from "./insights.policy.ts";
import { FigureRef } from "./insights.schema.ts";
import {
  findSurveyComparison,
  findSurveyResults,
  type LikertBucket,
  type QuestionComparison,
  type QuestionResult,
  type SurveyComparison,
  type SurveyResults,
} from "./survey-results.ts";
import { suppress } from "./suppression.ts";

// Declared like every enum (values, name, description); only the descriptions differ.
export const SurveyRoundEnum = builder.enumType(SurveyRound, {
  name: "SurveyRound",
  description: "BASELINE: the first measurement (the strategy's 2024 round). FOLLOW_UP: a repeat to compare with (2026).",
});
export const SurveyQuestionKindEnum = builder.enumType(SurveyQuestionKind, {
  name: "SurveyQuestionKind",
  description: "LIKERT: a 1–5 scale (1 = not at all, 5 = very much). FREE_TEXT: optional text, at most 1000 characters.",
});

builder.objectType(SurveyClosedError, {
  name: "SurveyClosedError",
  description: "The survey has not opened yet or has closed.",
  interfaces: [ErrorInterface],
});

const SurveyQuestionRef = builder.prismaObject("SurveyQuestion", {
  fields: (t) => ({
    id: t.exposeID("id"),
    position: t.exposeInt("position", { description: "1, 2, 3 … in the order shown." }),
    kind: t.field({ type: SurveyQuestionKindEnum, resolve: (question) => question.kind }),
    textDa: t.exposeString("textDa"),
    textEn: t.exposeString("textEn", { description: "The Danish text when no English text was given." }),
  }),
});

const surveyUrl = (context: Context, token: string) => `${context.config.publicUrl}/undersoegelse/${token}`;

export const SurveyRef = builder.prismaObject("Survey", {
  description: "A centre's user-experience survey, for the centre's own people and coordinators.",
  fields: (t) => ({
    id: t.exposeID("id"),
    centreId: t.exposeID("centreId"),
    title: t.exposeString("title"),
    round: t.field({ type: SurveyRoundEnum, resolve: (survey) => survey.round }),
    year: t.exposeInt("year"),
    opensAt: t.expose("opensAt", { type: "DateTime" }),
    closesAt: t.expose("closesAt", { type: "DateTime" }),
    isOpen: t.boolean({ resolve: (survey, _args, context) => isSurveyOpen(survey, context.clock.now()) }),
    publicUrl: t.string({ description: "The public link users answer at (no sign-in).", resolve: (survey, _args, context) => surveyUrl(context, survey.publicToken) }),
    qrCodeSvg: t.string({
      description: "A QR code for publicUrl as an SVG document, for posters and table cards.",
      resolve: (survey, _args, context) => QRCode.toString(surveyUrl(context, survey.publicToken), { type: "svg", margin: 2 }),
    }),
    questions: t.relation("questions", { query: { orderBy: { position: "asc" } } }),
    responseCount: t.field({
      type: FigureRef,
      description: "Responses so far, suppressed below 5.",
      resolve: async (survey, _args, context) => suppress(await context.prisma.surveyResponse.count({ where: { surveyId: survey.id } }), "responseCount"),
    }),
  }),
});

interface PublicSurvey {
  title: string;
  centreName: string;
  opensAt: Date;
  closesAt: Date;
  isOpen: boolean;
  questions: { id: string; position: number; kind: SurveyQuestionKind; textDa: string; textEn: string }[];
}

type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
type ShownQuestion = { position: number; kind: SurveyQuestionKind; textDa: string; textEn: string };

/** A question as every type that shows one has it: its position, kind and texts (steering's area survey too). */
export function questionFields<Shape extends ShownQuestion>(t: ObjectFieldBuilder<BuilderTypes, Shape>) {
  return {
    position: t.int({ resolve: (question) => question.position }),
    kind: t.field({ type: SurveyQuestionKindEnum, resolve: (question) => question.kind }),
    textDa: t.string({ resolve: (question) => question.textDa }),
    textEn: t.string({ resolve: (question) => question.textEn }),
  };
}

const PublicSurveyQuestionRef = builder.objectRef<PublicSurvey["questions"][number]>("PublicSurveyQuestion").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    ...questionFields(t),
  }),
});

const PublicSurveyRef = builder.objectRef<PublicSurvey>("PublicSurvey").implement({
  description: "What a user answering on a phone sees: no ids of the centre, no counts.",
  fields: (t) => ({
    title: t.exposeString("title"),
    centreName: t.exposeString("centreName"),
    opensAt: t.expose("opensAt", { type: "DateTime" }),
    closesAt: t.expose("closesAt", { type: "DateTime" }),
    isOpen: t.exposeBoolean("isOpen", { description: "True while answers are accepted." }),
    questions: t.field({ type: [PublicSurveyQuestionRef], resolve: (survey) => survey.questions }),
  }),
});

const LikertBucketRef = builder.objectRef<LikertBucket>("LikertBucket").implement({
  fields: (t) => ({ value: t.exposeInt("value", { description: "1–5." }), count: t.field({ type: FigureRef, resolve: (bucket) => bucket.count }) }),
});

const SurveyQuestionResultRef = builder.objectRef<QuestionResult>("SurveyQuestionResult").implement({
  description: "One question's answers in aggregate; every count is suppressed below 5.",
  fields: (t) => ({
    questionId: t.exposeID("questionId"),
    ...questionFields(t),
    answerCount: t.field({ type: FigureRef, resolve: (result) => result.answerCount }),
    mean: t.field({ type: FigureRef, description: "Mean on the 1–5 scale (LIKERT only; \"–\" for free text).", resolve: (result) => result.mean }),
    distribution: t.field({ type: [LikertBucketRef], description: "Answers per value 1–5 (empty for free text).", resolve: (result) => result.distribution }),
    freeTextAnswers: t.stringList({
      nullable: true,
      description:
        "Free-text answers, alphabetically. Null unless the survey has at least 5 responses and the viewer is a member " +
        "of the centre or an admin of its organisation (never for coordinators).",
      resolve: (result) => result.freeTextAnswers,
    }),
  }),
});

const SurveyResultsRef = builder.objectRef<SurveyResults>("SurveyResults").implement({
  fields: (t) => ({
    surveyId: t.exposeID("surveyId"),
    centreId: t.exposeID("centreId"),
    title: t.exposeString("title"),
    round: t.field({ type: SurveyRoundEnum, resolve: (results) => results.round }),
    year: t.exposeInt("year"),
    responseCount: t.field({ type: FigureRef, resolve: (results) => results.responseCount }),
    questions: t.field({ type: [SurveyQuestionResultRef], resolve: (results) => results.questions }),
  }),
});

const SurveyQuestionComparisonRef = builder.objectRef<QuestionComparison>("SurveyQuestionComparison").implement({
  description: "One question in the baseline and follow-up side by side, paired by position.",
  fields: (t) => ({
    position: t.exposeInt("position"),
    textDa: t.exposeString("textDa"),
    textEn: t.exposeString("textEn"),
    baseline: t.field({ type: SurveyQuestionResultRef, nullable: true, resolve: (row) => row.baseline }),
    followUp: t.field({ type: SurveyQuestionResultRef, nullable: true, resolve: (row) => row.followUp }),
    meanChange: t.field({ type: FigureRef, description: "Follow-up mean minus baseline mean, e.g. \"+0,4\".", resolve: (row) => row.meanChange }),
  }),
});

const SurveyComparisonRef = builder.objectRef<SurveyComparison>("SurveyComparison").implement({
  fields: (t) => ({
    centreId: t.exposeID("centreId"),
    baseline: t.field({ type: SurveyResultsRef, nullable: true, resolve: (comparison) => comparison.baseline }),
    followUp: t.field({ type: SurveyResultsRef, nullable: true, resolve: (comparison) => comparison.followUp }),
    questions: t.field({ type: [SurveyQuestionComparisonRef], resolve: (comparison) => comparison.questions }),
  }),
});

const SURVEY_NOT_FOUND = { da: "Undersøgelsen", en: "The survey" };

builder.queryField("surveyByToken", (t) =>
  t.field({
    type: PublicSurveyRef,
    nullable: true,
    description: "The survey behind a public link, for answering without signing in. Null for an unknown token.",
    args: { token: t.arg.string({ required: true }) },
    authScopes: { public: true },
    resolve: async (_root, { token }, context) => {
      const survey = await context.prisma.survey.findUnique({
        where: { publicToken: token },
        include: { centre: { select: { name: true } }, questions: { orderBy: { position: "asc" } } },
      });
      if (!survey) return null;
      return {
        title: survey.title,
        centreName: survey.centre.name,
        opensAt: survey.opensAt,
        closesAt: survey.closesAt,
        isOpen: isSurveyOpen(survey, context.clock.now()),
        questions: survey.questions.map(({ id, position, kind, textDa, textEn }) => ({ id, position, kind, textDa, textEn })),
      };
    },
  }),
);

builder.queryField("surveys", (t) =>
  t.prismaField({
    type: [SurveyRef],
    description: "A centre's surveys, newest first. For the centre's members, its organisation's admins and coordinators.",
    args: { centreId: t.arg.id({ required: true }) },
    authScopes: (_root, args, context) => centreReaderScopes(context, String(args.centreId)),
    resolve: (query, _root, args, context) =>
      context.prisma.survey.findMany({ ...query, where: { centreId: String(args.centreId) }, orderBy: [{ year: "desc" }, { opensAt: "desc" }] }),
  }),
);

builder.queryField("surveyResults", (t) =>
  t.field({
    type: SurveyResultsRef,
    description: "One survey's answers in aggregate, suppressed below 5.",
    args: { surveyId: t.arg.id({ required: true }) },
    authScopes: (_root, args, context) => surveyReaderScopes(context, String(args.surveyId)),
    resolve: async (_root, args, context) => {
      const survey = await context.prisma.survey.findUnique({ where: { id: String(args.surveyId) }, select: { centreId: true } });
      if (!survey) throw new NotFoundError(SURVEY_NOT_FOUND);
      const results = await findSurveyResults(context.prisma, String(args.surveyId), {
        mayReadFreeText: await mayReadSurveyFreeText(context, survey.centreId),
      });
      if (!results) throw new NotFoundError(SURVEY_NOT_FOUND);
      return results;
    },
  }),
);

builder.queryField("surveyComparison", (t) =>
  t.field({
    type: SurveyComparisonRef,
    description: "A centre's BASELINE survey of one year beside its FOLLOW_UP survey of another, question by question.",
    args: {
      centreId: t.arg.id({ required: true }),
      baselineYear: t.arg.int({ required: true }),
      followUpYear: t.arg.int({ required: true }),
    },
    authScopes: (_root, args, context) => centreReaderScopes(context, String(args.centreId)),
    resolve: async (_root, args, context) => {
      const centreId = String(args.centreId);
      if (!(await context.prisma.centre.findUnique({ where: { id: centreId }, select: { id: true } }))) {
        throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      }
      return findSurveyComparison(context.prisma, centreId, args, { mayReadFreeText: await mayReadSurveyFreeText(context, centreId) });
    },
  }),
);

const SurveyQuestionInput = builder.inputType("SurveyQuestionInput", {
  fields: (t) => ({
    kind: t.field({ type: SurveyQuestionKindEnum, required: true }),
    textDa: t.string({ required: true, description: "1–300 characters." }),
    textEn: t.string({ required: false, description: "Optional; the Danish text is shown in English when left out." }),
  }),
});

const CreateSurveyInput = builder.inputType("CreateSurveyInput", {
  fields: (t) => ({
    centreId: t.id({ required: true }),
    title: t.string({ required: true, description: "1–200 characters." }),
    round: t.field({ type: SurveyRoundEnum, required: true }),
    year: t.int({ required: true }),
    opensAt: t.field({ type: "DateTime", required: true }),
    closesAt: t.field({ type: "DateTime", required: true }),
    questions: t.field({ type: [SurveyQuestionInput], required: true, description: "5–8 questions, in the order shown." }),
  }),
});

const createSurveySchema = z.object({
  centreId: z.string().min(1),
  title: z.string().trim().min(1).max(200),
  round: z.enum(["BASELINE", "FOLLOW_UP"]),
  year: z.number().int().min(2020).max(2100),
  opensAt: z.date(),
  closesAt: z.date(),
  questions: z
    .array(
      z.object({
        kind: z.enum(["LIKERT", "FREE_TEXT"]),
        textDa: z.string().trim().min(1).max(300),
        textEn: z.string().trim().max(300).nullish(),
      }),
    )
    .min(5)
    .max(8),
});

builder.mutationField("createSurvey", (t) =>
  t.field({
    type: SurveyRef,
    description: "Opens a survey at a centre, with a public link and QR code. For the centre's unit admins (and organisation admins).",
    args: { input: t.arg({ type: CreateSurveyInput, required: true, validate: { schema: createSurveySchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "survey" } },
    authScopes: (_root, { input }, context) => centreAdminScopes(context, String(input.centreId)),
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(createSurveySchema, input);
      refuseCprNumbers({
        title: parsed.title,
        ...Object.fromEntries(parsed.questions.flatMap((question, index) => [[`questions.${index}.textDa`, question.textDa], [`questions.${index}.textEn`, question.textEn]])),
      });
      return createSurvey(context.prisma, parsed);
    },
  }),
);

const SurveyAnswerInput = builder.inputType("SurveyAnswerInput", {
  fields: (t) => ({
    questionId: t.id({ required: true }),
    likert: t.int({ required: false, description: "1–5, for LIKERT questions." }),
    text: t.string({ required: false, description: "For FREE_TEXT questions, at most 1000 characters. Never a CPR number." }),
  }),
});

const SubmitSurveyResponseInput = builder.inputType("SubmitSurveyResponseInput", {
  fields: (t) => ({
    token: t.string({ required: true, description: "The token from the public link." }),
    answers: t.field({ type: [SurveyAnswerInput], required: true, description: "Questions may be skipped; at least one answer." }),
    idempotencyKey: t.string({ required: false, description: IDEMPOTENCY_KEY_DESCRIPTION }),
  }),
});

const submitSurveyResponseSchema = z.object({
  token: z.string().min(1).max(100),
  answers: z
    .array(z.object({ questionId: z.string().min(1), likert: z.number().int().min(1).max(5).nullish(), text: z.string().max(1000).nullish() }))
    .max(8),
  idempotencyKey: z.string().nullish(),
});

builder.mutationField("submitSurveyResponse", (t) =>
  t.boolean({
    description:
      "Answers a survey anonymously, without signing in, while it is open. Only the date is stored with the answers: " +
      "no time, no IP address, no session.",
    args: { input: t.arg({ type: SubmitSurveyResponseInput, required: true, validate: { schema: submitSurveyResponseSchema } }) },
    errors: {
      types: [...COMMON_MUTATION_ERRORS, SurveyClosedError],
      dataField: { name: "isRecorded" },
    },
    authScopes: { public: true },
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(submitSurveyResponseSchema, input);
      refuseCprNumbers(Object.fromEntries(parsed.answers.map((answer, index) => [`answers.${index}.text`, answer.text])));
      // Anonymous: the key is scoped to the survey's token, never to a person.
      const idempotency = idempotencyScope(`survey:${parsed.token}`, "submitSurveyResponse", parsed.idempotencyKey);
      return submitSurveyResponse(context.prisma, context.clock, parsed.token, parsed.answers, idempotency);
    },
  }),
);
