// The initiative catalogue in the graph: a public read-only list with each measure's current
// value computed from the figures; coordinators and the owner organisation's admins edit.
import { z } from "zod";
import { InitiativeKind, InitiativeMeasureKind, InitiativeStatus } from "../../generated/prisma/enums.ts";
import { builder } from "../../graphql/builder.ts";
import type { Context } from "../../graphql/context.ts";
import { COMMON_MUTATION_ERRORS } from "../../graphql/common.schema.ts";
import { parsedBy } from "../../shared/validation.ts";
import { CentreRef, OrganisationSummaryRef } from "../directory/index.ts";
import { FigureRef } from "../insights/index.ts";
import { CURRENT_VALUE_DAYS, findInitiativeEditorOptions, measureProgress, saveInitiative, type MeasureProgress } from "./initiatives.ts";

const InitiativeStatusEnum = builder.enumType(InitiativeStatus, { name: "InitiativeStatus", description: "IDEA → PLANNED → RUNNING → EVALUATED." });
export const InitiativeKindEnum = builder.enumType(InitiativeKind, { name: "InitiativeKind" });
const InitiativeMeasureKindEnum = builder.enumType(InitiativeMeasureKind, { name: "InitiativeMeasureKind" });

const MeasureProgressRef = builder.objectRef<MeasureProgress>("InitiativeMeasureProgress").implement({
  description: "One line of the effect template with its current value, computed (never typed in).",
  fields: (t) => ({
    position: t.exposeInt("position"),
    kind: t.field({ type: InitiativeMeasureKindEnum, resolve: (measure) => measure.kind }),
    figureKey: t.exposeString("figureKey", { nullable: true, description: "For FIGURE: the key of Query.figureDefinitions." }),
    surveyPosition: t.exposeInt("surveyPosition", { nullable: true, description: "For SURVEY_QUESTION: the common question's number." }),
    labelDa: t.exposeString("labelDa"),
    labelEn: t.exposeString("labelEn"),
    baselineValue: t.exposeFloat("baselineValue", { nullable: true }),
    targetValue: t.exposeFloat("targetValue"),
    current: t.field({
      type: FigureRef,
      description: `Figures: the initiative's centres (all when none) over the last ${CURRENT_VALUE_DAYS} days. Survey questions: the area mean in the latest round. Suppressed like every figure.`,
      resolve: (measure) => measure.current,
    }),
    progressPercent: t.exposeFloat("progressPercent", { nullable: true, description: "How far from baseline to target (100 = reached); null when a value is missing or suppressed." }),
  }),
});

export const InitiativeRef = builder.prismaObject("Initiative", {
  description: "An item of the initiative catalogue. Public: it says what the area does and how its effect is measured.",
  authScopes: { public: true },
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title"),
    description: t.exposeString("description"),
    kind: t.field({ type: InitiativeKindEnum, resolve: (initiative) => initiative.kind }),
    status: t.field({ type: InitiativeStatusEnum, resolve: (initiative) => initiative.status }),
    ownerOrganisation: t.field({
      type: OrganisationSummaryRef,
      select: { ownerOrganisation: { select: { id: true, name: true, kind: true } } },
      resolve: (initiative) => initiative.ownerOrganisation,
    }),
    centres: t.relation("centres", { type: CentreRef, query: { orderBy: { name: "asc" } } }),
    quickEffect: t.exposeInt("quickEffect", { description: "Expected quick effect, 1 (low) to 3 (high)." }),
    maturity: t.exposeInt("maturity", { description: "Maturity, 1 (low) to 3 (high)." }),
    resourceDraw: t.exposeInt("resourceDraw", { description: "Resource draw, 1 (low) to 3 (high)." }),
    evaluationText: t.exposeString("evaluationText", { nullable: true, description: "The qualitative evaluation." }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    measures: t.field({
      type: [MeasureProgressRef],
      description: "The effect template: what measures the effect, baseline, target and the computed current value.",
      select: { centres: { select: { id: true } }, measures: true },
      resolve: (initiative, _args, context) => measureProgress(context.prisma, context.clock, initiative),
    }),
  }),
});

builder.queryField("initiatives", (t) =>
  t.prismaField({
    type: [InitiativeRef],
    description: "The initiative catalogue, public and read-only: running first, then planned, ideas and evaluated.",
    args: { status: t.arg({ type: InitiativeStatusEnum, required: false }) },
    authScopes: { public: true },
    resolve: async (query, _root, args, context) => {
      const rows = await context.prisma.initiative.findMany({ ...query, where: args.status ? { status: args.status } : {}, orderBy: [{ title: "asc" }] });
      const order: Record<string, number> = { RUNNING: 0, PLANNED: 1, IDEA: 2, EVALUATED: 3 };
      return rows.sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9));
    },
  }),
);

