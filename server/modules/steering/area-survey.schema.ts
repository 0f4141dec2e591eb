// The common area survey in the graph: rounds (baseline / follow-up), the centres' own extra
// questions, the area roll-up, one centre beside the area, and a CSV import of a baseline.
import { z } from "zod";
import { builder } from "../../graphql/builder.ts";
import { CPR_CHECKED_BY_COMMAND } from "../../shared/input-guard.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { NotFoundError } from "../../shared/errors.ts";
import { parseInput, parsedBy, refuseCprNumbers } from "../../shared/validation.ts";
import { FigureRef, questionFields, SurveyQuestionKindEnum, SurveyRef, SurveyRoundEnum } from "../insights/index.ts";
import {
  addCentreSurveyQuestions,
  createAreaSurveyRound,
  DEFAULT_COMMON_QUESTIONS,
  findAreaSurveyRollup,
  findCentreAreaComparison,
  type AreaSurveyRollup,
  type CentreAreaComparison,
  type CentreAreaQuestion,
  type CentreQuestionSummary,
  type QuestionSummary,
  type RollupQuestion,
} from "./area-survey.ts";
import { importAreaSurveyBaseline, type BaselineImportResult, type RefusedRow } from "./baseline-import.ts";
import { centreVersusAreaScopes, surveyAdminScopes } from "./steering.policy.ts";

// A Prisma object's fields cannot come from questionFields (it takes a plain object's field builder),
// so the stored question spells out its position, kind and texts.
const AreaSurveyQuestionRef = builder.prismaObject("AreaSurveyQuestion", {
  description: "A common question: every centre's survey in the round has it at the same position.",
  fields: (t) => ({
    id: t.exposeID("id"),
    position: t.exposeInt("position"),
    kind: t.field({ type: SurveyQuestionKindEnum, resolve: (question) => question.kind }),
    textDa: t.exposeString("textDa"),
    textEn: t.exposeString("textEn"),
  }),
});

const AreaSurveyRoundRef = builder.prismaObject("AreaSurveyRound", {
  description: "An area-wide survey round (baseline or follow-up) that every centre runs, common questions first.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    round: t.field({ type: SurveyRoundEnum, resolve: (round) => round.round }),
    year: t.exposeInt("year"),
    opensAt: t.expose("opensAt", { type: "DateTime" }),
    closesAt: t.expose("closesAt", { type: "DateTime" }),
    questions: t.relation("questions", { query: { orderBy: { position: "asc" } } }),
  }),
});
void AreaSurveyQuestionRef;

const DistributionItemRef = builder.objectRef<QuestionSummary["distribution"][number]>("AreaSurveyBucket").implement({
  fields: (t) => ({ value: t.exposeInt("value", { description: "1–5." }), count: t.field({ type: FigureRef, resolve: (bucket) => bucket.count }) }),
});

const QuestionSummaryRef = builder.objectRef<QuestionSummary>("SurveyQuestionSummary").implement({
  description: "Answers to one question in aggregate, every count suppressed below 5.",
  fields: (t) => ({
    answerCount: t.field({ type: FigureRef, resolve: (summary) => summary.answerCount }),
    mean: t.field({ type: FigureRef, resolve: (summary) => summary.mean }),
    distribution: t.field({ type: [DistributionItemRef], resolve: (summary) => summary.distribution }),
  }),
});

const CentreQuestionSummaryRef = builder.objectRef<CentreQuestionSummary>("CentreSurveyQuestionSummary").implement({
  fields: (t) => ({
    centreId: t.exposeID("centreId"),
    centreName: t.exposeString("centreName"),
    answerCount: t.field({ type: FigureRef, resolve: (summary) => summary.answerCount }),
    mean: t.field({ type: FigureRef, resolve: (summary) => summary.mean }),
  }),
});

const RollupQuestionRef = builder.objectRef<RollupQuestion>("AreaSurveyRollupQuestion").implement({
  fields: (t) => ({
    ...questionFields(t),
    area: t.field({
      type: QuestionSummaryRef,
      description:
        "The area, built only from what the centre rows show: a suppressed centre adds nothing to a count, and the mean pools " +
        "only centres whose own mean is shown, so no area number reveals a suppressed centre by subtraction.",
      resolve: (question) => question.area,
    }),
    centres: t.field({ type: [CentreQuestionSummaryRef], description: "One row per centre, by name.", resolve: (question) => question.centres }),
  }),
});

const AreaSurveyRollupRef = builder.objectRef<AreaSurveyRollup>("AreaSurveyRollup").implement({
  description: "A round's common questions per centre and for the area. Free text is never rolled up.",
  fields: (t) => ({
    roundId: t.exposeID("roundId"),
    title: t.exposeString("title"),
    round: t.field({ type: SurveyRoundEnum, resolve: (rollup) => rollup.round }),
    year: t.exposeInt("year"),
    responseCount: t.field({ type: FigureRef, description: "Responses of the centres whose own count is shown.", resolve: (rollup) => rollup.responseCount }),
    questions: t.field({ type: [RollupQuestionRef], resolve: (rollup) => rollup.questions }),
  }),
});