function initiativeViewerOf(context: Context) {
  const viewer = context.viewer;
  return { isCoordinator: viewer?.globalRole === "COORDINATOR" || viewer?.globalRole === "PLATFORM_ADMIN", organisationAdminOf: viewer?.organisationAdminOf ?? [] };
}

const EditorCentreRef = builder.objectRef<{ id: string; name: string }>("InitiativeEditorCentre").implement({
  fields: (t) => ({ id: t.exposeID("id"), name: t.exposeString("name") }),
});
const EditorQuestionRef = builder.objectRef<{ position: number; textDa: string; textEn: string }>("InitiativeEditorQuestion").implement({
  fields: (t) => ({ position: t.exposeInt("position"), textDa: t.exposeString("textDa"), textEn: t.exposeString("textEn") }),
});
const EditorOptionsRef = builder.objectRef<Awaited<ReturnType<typeof findInitiativeEditorOptions>>>("InitiativeEditorOptions").implement({
  description: "What the initiative form offers.",
  fields: (t) => ({
    organisations: t.field({ type: [OrganisationSummaryRef], description: "Owners the viewer may choose: every organisation for coordinators, their own for organisation admins.", resolve: (options) => options.organisations }),
    centres: t.field({ type: [EditorCentreRef], resolve: (options) => options.centres }),
    commonQuestions: t.field({ type: [EditorQuestionRef], description: "The common survey questions of the latest area round.", resolve: (options) => options.commonQuestions }),
  }),
});

builder.queryField("initiativeEditorOptions", (t) =>
  t.field({
    type: EditorOptionsRef,
    description: "The choices of the initiative form. Coordinators and organisation admins.",
    authScopes: { initiativeEditor: true },
    resolve: (_root, _args, context) => findInitiativeEditorOptions(context.prisma, initiativeViewerOf(context)),
  }),
);

const MeasureInput = builder.inputType("InitiativeMeasureInput", {
  fields: (t) => ({
    kind: t.field({ type: InitiativeMeasureKindEnum, required: true }),
    figureKey: t.string({ required: false, description: "For FIGURE: a key of Query.figureDefinitions." }),
    surveyPosition: t.int({ required: false, description: "For SURVEY_QUESTION: the common question's number." }),
    baselineValue: t.float({ required: false }),
    targetValue: t.float({ required: true }),
  }),
});

const SaveInitiativeInput = builder.inputType("SaveInitiativeInput", {
  fields: (t) => ({
    id: t.id({ required: false, description: "Left out: a new initiative." }),
    title: t.string({ required: true, description: "1–200 characters." }),
    description: t.string({ required: true, description: "1–2000 characters. No personal data." }),
    kind: t.field({ type: InitiativeKindEnum, required: true }),
    status: t.field({ type: InitiativeStatusEnum, required: true }),
    ownerOrganisationId: t.id({ required: true }),
    centreIds: t.idList({ required: true, description: "The centres involved (may be empty)." }),
    quickEffect: t.int({ required: true, description: "1–3." }),
    maturity: t.int({ required: true, description: "1–3." }),
    resourceDraw: t.int({ required: true, description: "1–3." }),
    evaluationText: t.string({ required: false, description: "At most 4000 characters. No personal data." }),
    measures: t.field({ type: [MeasureInput], required: true, description: "0–8 lines of the effect template." }),
  }),
});

const weight = z.number().int().min(1).max(3);
const saveInitiativeSchema = z.object({
  id: z.string().min(1).nullish(),
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2000),
  kind: z.enum(InitiativeKind),
  status: z.enum(InitiativeStatus),
  ownerOrganisationId: z.string().min(1),
  centreIds: z.array(z.string().min(1)).max(200),
  quickEffect: weight,
  maturity: weight,
  resourceDraw: weight,
  evaluationText: z.string().trim().max(4000).nullish(),
  measures: z
    .array(
      z.object({
        kind: z.enum(InitiativeMeasureKind),
        figureKey: z.string().max(100).nullish(),
        surveyPosition: z.number().int().nullish(),
        baselineValue: z.number().finite().nullish(),
        targetValue: z.number().finite(),
      }),
    )
    .max(8),
});

builder.mutationField("saveInitiative", (t) =>
  t.field({
    type: InitiativeRef,
    description: "Creates or updates an initiative. Coordinators; an organisation's admins for the initiatives their organisation owns.",
    args: { input: t.arg({ type: SaveInitiativeInput, required: true, validate: { schema: saveInitiativeSchema } }) },
    errors: { types: [...COMMON_MUTATION_ERRORS], dataField: { name: "initiative" } },
    // The owner organisation named in the input; saveInitiative also checks the stored owner on update.
    authScopes: (_root, { input }) => ({ coordinator: true, organisationAdmin: String(input.ownerOrganisationId) }),
    resolve: (_root, { input }, context) => {
      const parsed = parsedBy(saveInitiativeSchema, input);
      return saveInitiative(context.prisma, initiativeViewerOf(context), parsed);
    },
  }),
);