const CentreAreaQuestionRef = builder.objectRef<CentreAreaQuestion>("CentreAreaSurveyQuestion").implement({
  description: "One common scale question: the centre and the area, in the baseline and the follow-up.",
  fields: (t) => ({
    position: t.exposeInt("position"),
    textDa: t.exposeString("textDa"),
    textEn: t.exposeString("textEn"),
    centreBaseline: t.field({ type: QuestionSummaryRef, nullable: true, resolve: (row) => row.centreBaseline }),
    centreFollowUp: t.field({ type: QuestionSummaryRef, nullable: true, resolve: (row) => row.centreFollowUp }),
    areaBaseline: t.field({ type: QuestionSummaryRef, nullable: true, resolve: (row) => row.areaBaseline }),
    areaFollowUp: t.field({ type: QuestionSummaryRef, nullable: true, resolve: (row) => row.areaFollowUp }),
    centreFollowUpVersusAreaBaseline: t.field({ type: FigureRef, description: "The centre's follow-up mean minus the area's baseline mean.", resolve: (row) => row.centreFollowUpVersusAreaBaseline }),
    centreChange: t.field({ type: FigureRef, description: "The centre's follow-up mean minus its own baseline mean.", resolve: (row) => row.centreChange }),
  }),
});

const CentreAreaComparisonRef = builder.objectRef<CentreAreaComparison>("CentreAreaSurveyComparison").implement({
  fields: (t) => ({
    centreId: t.exposeID("centreId"),
    centreName: t.exposeString("centreName"),
    baselineResponseCount: t.field({ type: FigureRef, nullable: true, description: "The area's baseline responses.", resolve: (comparison) => comparison.baseline?.responseCount ?? null }),
    followUpResponseCount: t.field({ type: FigureRef, nullable: true, description: "The area's follow-up responses.", resolve: (comparison) => comparison.followUp?.responseCount ?? null }),
    questions: t.field({ type: [CentreAreaQuestionRef], resolve: (comparison) => comparison.questions }),
  }),
});

const RefusedRowRef = builder.objectRef<RefusedRow>("ImportRefusedRow").implement({
  fields: (t) => ({ line: t.exposeInt("line", { description: "1 is the header line." }), reasonDa: t.exposeString("reasonDa"), reasonEn: t.exposeString("reasonEn") }),
});

const BaselineImportResultRef = builder.objectRef<BaselineImportResult>("BaselineImportReport").implement({
  fields: (t) => ({
    isDryRun: t.exposeBoolean("isDryRun"),
    acceptedRowCount: t.exposeInt("acceptedRowCount"),
    refusedRows: t.field({ type: [RefusedRowRef], resolve: (result) => result.refusedRows }),
    importedResponseCount: t.exposeInt("importedResponseCount", { description: "0 on a dry run." }),
  }),
});

builder.queryField("areaSurveyRounds", (t) =>
  t.prismaField({
    type: [AreaSurveyRoundRef],
    description: "The area survey rounds, newest first. For coordinators and the strategic group.",
    authScopes: { strategicGroup: true },
    resolve: (query, _root, _args, context) => context.prisma.areaSurveyRound.findMany({ ...query, orderBy: [{ year: "desc" }, { round: "asc" }] }),
  }),
);

builder.queryField("areaSurveyRollup", (t) =>
  t.field({
    type: AreaSurveyRollupRef,
    description: "A round's common questions per centre and for the area, suppressed below 5. For coordinators and the strategic group.",
    args: { roundId: t.arg.id({ required: true }) },
    authScopes: { strategicGroup: true },
    resolve: async (_root, args, context) => {
      const rollup = await findAreaSurveyRollup(context.prisma, String(args.roundId));
      if (!rollup) throw new NotFoundError({ da: "Undersøgelsesrunden", en: "The survey round" });
      return rollup;
    },
  }),
);

builder.queryField("centreAreaSurveyComparison", (t) =>
  t.field({
    type: CentreAreaComparisonRef,
    description: "One centre's common answers beside the area's, in the baseline round of one year and the follow-up round of another.",
    args: { centreId: t.arg.id({ required: true }), baselineYear: t.arg.int({ required: true }), followUpYear: t.arg.int({ required: true }) },
    authScopes: (_root, args, context) => centreVersusAreaScopes(context, String(args.centreId)),
    resolve: async (_root, args, context) => {
      const centre = await context.prisma.centre.findUnique({ where: { id: String(args.centreId) }, select: { id: true, name: true } });
      if (!centre) throw new NotFoundError({ da: "Værestedet", en: "The centre" });
      return findCentreAreaComparison(context.prisma, centre, args);
    },
  }),
);

const QuestionInput = builder.inputType("AreaSurveyQuestionInput", {
  fields: (t) => ({
    kind: t.field({ type: SurveyQuestionKindEnum, required: true }),
    textDa: t.string({ required: true, description: "1–300 characters." }),
    textEn: t.string({ required: false }),
  }),
});

const questionSchema = z.object({ kind: z.enum(["LIKERT", "FREE_TEXT"]), textDa: z.string().trim().min(1).max(300), textEn: z.string().trim().max(300).nullish() });
const questionTexts = (questions: readonly z.infer<typeof questionSchema>[]) =>
  Object.fromEntries(questions.flatMap((question, index) => [[`questions.${index}.textDa`, question.textDa], [`questions.${index}.textEn`, question.textEn]]));

const CreateAreaSurveyRoundInput = builder.inputType("CreateAreaSurveyRoundInput", {
  fields: (t) => ({
    title: t.string({ required: true, description: "1–200 characters." }),
    round: t.field({ type: SurveyRoundEnum, required: true }),
    year: t.int({ required: true }),
    opensAt: t.field({ type: "DateTime", required: true }),
    closesAt: t.field({ type: "DateTime", required: true }),
    questions: t.field({
      type: [QuestionInput],
      required: false,
      description: `The common questions (1–8). Left out: the municipality's user-experience questions (${DEFAULT_COMMON_QUESTIONS.length} scale questions).`,
    }),
  }),
});

const createRoundSchema = z.object({
  title: z.string().trim().min(1).max(200),
  round: z.enum(["BASELINE", "FOLLOW_UP"]),
  year: z.number().int().min(2020).max(2100),
  opensAt: z.date(),
  closesAt: z.date(),
  questions: z.array(questionSchema).min(1).max(8).nullish(),
});

builder.mutationField("createAreaSurveyRound", (t) =>
  t.field({
    type: AreaSurveyRoundRef,
    description: "Starts an area-wide round: the common questions and a survey with its own link at every centre. Coordinators only.",
    args: { input: t.arg({ type: CreateAreaSurveyRoundInput, required: true, validate: { schema: createRoundSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "round" } },
    authScopes: { coordinator: true },
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(createRoundSchema, input);
      return createAreaSurveyRound(context.prisma, parsed);
    },
  }),
);

const AddCentreSurveyQuestionsInput = builder.inputType("AddCentreSurveyQuestionsInput", {
  fields: (t) => ({
    surveyId: t.id({ required: true }),
    questions: t.field({ type: [QuestionInput], required: true, description: "1–7 questions, shown after the common ones." }),
  }),
});

const addQuestionsSchema = z.object({ surveyId: z.string().min(1), questions: z.array(questionSchema).min(1).max(7) });

builder.mutationField("addCentreSurveyQuestions", (t) =>
  t.field({
    type: SurveyRef,
    description: "Adds the centre's own questions after the common ones of its survey. For the centre's unit admins and its organisation's admins.",
    args: { input: t.arg({ type: AddCentreSurveyQuestionsInput, required: true, validate: { schema: addQuestionsSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "survey" } },
    authScopes: (_root, { input }, context) => surveyAdminScopes(context, String(input.surveyId)),
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(addQuestionsSchema, input);
      refuseCprNumbers(questionTexts(parsed.questions));
      return addCentreSurveyQuestions(context.prisma, parsed.surveyId, parsed.questions);
    },
  }),
);

const ImportAreaSurveyBaselineInput = builder.inputType("ImportAreaSurveyBaselineInput", {
  fields: (t) => ({
    roundId: t.id({ required: true, description: "A BASELINE round." }),
    csv: t.string({
      required: true,
      description: "Header \"værested;1;2;…\" (the common scale questions' numbers), then one line per respondent: centre name or short-link key, then 1–5 or empty.",
      // The import refuses each row holding a CPR-like number by its line, in the dry run's report.
      extensions: { [CPR_CHECKED_BY_COMMAND]: true },
    }),
    dryRun: t.boolean({ required: true, description: "True: only check and report refused rows; nothing is written." }),
  }),
});

builder.mutationField("importAreaSurveyBaseline", (t) =>
  t.field({
    type: BaselineImportResultRef,
    description: "Imports an earlier measurement (e.g. the 2024 baseline) from CSV into a baseline round. Refused rows are reported by line. Coordinators only.",
    args: { input: t.arg({ type: ImportAreaSurveyBaselineInput, required: true }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "report" } },
    authScopes: { coordinator: true },
    // parseInput kept beside the CSV import, whose own rules and per-line report live in baseline-import.ts.
    resolve: (_root, { input }, context) =>
      importAreaSurveyBaseline(context.prisma, parseInput(z.object({ roundId: z.string().min(1), csv: z.string().min(1), dryRun: z.boolean() }), input)),
  }),
);
